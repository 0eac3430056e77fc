-- Funnel rollup deltas per statement instead of per row: a 5,000-lead import chunk (or its
-- 5,000-row stage log) adds a few aggregated FunnelDelta rows, not 5,000, and calls no
-- PL/pgSQL function per row. Same rows as smk_cohort_delta / smk_stage_change_rollup, summed.

DROP TRIGGER lead_rollup_insert ON "Lead";

CREATE FUNCTION smk_lead_rollup_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT l."workspaceId", 'cohort', ((l."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone")::date, s.stage, l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), count(*)
  FROM inserted_leads l
  JOIN "Workspace" w ON w.id = l."workspaceId"
  CROSS JOIN LATERAL (VALUES
    ('LEAD'::"LeadStage", TRUE),
    ('MQL', COALESCE(l."mqlAt", l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('SQL', COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('OPPORTUNITY', COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL),
    ('CUSTOMER', l."customerAt" IS NOT NULL)
  ) AS s(stage, reached)
  WHERE s.reached
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  RETURN NULL;
END $$;

CREATE TRIGGER lead_rollup_insert AFTER INSERT ON "Lead"
  REFERENCING NEW TABLE AS inserted_leads
  FOR EACH STATEMENT EXECUTE FUNCTION smk_lead_rollup_inserted();

DROP TRIGGER stage_change_rollup ON "LeadStageChange";

CREATE FUNCTION smk_stage_change_rollup_inserted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
  SELECT c."workspaceId", 'flow', ((c.at AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone")::date, c."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''),
         CASE WHEN c."toStage" = 'MQL' THEN COALESCE(c."scoringModelId", '') ELSE '' END, count(*)
  FROM inserted_changes c
  JOIN "Lead" l ON l.id = c."leadId"
  JOIN "Workspace" w ON w.id = c."workspaceId"
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  RETURN NULL;
END $$;

CREATE TRIGGER stage_change_rollup AFTER INSERT ON "LeadStageChange"
  REFERENCING NEW TABLE AS inserted_changes
  FOR EACH STATEMENT EXECUTE FUNCTION smk_stage_change_rollup_inserted();

DROP FUNCTION smk_stage_change_rollup();
