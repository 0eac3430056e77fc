-- The score row keeps a copy of the lead's persona too (as of its channel, stage and owner), for the leads list's
-- persona filter with the score sort or a score range: the walk of the score index then filters on its own rows
-- instead of probing each one's lead (issue 23: no persona + min score at 1M leads, page + capped count of 10,001).
ALTER TABLE "LeadScore" ADD COLUMN "personaId" TEXT;

UPDATE "LeadScore" s SET "personaId" = l."personaId" FROM "Lead" l WHERE l.id = s."leadId" AND l."personaId" IS NOT NULL;

CREATE OR REPLACE FUNCTION smk_lead_score_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LeadScore" ("leadId", "workspaceId", "channel", "stage", "ownerId", "personaId")
  SELECT id, "workspaceId", channel, stage, "ownerId", "personaId" FROM inserted_leads
  ON CONFLICT ("leadId") DO UPDATE SET channel = EXCLUDED.channel, stage = EXCLUDED.stage, "ownerId" = EXCLUDED."ownerId",
                                       "personaId" = EXCLUDED."personaId"
    WHERE "LeadScore".channel IS DISTINCT FROM EXCLUDED.channel OR "LeadScore".stage IS DISTINCT FROM EXCLUDED.stage
       OR "LeadScore"."ownerId" IS DISTINCT FROM EXCLUDED."ownerId"
       OR "LeadScore"."personaId" IS DISTINCT FROM EXCLUDED."personaId";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION smk_lead_score_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "LeadScore" SET channel = NEW.channel, stage = NEW.stage, "ownerId" = NEW."ownerId", "personaId" = NEW."personaId"
  WHERE "leadId" = NEW.id
    AND (channel IS DISTINCT FROM NEW.channel OR stage IS DISTINCT FROM NEW.stage OR "ownerId" IS DISTINCT FROM NEW."ownerId"
         OR "personaId" IS DISTINCT FROM NEW."personaId");
  RETURN NULL;
END $$;

DROP TRIGGER lead_score_copies ON "Lead";
CREATE TRIGGER lead_score_copies AFTER UPDATE OF channel, stage, "ownerId", "personaId" ON "Lead"
  FOR EACH ROW WHEN (OLD.channel IS DISTINCT FROM NEW.channel OR OLD.stage IS DISTINCT FROM NEW.stage
                     OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId" OR OLD."personaId" IS DISTINCT FROM NEW."personaId")
  EXECUTE FUNCTION smk_lead_score_copies();
