-- CreateEnum
CREATE TYPE "HandoffStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RejectReason" AS ENUM ('NOT_A_FIT', 'NO_BUDGET', 'BAD_CONTACT_DATA', 'NOT_REACHABLE', 'TIMING', 'DUPLICATE', 'ALREADY_CUSTOMER', 'SPAM');

-- CreateEnum
CREATE TYPE "HandoffEventKind" AS ENUM ('ASSIGNED', 'REASSIGNED', 'BREACHED', 'ESCALATED', 'ACCEPTED', 'REJECTED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "expectedCloseDate" DATE,
ADD COLUMN     "lostAt" TIMESTAMP(3),
ADD COLUMN     "lostReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "opportunityAmount" DECIMAL(14,2),
ADD COLUMN     "wonAmount" DECIMAL(14,2);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "away" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "awayUntil" TIMESTAMP(3),
ADD COLUMN     "lastAssignedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "mailPending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mailedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "responseHours" DOUBLE PRECISION NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL,
    "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "dayStartMinute" INTEGER NOT NULL DEFAULT 540,
    "dayEndMinute" INTEGER NOT NULL DEFAULT 1080,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mqlMonthlyTarget" INTEGER NOT NULL DEFAULT 100,
    "maxReassignments" INTEGER NOT NULL DEFAULT 2,
    "dueSoonMinutes" INTEGER NOT NULL DEFAULT 60,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "personaId" TEXT,
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "companySizeMin" INTEGER,
    "companySizeMax" INTEGER,
    "repUserIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "openLeadId" TEXT,
    "slaPolicyId" TEXT NOT NULL,
    "status" "HandoffStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "routingRuleId" TEXT,
    "handedOffAt" TIMESTAMP(3) NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "firstDueAt" TIMESTAMP(3) NOT NULL,
    "breachedAt" TIMESTAMP(3),
    "breachCount" INTEGER NOT NULL DEFAULT 0,
    "reassignCount" INTEGER NOT NULL DEFAULT 0,
    "dueSoonAt" TIMESTAMP(3) NOT NULL,
    "dueSoonNotifiedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "rejectReason" "RejectReason",
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffEvent" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "kind" "HandoffEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorUserId" TEXT,
    "fromUserId" TEXT,
    "toUserId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "HandoffEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name","periodKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlaPolicy_workspaceId_version_key" ON "SlaPolicy"("workspaceId", "version");

-- CreateIndex
CREATE INDEX "RoutingRule_workspaceId_position_idx" ON "RoutingRule"("workspaceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_openLeadId_key" ON "Handoff"("openLeadId");

-- CreateIndex
CREATE INDEX "Handoff_leadId_handedOffAt_idx" ON "Handoff"("leadId", "handedOffAt");

-- CreateIndex
CREATE INDEX "Handoff_assigneeId_status_dueAt_idx" ON "Handoff"("assigneeId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Handoff_workspaceId_status_dueAt_idx" ON "Handoff"("workspaceId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Handoff_workspaceId_status_answeredAt_idx" ON "Handoff"("workspaceId", "status", "answeredAt");

-- CreateIndex
CREATE INDEX "Handoff_sweep_idx" ON "Handoff"("status", "breachedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Handoff_due_soon_idx" ON "Handoff"("status", "dueSoonNotifiedAt", "dueSoonAt");

-- CreateIndex
CREATE INDEX "HandoffEvent_handoffId_at_idx" ON "HandoffEvent"("handoffId", "at");

-- CreateIndex
CREATE INDEX "HandoffEvent_workspaceId_kind_at_idx" ON "HandoffEvent"("workspaceId", "kind", "at");

-- CreateIndex
CREATE INDEX "Notification_mail_outbox_idx" ON "Notification"("mailPending", "createdAt");

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_slaPolicyId_fkey" FOREIGN KEY ("slaPolicyId") REFERENCES "SlaPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffEvent" ADD CONSTRAINT "HandoffEvent_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
