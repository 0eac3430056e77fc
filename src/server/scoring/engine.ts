/**
 * Lead scoring — pure, documented, no I/O. The same function scores one lead
 * on capture and every lead on a bulk re-score, so the two can never disagree.
 *
 * A scoring model has:
 * - fit rules: conditions on the lead's attributes (or its matched persona)
 *   that add or remove points (industry in [automotive, retail] → +15);
 * - behaviour rules: points per event of a type, optionally capped per rule,
 *   and optionally decaying — `halfLife` (an event's points halve every N
 *   days) or `window` (only events of the last N days count);
 * - disqualifiers: conditions that keep a lead out of MQL whatever its score
 *   (competitor domain, free-mail domain, student title);
 * - the MQL threshold: total ≥ threshold and no disqualifier ⇒ MQL-qualified.
 *
 * total = fit + engagement, each rounded to 2 decimals for stable storage.
 */

export type LeadAttributes = {
  email: string;
  industry: string | null;
  companySize: number | null;
  country: string | null;
  title: string | null;
  channel: string | null;
  personaId: string | null;
};

export type LeadEventInput = { type: string; occurredAt: Date };

export type Condition =
  | { attribute: "industry" | "country" | "channel" | "emailDomain"; operator: "in" | "notIn"; values: string[] }
  | { attribute: "title"; operator: "containsAny"; values: string[] }
  | { attribute: "companySize"; operator: "lt" | "lte" | "gt" | "gte"; value: number }
  | { attribute: "companySize"; operator: "between"; min: number; max: number }
  | { attribute: "persona"; operator: "is"; personaId: string }
  | { attribute: "persona"; operator: "any" };

export type FitRule = { id: string; label: string; when: Condition; points: number };

export type Decay = { mode: "none" } | { mode: "halfLife"; days: number } | { mode: "window"; days: number };

export type BehaviourRule = {
  id: string;
  label: string;
  eventType: string;
  points: number;
  /** Most points this rule can give in total (null: no cap). */
  cap: number | null;
  decay: Decay;
};

export type Disqualifier = { id: string; label: string; when: Condition };

export type ScoringModel = {
  fitRules: FitRule[];
  behaviourRules: BehaviourRule[];
  disqualifiers: Disqualifier[];
  mqlThreshold: number;
};

export type Contribution = {
  ruleId: string;
  label: string;
  kind: "fit" | "behaviour";
  points: number;
  events?: number;
};

export type ScoreResult = {
  fit: number;
  engagement: number;
  total: number;
  /** Disqualifiers that matched (the lead cannot be MQL while any does). */
  disqualifiedBy: { ruleId: string; label: string }[];
  qualifies: boolean;
  /** Why the lead has its score: every rule that fired, with its points. */
  explanation: Contribution[];
};

const DAY_MS = 24 * 3600 * 1000;
/** An event older than this many half-lives gives no points (2^-1000 of a point is nothing once rounded to cents). */
export const MAX_HALF_LIVES = 1000;

export const round2 = (value: number) => Math.round(value * 100) / 100;

export function emailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}

const norm = (value: string | null) => (value ?? "").trim().toLowerCase();

export function matches(condition: Condition, lead: LeadAttributes): boolean {
  switch (condition.attribute) {
    case "industry":
    case "country":
    case "channel":
    case "emailDomain": {
      const actual = condition.attribute === "emailDomain" ? emailDomain(lead.email) : norm(lead[condition.attribute]);
      const listed = condition.values.map((v) => v.trim().toLowerCase()).includes(actual);
      if (condition.operator === "in") return actual !== "" && listed;
      return actual !== "" && !listed;
    }
    case "title": {
      const title = norm(lead.title);
      return (
        title !== "" && condition.values.some((word) => word.trim() !== "" && title.includes(word.trim().toLowerCase()))
      );
    }
    case "companySize": {
      const size = lead.companySize;
      if (size === null) return false;
      if (condition.operator === "between") return size >= condition.min && size <= condition.max;
      if (condition.operator === "lt") return size < condition.value;
      if (condition.operator === "lte") return size <= condition.value;
      if (condition.operator === "gt") return size > condition.value;
      return size >= condition.value;
    }
    case "persona":
      return condition.operator === "any" ? lead.personaId !== null : lead.personaId === condition.personaId;
  }
}

