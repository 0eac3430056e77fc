-- CreateEnum
CREATE TYPE "BacktestOutcome" AS ENUM ('SQL', 'OPPORTUNITY', 'WON');

-- CreateEnum
CREATE TYPE "BacktestStatus" AS ENUM ('RUNNING', 'DONE', 'CANCELLED', 'FAILED');

-- CreateTable
CREATE TABLE "ScoringBacktest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "baselineModelId" TEXT,
    "definitionHash" TEXT NOT NULL,
    "createdFrom" TIMESTAMP(3) NOT NULL,
    "createdTo" TIMESTAMP(3) NOT NULL,
    "cutoffDays" INTEGER NOT NULL,
    "outcome" "BacktestOutcome" NOT NULL,
    "status" "BacktestStatus" NOT NULL DEFAULT 'RUNNING',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT NOT NULL DEFAULT '',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScoringBacktest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScoringBacktest_workspaceId_modelId_createdAt_idx" ON "ScoringBacktest"("workspaceId", "modelId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ScoringBacktest_workspaceId_createdAt_idx" ON "ScoringBacktest"("workspaceId", "createdAt" DESC);


