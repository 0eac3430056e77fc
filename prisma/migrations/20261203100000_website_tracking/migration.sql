-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "firstTouch" JSONB,
ADD COLUMN     "lastTouch" JSONB;

-- CreateTable
CREATE TABLE "TrackingSite" (
    "workspaceId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "requireConsent" BOOLEAN NOT NULL DEFAULT true,
    "allowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "urlRules" JSONB NOT NULL DEFAULT '[]',
    "channelRules" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingSite_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "PageView" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "referrer" TEXT NOT NULL DEFAULT '',
    "utmSource" TEXT NOT NULL DEFAULT '',
    "utmMedium" TEXT NOT NULL DEFAULT '',
    "utmCampaign" TEXT NOT NULL DEFAULT '',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "leadId" TEXT,

    CONSTRAINT "PageView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackedVisitor" (
    "workspaceId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "identifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedVisitor_pkey" PRIMARY KEY ("workspaceId","visitorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackingSite_publicKey_key" ON "TrackingSite"("publicKey");

-- CreateIndex
CREATE INDEX "PageView_workspaceId_visitorId_occurredAt_idx" ON "PageView"("workspaceId", "visitorId", "occurredAt");

-- CreateIndex
CREATE INDEX "PageView_leadId_idx" ON "PageView"("leadId");

-- CreateIndex
CREATE INDEX "PageView_occurredAt_idx" ON "PageView"("occurredAt");

-- CreateIndex
CREATE INDEX "TrackedVisitor_leadId_idx" ON "TrackedVisitor"("leadId");

-- AddForeignKey
ALTER TABLE "TrackingSite" ADD CONSTRAINT "TrackingSite_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


