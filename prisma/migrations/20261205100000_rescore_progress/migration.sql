-- A publish's re-score runs in the background in batches; its progress is a row the rules page polls (issue 23).

-- CreateEnum
CREATE TYPE "RescoreReason" AS ENUM ('PUBLISH', 'DECAY');

-- CreateEnum
CREATE TYPE "RescoreOutcome" AS ENUM ('DONE', 'STOPPED', 'INTERRUPTED', 'FAILED');

-- CreateTable
CREATE TABLE "Rescore" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "scoringModelId" TEXT NOT NULL,
    "reason" "RescoreReason" NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "rewritten" INTEGER NOT NULL DEFAULT 0,
    "becameMql" INTEGER NOT NULL DEFAULT 0,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" "RescoreOutcome",
    "error" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Rescore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Rescore_workspaceId_startedAt_idx" ON "Rescore"("workspaceId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Rescore_finishedAt_heartbeatAt_idx" ON "Rescore"("finishedAt", "heartbeatAt");


