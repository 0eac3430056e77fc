import { ruleLabel } from "@/server/scoring/default-labels";
import type { FindingView } from "@/server/scoring/suggestions/service";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A finding as the sentence people read ("Lower 'Content downloaded' from 5 to 2: of its 48 MQLs, 31 were
 * returned, most as not a fit."), on the page and in the note of the draft it opens. `t` reads the
 * `suggestions` messages; `reason` names a reject reason.
 */
export function describeFinding(
  finding: FindingView,
  t: Translate,
  reason: (key: string) => string,
  /** The finding's name in the reader's language (a starter rule's label); as stored by default. */
  name: (finding: FindingView) => string = (f) => f.name,
): string {
  const facts = {
    name: name(finding),
    handoffs: finding.handoffs,
    rejected: finding.rejected,
    reason: finding.topReason ? reason(finding.topReason) : "—",
  };
  const change = finding.change;
  if (!change) return t("sentence.campaign", facts);
  switch (change.kind) {
    case "lowerRule":
      return t("sentence.lowerRule", { ...facts, from: change.from, to: change.to });
    case "addDisqualifier":
      return t("sentence.addDisqualifier", facts);
    case "addFitRule":
      return t(`sentence.addFitRule.${finding.dimension}`, { ...facts, points: Math.abs(change.points) });
  }
}

/** A finding's name read in the UI's language: a starter rule still named as it shipped reads translated. */
export function localName(t: Parameters<typeof ruleLabel>[1]) {
  return (finding: FindingView) =>
    finding.dimension === "rule" ? ruleLabel({ ruleId: finding.value, label: finding.name }, t) : finding.name;
}
