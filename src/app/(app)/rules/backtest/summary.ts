import type { BacktestModelResult } from "@/server/scoring/backtest/run";
import type { BacktestView } from "@/server/scoring/backtest/service";

/** The published model in grey, the draft in the brand's blue, in every backtest chart. */
export const MODEL_COLORS = { baseline: "#64748b", tested: "#1f5fd1" } as const;

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Percent = (value: number | null) => string;

/**
 * A backtest in one sentence, for the publish note and the version history:
 * the window, the cut-off, the outcome, and the tested model's precision,
 * recall and AUC (with the published model's before an arrow, when compared).
 */
export function backtestSummary(view: BacktestView, t: Translate, percent: Percent): string {
  const result = view.result;
  if (!result) return "";
  const pair = (pick: (m: BacktestModelResult) => string) =>
    result.baseline ? `${pick(result.baseline)} → ${pick(result.tested)}` : pick(result.tested);
  const auc = (value: number | null) => (value === null ? "—" : value.toFixed(2));
  return t("summary", {
    from: view.createdFrom,
    to: view.createdTo,
    cutoff: view.cutoffDays,
    outcome: t(`outcomes.${view.outcome}`),
    leads: result.leads,
    precision: pair((m) => percent(m.precision)),
    recall: pair((m) => percent(m.recall)),
    auc: pair((m) => auc(m.auc)),
  });
}
