import { jsonbText } from "@/server/jsonb-text";
import type { ScoreResult } from "@/server/scoring/engine";

/**
 * The stored form of a score's explanation (what the lead page and the inbox show): one home for every writer.
 * The model's threshold is not part of it: a publish that only moves the threshold changes who qualifies, not why a
 * lead has its points, so it leaves the explanations (and the rows of leads whose score did not change) as they are.
 */
export function scoreExplanation(result: ScoreResult) {
  return { contributions: result.explanation, disqualifiedBy: result.disqualifiedBy };
}

/** The disqualifiers a stored explanation names (none when it names none, or is not an explanation). */
export function disqualifiersOf(stored: unknown): { ruleId: string; label: string }[] {
  const list = (stored as { disqualifiedBy?: unknown } | null)?.disqualifiedBy;
  return Array.isArray(list) ? (list as { ruleId: string; label: string }[]) : [];
}

/** `scoreExplanation` as JSON text, for the array parameters of bulk writes. */
export function scoreExplanationJson(result: ScoreResult): string {
  return JSON.stringify(scoreExplanation(result));
}

/**
 * `scoreExplanation` as PostgreSQL prints the stored jsonb (to tell whether a re-score changes it); null: unknown.
 * Written out by hand in jsonb's key order (shorter keys first, then by bytes) — a re-score asks this of every
 * lead, and the general `jsonbText` cost a million leads ~4 s; tests/db/jsonb-text.test.ts holds the two equal.
 */
export function scoreExplanationText(result: ScoreResult): string | null {
  let contributions = "";
  for (const c of result.explanation) {
    const points = numberText(c.points);
    if (points === null) return jsonbText(scoreExplanation(result));
    contributions += `${contributions ? ", " : ""}{"kind": ${JSON.stringify(c.kind)}, "label": ${JSON.stringify(c.label)}, ${
      c.events === undefined ? "" : `"events": ${c.events}, `
    }"points": ${points}, "ruleId": ${JSON.stringify(c.ruleId)}}`;
  }
  let disqualifiedBy = "";
  for (const d of result.disqualifiedBy)
    disqualifiedBy += `${disqualifiedBy ? ", " : ""}{"label": ${JSON.stringify(d.label)}, "ruleId": ${JSON.stringify(d.ruleId)}}`;
  return `{"contributions": [${contributions}], "disqualifiedBy": [${disqualifiedBy}]}`;
}

const numberText = (value: number) => (Number.isFinite(value) && !/e/i.test(String(value)) ? String(value) : null);
