-- The lead's score when it was handed to sales (the inbox shows it beside today's, which decays).
ALTER TABLE "Handoff" ADD COLUMN "scoreAtHandoff" DOUBLE PRECISION;
