-- CreateEnum
CREATE TYPE "GoalMetric" AS ENUM ('MQLS', 'SQLS', 'REVENUE', 'SLA_COMPLIANCE');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "budget" DECIMAL(14,2),
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'EUR',
ADD COLUMN     "endDate" DATE,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "startDate" DATE;

-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "responseMinutes" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CampaignSpend" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "eurRate" DECIMAL(14,6) NOT NULL,
    "amountEur" DECIMAL(14,2) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignSpend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "metric" "GoalMetric" NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "setById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignSpend_workspaceId_periodStart_idx" ON "CampaignSpend"("workspaceId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignSpend_campaignId_periodStart_periodEnd_key" ON "CampaignSpend"("campaignId", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_workspaceId_month_metric_key" ON "Goal"("workspaceId", "month", "metric");

-- AddForeignKey
ALTER TABLE "CampaignSpend" ADD CONSTRAINT "CampaignSpend_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
