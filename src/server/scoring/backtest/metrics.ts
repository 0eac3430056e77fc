/**
 * What a backtest reports for one model, from every lead of the window scored
 * at its cut-off — pure, no I/O, tested on hand-computed figures.
 *
 * The leads travel as parallel typed arrays (a million leads, two models):
 * one score and one "disqualified" flag per lead and model, and the facts of
 * what became of each lead, shared by both models.
 *
 * Ranking (lift, AUC): a disqualified lead can never be an MQL whatever its
 * points, so it ranks below every other lead (its score counts as −∞).
 */
import { REJECT_REASONS } from "@/lib/reject-reasons";

/** A reject reason; bit r of `Outcomes.rejections` is REJECT_REASONS[r] (the reject form's list). */
export type RejectReasonKey = (typeof REJECT_REASONS)[number];

/** What became of the window's leads (index i is the same lead in every array). */
export type Outcomes = {
  /** 1 when the lead reached the chosen outcome (SQL, opportunity or won). */
  reached: Uint8Array;
  /** 1 when sales accepted it (reached SQL or later): the threshold curve's acceptance. */
  accepted: Uint8Array;
  /** Bit r set when sales returned it at least once with REJECT_REASONS[r]. */
  rejections: Uint16Array;
  /** 1 when sales answered a handoff of it (accepted or returned): only those can have been returned. */
  answered: Uint8Array;
  /** The window's length in months (days / 30.4375): MQLs per month. */
  months: number;
};

export type ModelScores = { scores: Float64Array; disqualified: Uint8Array; threshold: number };

export type Decile = {
  /** 1 = the tenth with the highest scores. */
  decile: number;
  leads: number;
  reached: number;
  /** reached / leads. */
  rate: number | null;
  /** rate / the window's average rate. */
  lift: number | null;
  minScore: number | null;
  maxScore: number | null;
};

export type CurvePoint = {
  threshold: number;
  mqls: number;
  mqlsPerMonth: number;
  /** Of those MQLs, the share sales accepted (reached SQL). */
  acceptance: number | null;
  /** Of those MQLs, the share that reached the chosen outcome (precision at this threshold). */
  precision: number | null;
};

export type ModelFigures = {
  threshold: number;
  leads: number;
  /** Would have been MQL at its threshold (score ≥ threshold, no disqualifier). */
  mqls: number;
  mqlsPerMonth: number;
  disqualified: number;
  /** MQLs that reached the outcome. */
  truePositives: number;
  precision: number | null;
  recall: number | null;
  /** Of its MQLs, those sales answered in reality (a model's MQLs that were never handed off were never judged). */
  answered: number;
  /** MQLs sales returned, and how often each reason was given (a lead counts once per reason). */
  returned: number;
  reasons: Partial<Record<RejectReasonKey, number>>;
  deciles: Decile[];
  /** Area under the ROC curve (ties count one half); null when every lead or none reached the outcome. */
  auc: number | null;
  curve: CurvePoint[];
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Lead indexes from the highest effective score to the lowest. Ties (many leads share a score, often 0) are
 * broken by a fixed scramble of the index, not by the index itself: the window's leads come in creation order,
 * and older leads have had longer to convert — a tenth cut through a tie must not take the oldest.
 */
function ranked(model: ModelScores): Uint32Array {
  const n = model.scores.length;
  const effective = new Float64Array(n);
  for (let i = 0; i < n; i++)
    effective[i] = (model.disqualified[i] as number) ? Number.NEGATIVE_INFINITY : (model.scores[i] as number);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scramble = (i: number) => Math.imul(i + 1, 2654435761) >>> 0;
  order.sort((a, b) => (effective[b] as number) - (effective[a] as number) || scramble(a) - scramble(b));
  return order;
}

function effectiveScore(model: ModelScores, i: number) {
  return (model.disqualified[i] as number) ? Number.NEGATIVE_INFINITY : (model.scores[i] as number);
}

/**
 * AUC as the Mann–Whitney statistic: the chance that a lead that reached the
 * outcome ranks above one that did not, tied scores counting one half.
 */
function areaUnderRoc(model: ModelScores, order: Uint32Array, reached: Uint8Array): number | null {
  const n = order.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += reached[i] as number;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  // Walk from the lowest score up, group by equal score: each positive beats the negatives below its group
  // and half of those in it.
  let negativesBelow = 0;
  let wins = 0;
  let end = n;
  while (end > 0) {
    let start = end - 1;
    const score = effectiveScore(model, order[start] as number);
    while (start > 0 && effectiveScore(model, order[start - 1] as number) === score) start--;
    let groupPositives = 0;
    for (let k = start; k < end; k++) groupPositives += reached[order[k] as number] as number;
    const groupNegatives = end - start - groupPositives;
    wins += groupPositives * (negativesBelow + groupNegatives / 2);
    negativesBelow += groupNegatives;
    end = start;
  }
  return wins / (positives * negatives);
}

function deciles(model: ModelScores, order: Uint32Array, reached: Uint8Array, baseRate: number | null): Decile[] {
  const n = order.length;
  const result: Decile[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    let hits = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      hits += reached[i] as number;
      const score = model.scores[i] as number;
      if (score < min) min = score;
      if (score > max) max = score;
    }
    const rate = ratio(hits, to - from);
    result.push({
      decile: d + 1,
      leads: to - from,
      reached: hits,
      rate,
      lift: rate === null || !baseRate ? null : rate / baseRate,
      minScore: to > from ? min : null,
      maxScore: to > from ? max : null,
    });
  }
  return result;
}

