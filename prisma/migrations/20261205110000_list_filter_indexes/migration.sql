-- Leads list filters that walked every lead newest first (issue 23; 1M leads, page + capped count of 10,001):
-- a campaign's leads (125 ms + 783 ms: the heap read once per lead passed) and the leads that reached a stage with
-- no period (196 ms + 524 ms: 6.6 % of leads reached SQL).
CREATE INDEX "Lead_workspaceId_campaignId_createdAt_id_idx" ON "Lead"("workspaceId", "campaignId", "createdAt" DESC, "id" DESC);

-- "Reached <stage> or later", newest first: one partial index per stage, holding only the leads that got there
-- (12 %, 6.6 %, 3 % and 1.2 % of the bench's leads). The predicates are the list's own conditions
-- (server/leads/list.ts REACHED), so the planner can use them; partial, so not in schema.prisma.
CREATE INDEX "Lead_reached_mql_idx" ON "Lead"("workspaceId", "createdAt" DESC, id DESC)
  WHERE "mqlAt" IS NOT NULL OR "sqlAt" IS NOT NULL OR "opportunityAt" IS NOT NULL OR "customerAt" IS NOT NULL;
CREATE INDEX "Lead_reached_sql_idx" ON "Lead"("workspaceId", "createdAt" DESC, id DESC)
  WHERE "sqlAt" IS NOT NULL OR "opportunityAt" IS NOT NULL OR "customerAt" IS NOT NULL;
CREATE INDEX "Lead_reached_opportunity_idx" ON "Lead"("workspaceId", "createdAt" DESC, id DESC)
  WHERE "opportunityAt" IS NOT NULL OR "customerAt" IS NOT NULL;
CREATE INDEX "Lead_reached_customer_idx" ON "Lead"("workspaceId", "createdAt" DESC, id DESC)
  WHERE "customerAt" IS NOT NULL;
