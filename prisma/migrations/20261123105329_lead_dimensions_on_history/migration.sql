-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "leadCampaignId" TEXT,
ADD COLUMN     "leadChannel" "Channel",
ADD COLUMN     "leadOwnerId" TEXT,
ADD COLUMN     "leadPersonaId" TEXT;

-- AlterTable
ALTER TABLE "LeadStageChange" ADD COLUMN     "leadCampaignId" TEXT,
ADD COLUMN     "leadChannel" "Channel",
ADD COLUMN     "leadOwnerId" TEXT,
ADD COLUMN     "leadPersonaId" TEXT;

-- ───────────── Stage changes and handoffs carry their lead's current dimensions ─────────────

CREATE OR REPLACE FUNCTION smk_stage_change_previous() RETURNS TRIGGER
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW."fromStage" IS NOT NULL AND NEW."fromStageEnteredAt" IS NULL THEN
    NEW."fromStageEnteredAt" := (
      SELECT c.at FROM "LeadStageChange" c WHERE c."leadId" = NEW."leadId" AND c.at <= NEW.at
      ORDER BY c.at DESC, c.id DESC LIMIT 1
    );
  END IF;
  SELECT l.channel, l."campaignId", l."personaId", l."ownerId"
    INTO NEW."leadChannel", NEW."leadCampaignId", NEW."leadPersonaId", NEW."leadOwnerId"
    FROM "Lead" l WHERE l.id = NEW."leadId";
  RETURN NEW;
END $$;

CREATE FUNCTION smk_handoff_dimensions() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  SELECT l.channel, l."campaignId", l."personaId", l."ownerId"
    INTO NEW."leadChannel", NEW."leadCampaignId", NEW."leadPersonaId", NEW."leadOwnerId"
    FROM "Lead" l WHERE l.id = NEW."leadId";
  RETURN NEW;
END $$;

CREATE TRIGGER handoff_dimensions BEFORE INSERT ON "Handoff"
  FOR EACH ROW EXECUTE FUNCTION smk_handoff_dimensions();

-- The lead's rows follow it when its dimensions change (the rollup trigger already fires only then).
CREATE OR REPLACE FUNCTION smk_lead_rollup() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM smk_cohort_delta(NEW, 1);
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
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
    UPDATE "LeadStageChange" SET "leadChannel" = NEW.channel, "leadCampaignId" = NEW."campaignId",
           "leadPersonaId" = NEW."personaId", "leadOwnerId" = NEW."ownerId"
     WHERE "leadId" = NEW.id;
    UPDATE "Handoff" SET "leadChannel" = NEW.channel, "leadCampaignId" = NEW."campaignId",
           "leadPersonaId" = NEW."personaId", "leadOwnerId" = NEW."ownerId"
     WHERE "leadId" = NEW.id;
  END IF;
  RETURN NEW;
END $$;

UPDATE "LeadStageChange" c SET "leadChannel" = l.channel, "leadCampaignId" = l."campaignId",
       "leadPersonaId" = l."personaId", "leadOwnerId" = l."ownerId"
FROM "Lead" l WHERE l.id = c."leadId";

UPDATE "Handoff" h SET "leadChannel" = l.channel, "leadCampaignId" = l."campaignId",
       "leadPersonaId" = l."personaId", "leadOwnerId" = l."ownerId"
FROM "Lead" l WHERE l.id = h."leadId";
