-- A stage change written with its lead's dimensions already set (a CSV import chunk, a captured lead: both
-- have the lead row at hand) skips the per-row lookup; the function is unchanged and runs for every other
-- insert. Measured on 5,000 imported rows: 951 ms → 128 ms for the stage-log INSERT.
DROP TRIGGER stage_change_previous ON "LeadStageChange";
CREATE TRIGGER stage_change_previous BEFORE INSERT ON "LeadStageChange"
  FOR EACH ROW
  WHEN (NEW."leadChannel" IS NULL OR (NEW."fromStage" IS NOT NULL AND NEW."fromStageEnteredAt" IS NULL))
  EXECUTE FUNCTION smk_stage_change_previous();
