import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type BehaviourRule, type BehaviourSum, type Decay, MAX_HALF_LIVES } from "@/server/scoring/engine";

/**
 * `behaviourSums` (scoring/engine.ts) in SQL, for bulk re-scoring: summing a
 * million leads' events inside PostgreSQL instead of shipping ten million
 * events to Node. Same arithmetic in the same IEEE doubles: the age in whole
 * milliseconds divided by a day, `points × 0.5^(age/halfLife)`, the window
 * test on that age, future events left out; an event counts when its points
 * are not zero. Only the order of the additions may differ, which cannot
 * change the value once rounded to cents (tests/db/behaviour-sql.test.ts
 * checks it against the engine on random models and events).
 */
function decayedPointsSql(rule: BehaviourRule, now: Date): Prisma.Sql {
  const points = Prisma.sql`${rule.points}::float8`;
  const decay: Decay = rule.decay;
  if (decay.mode === "none") return points;
  const ageDays = Prisma.sql`GREATEST(0::float8, (EXTRACT(EPOCH FROM (${now}::timestamp(3) - e."occurredAt")) * 1000)::float8 / 86400000::float8)`;
  if (decay.mode === "window")
    return Prisma.sql`(CASE WHEN ${ageDays} <= ${decay.days}::float8 THEN ${points} ELSE 0::float8 END)`;
  // Past MAX_HALF_LIVES the engine gives 0 (PostgreSQL would raise an underflow error instead of returning 0).
  const halfLives = Prisma.sql`(${ageDays} / ${decay.days}::float8)`;
  return Prisma.sql`(CASE WHEN ${halfLives} > ${MAX_HALF_LIVES}::float8 THEN 0::float8 ELSE ${points} * power(0.5::float8, ${halfLives}) END)`;
}

/**
 * Per lead, every rule's sum and event count as one text value
 * ("sum,count,sum,count,…" in rule order; `parseBehaviourSums` reads it).
 */
export function behaviourSumsQuery(input: {
  workspaceId: string;
  rules: readonly BehaviourRule[];
  leadIds: string[];
  now: Date;
}): Prisma.Sql {
  const { rules, now } = input;
  const types = [...new Set(rules.map((r) => r.eventType))];
  const parts = rules.flatMap((rule) => {
    const applies = Prisma.sql`e.type = ${rule.eventType} AND e."occurredAt" <= ${now}::timestamp(3)`;
    const points = decayedPointsSql(rule, now);
    return [
      Prisma.sql`COALESCE(sum(${points}) FILTER (WHERE ${applies}), 0)::text`,
      Prisma.sql`(count(*) FILTER (WHERE ${applies} AND ${points} <> 0))::text`,
    ];
  });
  return Prisma.sql`
    SELECT e."leadId" AS "leadId", concat_ws(',', ${Prisma.join(parts, ", ")}) AS sums
    FROM "LeadEvent" e
    WHERE e."workspaceId" = ${input.workspaceId} AND e."leadId" = ANY(${input.leadIds}::text[])
      AND e.type = ANY(${types}::text[])
    GROUP BY e."leadId"`;
}

export function parseBehaviourSums(text: string | null | undefined, rules: number): BehaviourSum[] {
  const values = text ? text.split(",") : [];
  return Array.from({ length: rules }, (_, i) => ({
    sum: values.length ? Number.parseFloat(values[2 * i] ?? "0") : 0,
    events: values.length ? Number.parseInt(values[2 * i + 1] ?? "0", 10) : 0,
  }));
}