/** Points one event contributes at `now` under the rule's decay. */
export function decayedPoints(points: number, decay: Decay, occurredAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - occurredAt.getTime()) / DAY_MS);
  if (decay.mode === "window") return ageDays <= decay.days ? points : 0;
  if (decay.mode === "halfLife") {
    const halfLives = ageDays / decay.days;
    return halfLives > MAX_HALF_LIVES ? 0 : points * 0.5 ** halfLives;
  }
  return points;
}

/** A behaviour rule's raw result: the sum of its events' decayed points and how many gave points. */
export type BehaviourSum = { sum: number; events: number };

/**
 * Each behaviour rule's sum over the lead's events at `now` (future events do
 * not count yet), before its cap and rounding. Bulk re-scoring computes the
 * same sums in SQL (scoring/behaviour-sql.ts, tested equal); everything after
 * them is `scoreFromSums`, shared by both.
 */
export function behaviourSums(
  rules: readonly BehaviourRule[],
  events: readonly LeadEventInput[],
  now: Date,
): BehaviourSum[] {
  return rules.map((rule) => {
    let sum = 0;
    let count = 0;
    for (const event of events) {
      if (event.type !== rule.eventType || event.occurredAt.getTime() > now.getTime()) continue;
      const points = decayedPoints(rule.points, rule.decay, event.occurredAt, now);
      if (points !== 0) count++;
      sum += points;
    }
    return { sum, events: count };
  });
}

export function scoreLead(
  lead: LeadAttributes,
  events: readonly LeadEventInput[],
  model: ScoringModel,
  now: Date,
): ScoreResult {
  return scoreFromSums(lead, behaviourSums(model.behaviourRules, events, now), model);
}

/** The score from the lead's attributes and its behaviour sums (one per behaviour rule, in order). */
export function scoreFromSums(lead: LeadAttributes, sums: readonly BehaviourSum[], model: ScoringModel): ScoreResult {
  const explanation: Contribution[] = [];
  let fit = 0;
  for (const rule of model.fitRules) {
    if (matches(rule.when, lead)) {
      fit += rule.points;
      explanation.push({ ruleId: rule.id, label: rule.label, kind: "fit", points: rule.points });
    }
  }

  let engagement = 0;
  model.behaviourRules.forEach((rule, i) => {
    const raw = sums[i] ?? { sum: 0, events: 0 };
    let sum = raw.sum;
    if (rule.cap !== null) sum = rule.points >= 0 ? Math.min(sum, rule.cap) : Math.max(sum, -rule.cap);
    sum = round2(sum);
    if (sum !== 0) {
      engagement += sum;
      explanation.push({ ruleId: rule.id, label: rule.label, kind: "behaviour", points: sum, events: raw.events });
    }
  });

  const disqualifiedBy = model.disqualifiers
    .filter((d) => matches(d.when, lead))
    .map((d) => ({ ruleId: d.id, label: d.label }));
  fit = round2(fit);
  engagement = round2(engagement);
  const total = round2(fit + engagement);
  return {
    fit,
    engagement,
    total,
    disqualifiedBy,
    qualifies: disqualifiedBy.length === 0 && total >= model.mqlThreshold,
    explanation,
  };
}

/**
 * Whether a (re-)score makes the lead MQL now: it qualifies, did not qualify
 * before (one MQL per crossing), and is at a stage that may move forward to
 * MQL. Re-scoring never moves a lead backwards out of SQL or later.
 */
export function becomesMql(input: { qualifiedBefore: boolean; result: ScoreResult; stage: string }): boolean {
  return input.result.qualifies && !input.qualifiedBefore && (input.stage === "LEAD" || input.stage === "NURTURE");
}
