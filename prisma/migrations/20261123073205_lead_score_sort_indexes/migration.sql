-- DropIndex
DROP INDEX "Lead_workspaceId_totalScore_idx";

-- CreateIndex
CREATE INDEX "Lead_workspaceId_totalScore_id_idx" ON "Lead"("workspaceId", "totalScore" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Lead_workspaceId_channel_totalScore_id_idx" ON "Lead"("workspaceId", "channel", "totalScore" DESC, "id" DESC);