/** A round step giving about `points` thresholds from 0 to `max`. */
export function curveStep(max: number, points = 40): number {
  if (max <= 0) return 1;
  const raw = max / points;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(step, 0.01);
}

/**
 * MQLs per month, acceptance and precision at each threshold from 0 up to the highest score (or `grid.max`, so
 * that two models share one grid), at the model's own threshold and at `grid.extra` (the other model's).
 */
function thresholdCurve(
  model: ModelScores,
  order: Uint32Array,
  outcomes: Outcomes,
  maxScore: number,
  grid: CurveGrid,
): CurvePoint[] {
  const top = Math.max(maxScore, model.threshold, grid.max ?? 0);
  const step = curveStep(top);
  const thresholds = new Set<number>();
  for (let t = 0; t <= top + 1e-9; t += step) thresholds.add(Math.round(t * 100) / 100);
  thresholds.add(model.threshold);
  for (const extra of grid.extra ?? []) thresholds.add(extra);
  const sorted = [...thresholds].sort((a, b) => b - a);
  // One walk down the ranking: the MQLs at a threshold are a prefix of it (disqualified leads come last).
  const points: CurvePoint[] = [];
  let k = 0;
  let mqls = 0;
  let accepted = 0;
  let reached = 0;
  for (const threshold of sorted) {
    while (k < order.length) {
      const i = order[k] as number;
      if ((model.disqualified[i] as number) || (model.scores[i] as number) < threshold) break;
      mqls++;
      accepted += outcomes.accepted[i] as number;
      reached += outcomes.reached[i] as number;
      k++;
    }
    points.push({
      threshold,
      mqls,
      mqlsPerMonth: outcomes.months > 0 ? mqls / outcomes.months : mqls,
      acceptance: ratio(accepted, mqls),
      precision: ratio(reached, mqls),
    });
  }
  return points.reverse();
}

/** Where the threshold curve is drawn: up to `max` at least, and also at the `extra` thresholds. */
export type CurveGrid = { max?: number; extra?: number[] };

export function modelFigures(model: ModelScores, outcomes: Outcomes, grid: CurveGrid = {}): ModelFigures {
  const n = model.scores.length;
  let positives = 0;
  let mqls = 0;
  let truePositives = 0;
  let disqualified = 0;
  let returned = 0;
  let answered = 0;
  let maxScore = 0;
  const reasonCounts = new Array<number>(REJECT_REASONS.length).fill(0);
  for (let i = 0; i < n; i++) {
    positives += outcomes.reached[i] as number;
    if (model.disqualified[i] as number) {
      disqualified++;
      continue;
    }
    if ((model.scores[i] as number) > maxScore) maxScore = model.scores[i] as number;
    if ((model.scores[i] as number) < model.threshold) continue;
    mqls++;
    truePositives += outcomes.reached[i] as number;
    answered += outcomes.answered[i] as number;
    const bits = outcomes.rejections[i] as number;
    if (bits !== 0) {
      returned++;
      for (let r = 0; r < REJECT_REASONS.length; r++)
        if (bits & (1 << r)) reasonCounts[r] = (reasonCounts[r] as number) + 1;
    }
  }
  const reasons: Partial<Record<RejectReasonKey, number>> = {};
  REJECT_REASONS.forEach((reason, r) => {
    if ((reasonCounts[r] as number) > 0) reasons[reason] = reasonCounts[r] as number;
  });
  const order = ranked(model);
  return {
    threshold: model.threshold,
    leads: n,
    mqls,
    mqlsPerMonth: outcomes.months > 0 ? mqls / outcomes.months : mqls,
    disqualified,
    truePositives,
    answered,
    precision: ratio(truePositives, mqls),
    recall: ratio(truePositives, positives),
    returned,
    reasons,
    deciles: deciles(model, order, outcomes.reached, ratio(positives, n)),
    auc: areaUnderRoc(model, order, outcomes.reached),
    curve: thresholdCurve(model, order, outcomes, maxScore, grid),
  };
}
