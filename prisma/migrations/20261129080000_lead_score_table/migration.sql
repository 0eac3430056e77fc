-- Scores move to a narrow table of their own: a publish re-scores every lead, and rewriting a lead row
-- wrote an entry in each of its fourteen indexes (the bare UPDATE of 1M leads took 100–130 s on a 2-core
-- machine; the same rewrite of these rows, three indexes, 18–23 s).

-- CreateTable
CREATE TABLE "LeadScore" (
    "leadId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "fitScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "engagementScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "totalScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "qualifies" BOOLEAN NOT NULL DEFAULT false,
    "scoreExplanation" JSONB NOT NULL DEFAULT '[]',
    "scoredAt" TIMESTAMP(3),
    "scoringModelId" TEXT,

    CONSTRAINT "LeadScore_pkey" PRIMARY KEY ("leadId")
);

-- The scores every lead has now (indexes built after the copy: faster than maintaining them row by row).
INSERT INTO "LeadScore" ("leadId", "workspaceId", "channel", "fitScore", "engagementScore", "totalScore", "qualifies",
                         "scoreExplanation", "scoredAt", "scoringModelId")
SELECT id, "workspaceId", channel, "fitScore", "engagementScore", "totalScore", qualifies, "scoreExplanation", "scoredAt", "scoringModelId"
FROM "Lead";

-- CreateIndex
CREATE INDEX "LeadScore_workspaceId_totalScore_leadId_idx" ON "LeadScore"("workspaceId", "totalScore" DESC, "leadId" DESC);

-- CreateIndex
CREATE INDEX "LeadScore_workspaceId_channel_totalScore_leadId_idx" ON "LeadScore"("workspaceId", "channel", "totalScore" DESC, "leadId" DESC);

-- AddForeignKey
ALTER TABLE "LeadScore" ADD CONSTRAINT "LeadScore_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "Lead_workspaceId_totalScore_id_idx";

-- DropIndex
DROP INDEX "Lead_workspaceId_channel_totalScore_id_idx";

-- AlterTable
ALTER TABLE "Lead" DROP COLUMN "engagementScore",
DROP COLUMN "fitScore",
DROP COLUMN "qualifies",
DROP COLUMN "scoreExplanation",
DROP COLUMN "scoredAt",
DROP COLUMN "scoringModelId",
DROP COLUMN "totalScore";

-- Every lead has its score row, whatever wrote the lead (capture, import, seed, archive, a test): a new one
-- starts unscored (zeros, as the lead columns did). Writers that know the score insert it in the same
-- statement; this one then finds the row there and leaves it.
CREATE FUNCTION smk_lead_score_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LeadScore" ("leadId", "workspaceId", "channel")
  SELECT id, "workspaceId", channel FROM inserted_leads
  ON CONFLICT ("leadId") DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER lead_score_rows AFTER INSERT ON "Lead"
  REFERENCING NEW TABLE AS inserted_leads FOR EACH STATEMENT EXECUTE FUNCTION smk_lead_score_rows();

-- The score row's copy of the channel follows the lead's.
CREATE FUNCTION smk_lead_score_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "LeadScore" SET channel = NEW.channel WHERE "leadId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER lead_score_channel AFTER UPDATE OF channel ON "Lead"
  FOR EACH ROW WHEN (OLD.channel IS DISTINCT FROM NEW.channel) EXECUTE FUNCTION smk_lead_score_channel();
