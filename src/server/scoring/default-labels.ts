import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";

/** The starter model's rule labels by rule id, as the model ships them (English). */
const DEFAULT_LABELS = new Map(
  [
    ...DEFAULT_SCORING_MODEL.fitRules,
    ...DEFAULT_SCORING_MODEL.behaviourRules,
    ...DEFAULT_SCORING_MODEL.disqualifiers,
  ].map((rule) => [rule.id, rule.label]),
);

/**
 * A rule's name in the reader's language: the starter model's rules, while
 * still named as they shipped, read in the UI's language; a name the
 * workspace gave a rule is shown as written.
 */
export function ruleLabel(
  rule: { ruleId: string; label: string },
  t: ((key: string) => string) & { has: (key: string) => boolean },
): string {
  const key = `rules.defaultLabels.${rule.ruleId}`;
  return DEFAULT_LABELS.get(rule.ruleId) === rule.label && t.has(key) ? t(key) : rule.label;
}
