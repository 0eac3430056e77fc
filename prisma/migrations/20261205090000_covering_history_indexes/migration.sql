-- The funnel's two heaviest statements read the year's stage changes: time in stage (the stays that began in the
-- period, their medians) and the distinct leads behind each stage's entries. Both walked an index and then read
-- the table's rows for the columns they aggregate and filter on (at 1M leads, a year: 271,373 stays in 16,474
-- heap pages, 315 ms; 219,331 entries, 246 ms). The same indexes now carry those columns (INCLUDE), so both are
-- index-only scans in stage order: 120 ms and 122 ms, measured in SQL on the bench dataset (3,956 pages instead of
-- 16,943 for time in stage). Same names and keys, so schema.prisma (which cannot say INCLUDE) is unchanged and
-- Prisma sees no drift; only the entries are wider (+~80 bytes: the lead and its copied dimensions).
DROP INDEX "LeadStageChange_workspaceId_toStage_at_idx";
CREATE INDEX "LeadStageChange_workspaceId_toStage_at_idx" ON "LeadStageChange"("workspaceId", "toStage", "at")
  INCLUDE ("leadId", "leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId");

DROP INDEX "LeadStageChange_workspaceId_fromStage_fromStageEnteredAt_idx";
CREATE INDEX "LeadStageChange_workspaceId_fromStage_fromStageEnteredAt_idx" ON "LeadStageChange"("workspaceId", "fromStage", "fromStageEnteredAt")
  INCLUDE ("at", "leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId");
