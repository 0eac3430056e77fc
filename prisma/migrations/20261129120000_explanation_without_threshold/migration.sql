-- The MQL threshold is the model's, not part of a lead's stored explanation any more (scoring/explanation.ts):
-- a publish that only moves the threshold no longer rewrites every score row. Readers take it from the model.
UPDATE "LeadScore" SET "scoreExplanation" = "scoreExplanation" - 'threshold' WHERE "scoreExplanation" ? 'threshold';
