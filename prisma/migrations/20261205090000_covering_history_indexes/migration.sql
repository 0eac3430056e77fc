-- The funnel's two heaviest statements read the year's stage changes: time in stage (the stays that began in the
-- period, their medians) and the distinct leads behind each stage's entries. Both walked an index and then read
-- the table's rows for the columns they aggregate and filter on (1M leads, a year: 271,373 stays in 16,474 heap
-- pages, 315 ms; 219,331 entries, 246 ms). These indexes carry those columns (INCLUDE), so both are index-only
-- scans in stage order: 120 ms and 122 ms, measured in SQL on the bench dataset. Partial (stays that ended, entries
-- past Lead), so a third of the rows, and — like every partial index here — not in schema.prisma, which cannot say
-- INCLUDE (Prisma leaves partial indexes alone, as the drift test checks).
CREATE INDEX "LeadStageChange_stays_covering_idx" ON "LeadStageChange"("workspaceId", "fromStage", "fromStageEnteredAt")
  INCLUDE ("at", "leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId")
  WHERE "fromStage" IS NOT NULL;

CREATE INDEX "LeadStageChange_entries_covering_idx" ON "LeadStageChange"("workspaceId", "toStage", "at")
  INCLUDE ("leadId", "leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId")
  WHERE "toStage" <> 'LEAD';
