/**
 * Where the model and sales disagree — pure, no I/O. From the handoffs sales
 * answered in a period, the groups of MQLs (by the rule that scored them, the
 * persona, the channel, the campaign, a word of the title) that sales returned
 * far more often than the average MQL, each with a concrete change to the
 * model that would send fewer of them.
 *
 * Significance guard: a group is a finding only with at least
 * MIN_REJECTIONS returns and a 95 % Wilson interval of its return rate that
 * lies wholly above the average return rate — a handful of unlucky returns,
 * or a rate within the noise of a small group, finds nothing.
 */

import type { RejectReasonKey } from "@/server/scoring/backtest/metrics";
import type { Condition, ScoringModel } from "@/server/scoring/engine";

export const MIN_REJECTIONS = 10;
/**
 * A title word shared by more than this share of the answered MQLs ("manager") names no kind of buyer: a
 * disqualifier for it would drop a good part of the pipeline on a coincidence.
 */
const MAX_WORD_SHARE = 0.25;
const Z95 = 1.959964;
/** Title words shorter than this say nothing ("of", "it"); longer than MAX_WORD, they are not a word (junk). */
const MIN_WORD = 4;
const MAX_WORD = 40;

export type AnsweredHandoff = {
  rejected: boolean;
  reason: RejectReasonKey | null;
  personaId: string | null;
  channel: string;
  campaignId: string | null;
  title: string;
  /** The published model's rules that gave the lead points when it was handed off (rule ids). */
  rules: string[];
};

export type Dimension = "rule" | "persona" | "channel" | "campaign" | "title";

export type ModelChange =
  | { kind: "lowerRule"; ruleKind: "fit" | "behaviour"; ruleId: string; label: string; from: number; to: number }
  | { kind: "addFitRule"; label: string; when: Condition; points: number }
  | { kind: "addDisqualifier"; label: string; when: Condition };

export type Finding = {
  /** Stable within a period: "rule:demo", "persona:<id>", "channel:EMAIL", "title:student". */
  key: string;
  dimension: Dimension;
  /** The rule id, persona id, channel, campaign id or title word. */
  value: string;
  handoffs: number;
  rejected: number;
  rate: number;
  /** The 95 % interval of the rate. */
  low: number;
  high: number;
  /** The return rate of every answered handoff of the period. */
  average: number;
  reasons: Partial<Record<RejectReasonKey, number>>;
  topReason: RejectReasonKey | null;
  /** What to change; null when no rule can express it (a campaign: the rules cannot target one). */
  change: ModelChange | null;
};

/** Wilson score interval for `hits` of `n` at 95 %. */
export function wilson(hits: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = hits / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= MIN_WORD && w.length <= MAX_WORD),
    ),
  ];
}

type Group = { handoffs: number; rejected: number; reasons: Map<RejectReasonKey, number> };

function groupsOf(handoffs: readonly AnsweredHandoff[]) {
  const groups = new Map<string, Group>();
  const add = (key: string, h: AnsweredHandoff) => {
    let group = groups.get(key);
    if (!group) {
      group = { handoffs: 0, rejected: 0, reasons: new Map() };
      groups.set(key, group);
    }
    group.handoffs++;
    if (h.rejected) {
      group.rejected++;
      if (h.reason) group.reasons.set(h.reason, (group.reasons.get(h.reason) ?? 0) + 1);
    }
  };
  // Title words: the candidates are the words of returned MQLs' titles, but a title belongs to a word's group when
  // it contains the word anywhere — as the rule the finding proposes ("title contains any of") will match it: the
  // evidence must count the very leads the change would reach ("intern" counts "International sales" too).
  const returnedWords = new Map<string, number>();
  for (const h of handoffs) {
    if (!h.rejected) continue;
    for (const word of titleWords(h.title)) returnedWords.set(word, (returnedWords.get(word) ?? 0) + 1);
  }
  const candidates = [...returnedWords].filter(([, n]) => n >= MIN_REJECTIONS).map(([word]) => word);
  for (const h of handoffs) {
    for (const rule of new Set(h.rules)) add(`rule:${rule}`, h);
    if (h.personaId) add(`persona:${h.personaId}`, h);
    add(`channel:${h.channel}`, h);
    if (h.campaignId) add(`campaign:${h.campaignId}`, h);
    const title = h.title.toLowerCase();
    for (const word of candidates) if (title.includes(word)) add(`title:${word}`, h);
  }
  return groups;
}

/** Reasons that say the lead should never have been an MQL (a disqualifier, not fewer points). */
const NEVER_REASONS: readonly RejectReasonKey[] = ["NOT_A_FIT", "SPAM", "ALREADY_CUSTOMER"];

