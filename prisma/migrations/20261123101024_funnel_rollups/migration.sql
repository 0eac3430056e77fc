-- CreateTable
CREATE TABLE "FunnelRollup" (
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stage" "LeadStage" NOT NULL,
    "channel" "Channel" NOT NULL,
    "campaignId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "FunnelRollup_pkey" PRIMARY KEY ("workspaceId","kind","day","stage","channel","campaignId","personaId","ownerId")
);

-- CreateTable
CREATE TABLE "FunnelDelta" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stage" "LeadStage" NOT NULL,
    "channel" "Channel" NOT NULL,
    "campaignId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "FunnelDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FunnelDelta_workspaceId_kind_day_idx" ON "FunnelDelta"("workspaceId", "kind", "day");

-- ───────────── Triggers that keep FunnelRollup current (via FunnelDelta) ─────────────

-- The local day of an instant in the workspace's time zone (timestamps are stored in UTC).
CREATE FUNCTION smk_local_day(ws TEXT, at TIMESTAMP(3)) RETURNS DATE
LANGUAGE sql STABLE AS $$
  SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone")::date FROM "Workspace" w WHERE w.id = ws
$$;

-- A lead's cohort rows: +sign for its creation day and every stage it reached (reaching a later stage implies the earlier ones).
CREATE FUNCTION smk_cohort_delta(l "Lead", sign INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  d DATE := smk_local_day(l."workspaceId", l."createdAt");
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT l."workspaceId", 'cohort', d, s.stage, l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), sign
  FROM (VALUES
    ('LEAD'::"LeadStage", TRUE),
    ('MQL', COALESCE(l."mqlAt", l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('SQL', COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('OPPORTUNITY', COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL),
    ('CUSTOMER', l."customerAt" IS NOT NULL)
  ) AS s(stage, reached)
  WHERE s.reached;
END $$;

-- A lead's flow rows (its stage entries), with the lead's dimensions.
CREATE FUNCTION smk_flow_delta(l "Lead", sign INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT l."workspaceId", 'flow', smk_local_day(l."workspaceId", c.at), c."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), sign
  FROM "LeadStageChange" c WHERE c."leadId" = l.id;
END $$;

CREATE FUNCTION smk_lead_rollup() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM smk_cohort_delta(NEW, 1);
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    -- Before the delete: the lead's stage log still exists (it goes with the lead).
    PERFORM smk_cohort_delta(OLD, -1);
    PERFORM smk_flow_delta(OLD, -1);
    RETURN OLD;
  END IF;
  PERFORM smk_cohort_delta(OLD, -1);
  PERFORM smk_cohort_delta(NEW, 1);
  IF OLD.channel IS DISTINCT FROM NEW.channel OR OLD."campaignId" IS DISTINCT FROM NEW."campaignId"
     OR OLD."personaId" IS DISTINCT FROM NEW."personaId" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId" THEN
    PERFORM smk_flow_delta(OLD, -1);
    PERFORM smk_flow_delta(NEW, 1);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER lead_rollup_insert AFTER INSERT ON "Lead"
  FOR EACH ROW EXECUTE FUNCTION smk_lead_rollup();
CREATE TRIGGER lead_rollup_delete BEFORE DELETE ON "Lead"
  FOR EACH ROW EXECUTE FUNCTION smk_lead_rollup();
-- Only changes that move a lead between buckets fire (score updates do not).
CREATE TRIGGER lead_rollup_update AFTER UPDATE ON "Lead"
  FOR EACH ROW WHEN (
    OLD.channel IS DISTINCT FROM NEW.channel OR OLD."campaignId" IS DISTINCT FROM NEW."campaignId"
    OR OLD."personaId" IS DISTINCT FROM NEW."personaId" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId"
    OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId"
    OR (OLD."mqlAt" IS NULL) <> (NEW."mqlAt" IS NULL) OR (OLD."sqlAt" IS NULL) <> (NEW."sqlAt" IS NULL)
    OR (OLD."opportunityAt" IS NULL) <> (NEW."opportunityAt" IS NULL) OR (OLD."customerAt" IS NULL) <> (NEW."customerAt" IS NULL)
  ) EXECUTE FUNCTION smk_lead_rollup();

CREATE FUNCTION smk_stage_change_rollup() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDelta" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT NEW."workspaceId", 'flow', smk_local_day(NEW."workspaceId", NEW.at), NEW."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), 1
  FROM "Lead" l WHERE l.id = NEW."leadId";
  RETURN NEW;
END $$;

CREATE TRIGGER stage_change_rollup AFTER INSERT ON "LeadStageChange"
  FOR EACH ROW EXECUTE FUNCTION smk_stage_change_rollup();

-- Recomputes a workspace's rollup from the raw tables (backfill, or after its time zone changes).
CREATE FUNCTION smk_rebuild_funnel(ws TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  tz TEXT := (SELECT "timeZone" FROM "Workspace" WHERE id = ws);
BEGIN
  DELETE FROM "FunnelDelta" WHERE "workspaceId" = ws;
  DELETE FROM "FunnelRollup" WHERE "workspaceId" = ws;
  INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT ws, 'cohort', ((l."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, s.stage, l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), count(*)
  FROM "Lead" l
  CROSS JOIN LATERAL (VALUES
    ('LEAD'::"LeadStage", TRUE),
    ('MQL', COALESCE(l."mqlAt", l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('SQL', COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL),
    ('OPPORTUNITY', COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL),
    ('CUSTOMER', l."customerAt" IS NOT NULL)
  ) AS s(stage, reached)
  WHERE l."workspaceId" = ws AND s.reached
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
  SELECT ws, 'flow', ((c.at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, c."toStage", l.channel,
         COALESCE(l."campaignId", ''), COALESCE(l."personaId", ''), COALESCE(l."ownerId", ''), count(*)
  FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
  WHERE c."workspaceId" = ws
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;

-- Folds up to `batch` deltas into the rollup; concurrent callers take different deltas.
CREATE FUNCTION smk_compact_funnel(batch INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  folded INTEGER;
BEGIN
  WITH taken AS (
    DELETE FROM "FunnelDelta" WHERE id IN (
      SELECT id FROM "FunnelDelta" ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED
    ) RETURNING *
  ), summed AS (
    INSERT INTO "FunnelRollup" ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", n)
    SELECT "workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId", sum(n)
    FROM taken GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("workspaceId", kind, day, stage, channel, "campaignId", "personaId", "ownerId")
    DO UPDATE SET n = "FunnelRollup".n + EXCLUDED.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM taken;
  RETURN folded;
END $$;

-- Backfill the workspaces that exist.
SELECT smk_rebuild_funnel(id) FROM "Workspace";
