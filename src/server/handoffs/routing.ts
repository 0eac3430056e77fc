/**
 * Who gets the next MQL — pure rules, unit-tested; the database side
 * (locking the candidates, writing the result) is in ./assignment.ts.
 */
import type { Role } from "@/generated/prisma/enums";

export type RoutingRuleSpec = {
  id: string;
  personaId: string | null;
  countries: string[];
  companySizeMin: number | null;
  companySizeMax: number | null;
  repUserIds: string[];
};

export type RoutedLead = { personaId: string | null; country: string; companySize: number | null };

export type Candidate = {
  userId: string;
  role: Role;
  away: boolean;
  awayUntil: Date | null;
  /** Milliseconds; null = never assigned. */
  lastAssignedAt: number | null;
};

/** The first rule (in position order) whose every set condition holds. */
export function matchRule<R extends RoutingRuleSpec>(rules: readonly R[], lead: RoutedLead): R | null {
  for (const rule of rules) {
    if (rule.personaId && rule.personaId !== lead.personaId) continue;
    if (rule.countries.length > 0 && !rule.countries.includes(lead.country)) continue;
    if (rule.companySizeMin !== null && (lead.companySize ?? -1) < rule.companySizeMin) continue;
    if (rule.companySizeMax !== null && (lead.companySize ?? Number.POSITIVE_INFINITY) > rule.companySizeMax) continue;
    return rule;
  }
  return null;
}

/** Away with no end date means away until switched back; an end date in the past means back. */
export function isAvailable(candidate: Pick<Candidate, "away" | "awayUntil">, now: Date): boolean {
  if (!candidate.away) return true;
  return candidate.awayUntil !== null && candidate.awayUntil.getTime() <= now.getTime();
}

/** Round-robin: the candidate least recently assigned (never assigned first), ties by user id. */
export function leastRecentlyAssigned(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!best) best = c;
    else {
      const a = c.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
      const b = best.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
      if (a < b || (a === b && c.userId < best.userId)) best = c;
    }
  }
  return best;
}

/**
 * The assignee of one lead: the matched rule's available reps, else every
 * available rep, else an available manager, else nobody (managers are told).
 * `exclude` keeps a breached handoff away from the rep who let it lapse.
 */
export function chooseAssignee(
  candidates: readonly Candidate[],
  input: { rule: RoutingRuleSpec | null; now: Date; exclude?: ReadonlySet<string>; repsOnly?: boolean },
): Candidate | null {
  const available = candidates.filter((c) => isAvailable(c, input.now) && !input.exclude?.has(c.userId));
  const reps = available.filter((c) => c.role === "SALES");
  const group = input.rule ? reps.filter((c) => input.rule?.repUserIds.includes(c.userId)) : [];
  const pick = leastRecentlyAssigned(group) ?? leastRecentlyAssigned(reps);
  if (pick || input.repsOnly) return pick;
  return leastRecentlyAssigned(available.filter((c) => c.role === "MANAGER"));
}
