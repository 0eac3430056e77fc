import type { ScoreResult, ScoringModel } from "@/server/scoring/engine";

/** The stored form of a score's explanation (what the lead page and the inbox show): one home for every writer. */
export function scoreExplanation(result: ScoreResult, model: ScoringModel) {
  return {
    contributions: result.explanation,
    disqualifiedBy: result.disqualifiedBy,
    threshold: model.mqlThreshold,
  };
}

/** `scoreExplanation` as JSON text, for the array parameters of bulk writes. */
export function scoreExplanationJson(result: ScoreResult, model: ScoringModel): string {
  return JSON.stringify(scoreExplanation(result, model));
}
