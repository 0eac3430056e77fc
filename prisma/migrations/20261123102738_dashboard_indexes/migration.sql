/*
  Warnings:

  - The primary key for the `FunnelRollup` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "FunnelDelta" ADD COLUMN     "modelId" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "FunnelRollup" DROP CONSTRAINT "FunnelRollup_pkey",
ADD COLUMN     "modelId" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "FunnelRollup_pkey" PRIMARY KEY ("workspaceId", "kind", "day", "stage", "channel", "campaignId", "personaId", "ownerId", "modelId");

-- AlterTable
ALTER TABLE "LeadStageChange" ADD COLUMN     "fromStageEnteredAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Handoff_workspaceId_firstDueAt_idx" ON "Handoff"("workspaceId", "firstDueAt");

-- CreateIndex
CREATE INDEX "Handoff_workspaceId_answeredAt_idx" ON "Handoff"("workspaceId", "answeredAt");

-- CreateIndex
CREATE INDEX "LeadStageChange_workspaceId_fromStage_fromStageEnteredAt_idx" ON "LeadStageChange"("workspaceId", "fromStage", "fromStageEnteredAt");

-- ───────────── Flow rows carry the scoring model of MQL entries (lead velocity) ─────────────

CREATE OR REPLACE FUNCTION smk_flow_delta(l "Lead", sign INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
  SELECT l."workspaceId", 'flow', smk_local_day(l."workspaceId", c.at), c."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''),
         CASE WHEN c."toStage" = 'MQL' THEN COALESCE(c."scoringModelId", '') ELSE '' END, sign
  FROM "LeadStageChange" c WHERE c."leadId" = l.id;
END $$;

CREATE OR REPLACE FUNCTION smk_stage_change_rollup() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
  SELECT NEW."workspaceId", 'flow', smk_local_day(NEW."workspaceId", NEW.at), NEW."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''),
         CASE WHEN NEW."toStage" = 'MQL' THEN COALESCE(NEW."scoringModelId", '') ELSE '' END, 1
  FROM "Lead" l WHERE l.id = NEW."leadId";
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION smk_rebuild_funnel(ws TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT "timeZone" FROM "Workspace" WHERE id = ws);
BEGIN
  DELETE FROM "FunnelDelta" WHERE "workspaceId" = ws;
  DELETE FROM "FunnelRollup" WHERE "workspaceId" = ws;
  INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
  SELECT ws, 'cohort', ((l."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, s.stage, l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), '', count(*)
  FROM "Lead" l
  CROSS JOIN LATERAL (VALUES
    ('LEAD'::"LeadStage", TRUE),
    ('MQL', COALESCE(l."mqlAt", l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('SQL', COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('OPPORTUNITY', COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL),
    ('CUSTOMER', l."customerAt" IS NOT NULL)
  ) AS s(stage, reached)
  WHERE l."workspaceId" = ws AND s.reached
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
  SELECT ws, 'flow', ((c.at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, c."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''),
         CASE WHEN c."toStage" = 'MQL' THEN COALESCE(c."scoringModelId", '') ELSE '' END, count(*)
  FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
  WHERE c."workspaceId" = ws
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
END $$;

CREATE OR REPLACE FUNCTION smk_compact_funnel(batch INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  folded INTEGER;
BEGIN
  WITH taken AS (
    DELETE FROM "FunnelDelta" WHERE id IN (
      SELECT id FROM "FunnelDelta" ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED
    ) RETURNING *
  ), summed AS (
    INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", n)
    SELECT "workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId", sum(n)
    FROM taken GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", "modelId")
    DO UPDATE SET n = "FunnelRollup".n + EXCLUDED.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM taken;
  RETURN folded;
END $$;

-- ───────────── Time in stage from one row: when the stay this change ends began ─────────────

CREATE FUNCTION smk_stage_change_previous() RETURNS TRIGGER
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW."fromStage" IS NOT NULL AND NEW."fromStageEnteredAt" IS NULL THEN
    NEW."fromStageEnteredAt" := (
      SELECT c.at FROM "LeadStageChange" c WHERE c."leadId" = NEW."leadId" AND c.at <= NEW.at
      ORDER BY c.at DESC, c.id DESC LIMIT 1
    );
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER stage_change_previous BEFORE INSERT ON "LeadStageChange"
  FOR EACH ROW EXECUTE FUNCTION smk_stage_change_previous();

UPDATE "LeadStageChange" c SET "fromStageEnteredAt" = p.prev
FROM (SELECT id, lag(at) OVER (PARTITION BY "leadId" ORDER BY at, id) AS prev FROM "LeadStageChange") p
WHERE p.id = c.id AND c."fromStage" IS NOT NULL AND p.prev IS NOT NULL;

SELECT smk_rebuild_funnel(id) FROM "Workspace";