/**
 * Points that would bring the group's MQLs in line: the rule's points scaled by how much less often its MQLs
 * were accepted than the average (accepted 30 % against 60 % → half the points), to whole points when the rule
 * has them, and always below the current points.
 */
function loweredPoints(points: number, groupAccepted: number, averageAccepted: number): number {
  const scaled = averageAccepted > 0 ? (points * groupAccepted) / averageAccepted : 0;
  const rounded = Number.isInteger(points) ? Math.floor(scaled) : Math.floor(scaled * 100) / 100;
  return Math.max(0, Math.min(rounded, Number.isInteger(points) ? points - 1 : points - 0.01));
}

function changeFor(
  dimension: Dimension,
  value: string,
  group: Group,
  average: number,
  model: ScoringModel,
  names: Names,
): ModelChange | null {
  const topReason = [...group.reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const mostlyNever =
    [...group.reasons.entries()].filter(([r]) => NEVER_REASONS.includes(r)).reduce((n, [, c]) => n + c, 0) * 2 >
    group.rejected;
  switch (dimension) {
    case "rule": {
      const fit = model.fitRules.find((r) => r.id === value);
      const behaviour = model.behaviourRules.find((r) => r.id === value);
      const rule = fit ?? behaviour;
      if (!rule || rule.points <= 0) return null;
      const to = loweredPoints(rule.points, 1 - group.rejected / group.handoffs, 1 - average);
      return {
        kind: "lowerRule",
        ruleKind: fit ? "fit" : "behaviour",
        ruleId: rule.id,
        label: rule.label,
        from: rule.points,
        to,
      };
    }
    case "title": {
      const when: Condition = { attribute: "title", operator: "containsAny", values: [value] };
      return mostlyNever || topReason === null
        ? { kind: "addDisqualifier", label: names.label("title", value), when }
        : { kind: "addFitRule", label: names.label("title", value), when, points: -10 };
    }
    case "persona":
      return {
        kind: "addFitRule",
        label: names.label("persona", names.persona(value)),
        when: { attribute: "persona", operator: "is", personaId: value },
        points: -10,
      };
    case "channel":
      return {
        kind: "addFitRule",
        label: names.label("channel", names.channel(value)),
        when: { attribute: "channel", operator: "in", values: [value] },
        points: -10,
      };
    case "campaign":
      return null;
  }
}

/** Words for the rules a change adds: a persona's name, a channel's label, and the new rule's label. */
export type Names = {
  persona: (id: string) => string;
  channel: (channel: string) => string;
  label: (dimension: "title" | "persona" | "channel", name: string) => string;
};

/** The findings of a period, those returned most surely above the average first. */
export function findDisagreements(handoffs: readonly AnsweredHandoff[], model: ScoringModel, names: Names): Finding[] {
  const total = handoffs.length;
  const rejected = handoffs.filter((h) => h.rejected).length;
  if (total === 0) return [];
  const average = rejected / total;
  const findings: Finding[] = [];
  for (const [key, group] of groupsOf(handoffs)) {
    if (group.rejected < MIN_REJECTIONS) continue;
    if (key.startsWith("title:") && group.handoffs > MAX_WORD_SHARE * total) continue;
    const { low, high } = wilson(group.rejected, group.handoffs);
    if (low <= average) continue;
    const separator = key.indexOf(":");
    const dimension = key.slice(0, separator) as Dimension;
    const value = key.slice(separator + 1);
    const reasons = Object.fromEntries(group.reasons) as Partial<Record<RejectReasonKey, number>>;
    findings.push({
      key,
      dimension,
      value,
      handoffs: group.handoffs,
      rejected: group.rejected,
      rate: group.rejected / group.handoffs,
      low,
      high,
      average,
      reasons,
      topReason: [...group.reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
      change: changeFor(dimension, value, group, average, model, names),
    });
  }
  return findings.sort((a, b) => b.low - a.low || b.rejected - a.rejected);
}

/** The model with the finding's change made (a new rule gets an id of its own). */
export function applyChange(model: ScoringModel, change: ModelChange, newId: string): ScoringModel {
  switch (change.kind) {
    case "lowerRule":
      return change.ruleKind === "fit"
        ? { ...model, fitRules: model.fitRules.map((r) => (r.id === change.ruleId ? { ...r, points: change.to } : r)) }
        : {
            ...model,
            behaviourRules: model.behaviourRules.map((r) => (r.id === change.ruleId ? { ...r, points: change.to } : r)),
          };
    case "addFitRule":
      return {
        ...model,
        fitRules: [...model.fitRules, { id: newId, label: change.label, when: change.when, points: change.points }],
      };
    case "addDisqualifier":
      return {
        ...model,
        disqualifiers: [...model.disqualifiers, { id: newId, label: change.label, when: change.when }],
      };
  }
}
