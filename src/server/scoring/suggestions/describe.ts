import type { FindingView } from "@/server/scoring/suggestions/service";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A finding as the sentence people read ("Lower 'Content downloaded' from 5 to 2: of its 48 MQLs, 31 were
 * returned, most as not a fit."), on the page and in the note of the draft it opens. `t` reads the
 * `suggestions` messages; `reason` names a reject reason.
 */
export function describeFinding(finding: FindingView, t: Translate, reason: (key: string) => string): string {
  const facts = {
    name: finding.name,
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
