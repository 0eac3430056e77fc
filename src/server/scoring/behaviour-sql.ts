import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type BehaviourRule, type BehaviourSum, MAX_HALF_LIVES } from "@/server/scoring/engine";

/** A rule as one row of a VALUES list: index, event type, points, decay mode and days. */
function ruleRow(rule: BehaviourRule, index: number): Prisma.Sql {
  const days = rule.decay.mode === "none" ? 1 : rule.decay.days;
  return Prisma.sql`(${index}::int, ${rule.eventType}::text, ${rule.points}::float8, ${rule.decay.mode}::text, ${days}::float8)`;
}

/**
 * `behaviourSums` (scoring/engine.ts) in SQL, for bulk re-scoring: summing a
 * million leads' events inside PostgreSQL instead of shipping ten million
 * events to Node. Same arithmetic in the same IEEE doubles: the age in whole
 * milliseconds divided by a day, `points × 0.5^(age/halfLife)`, the window
 * test on that age, future events left out; an event counts when its points
 * are not zero. Only the order of the additions may differ, which cannot
 * change the value once rounded to cents (tests/db/behaviour-sql.test.ts
 * checks it against the engine on random models and events).
 *
 * Per lead, one text value listing the rules that have events,
 * "rule:sum:count,…" (`parseBehaviourSums` reads it; a rule not listed sums to 0).
 *
 * Shaped for speed at ten million events: it reads only the event index
 * (lead, time, type) — no table access — and works out each event's points
 * once (joined to its rules), in float8 arithmetic (EXTRACT returns numeric,
 * several times slower). Events a window rule no longer counts are dropped
 * before the sums (they add 0 and are not counted), and the sums are grouped
 * by lead and rule, then listed per lead: one aggregate per rule over every
 * event (FILTER) cost a quarter more. The lead ids scope it to a workspace:
 * they come from one workspace's leads, and an event always belongs to its
 * lead's workspace.
 */
export function behaviourSumsQuery(input: {
  rules: readonly BehaviourRule[];
  leadIds: string[];
  now: Date;
}): Prisma.Sql {
  return behaviourSumsOf(Prisma.sql`ANY(${input.leadIds}::text[])`, input.rules, input.now);
}

/** The same, for the leads a query names: `leads` is what follows `e."leadId" =`, e.g. `ANY(SELECT id FROM batch)`. */
export function behaviourSumsOf(leads: Prisma.Sql, rules: readonly BehaviourRule[], now: Date): Prisma.Sql {
  return sumsOverEvents(rules, {
    events: Prisma.sql`"LeadEvent" e`,
    where: Prisma.sql`e."leadId" = ${leads}`,
    nowMs: Prisma.sql`${now.getTime()}::float8`,
    nowAt: Prisma.sql`${now}::timestamp(3)`,
  });
}

/**
 * Each lead scored at a moment of its own (the backtest: its creation + N days): `batch` names a relation with the
 * leads' `id`, their moment `cutoff` (timestamp(3)) and the same moment in epoch milliseconds `"cutoffMs"`.
 */
export function behaviourSumsAtCutoffs(batch: Prisma.Sql, rules: readonly BehaviourRule[]): Prisma.Sql {
  return sumsOverEvents(rules, {
    events: Prisma.sql`${batch} b JOIN "LeadEvent" e ON e."leadId" = b.id`,
    where: Prisma.sql`true`,
    nowMs: Prisma.sql`b."cutoffMs"::float8`,
    nowAt: Prisma.sql`b.cutoff`,
  });
}

/** The sums at `nowAt` (`nowMs` the same moment in epoch milliseconds) over the events `events` and `where` name. */
function sumsOverEvents(
  rules: readonly BehaviourRule[],
  at: { events: Prisma.Sql; where: Prisma.Sql; nowMs: Prisma.Sql; nowAt: Prisma.Sql },
): Prisma.Sql {
  return Prisma.sql`
    SELECT g."leadId" AS "leadId", string_agg(g.rule::text || ':' || g.sum::text || ':' || g.events::text, ',') AS sums
    FROM (
      SELECT s."leadId", s.rule, sum(s.points) AS sum, count(*) FILTER (WHERE s.points <> 0) AS events
      FROM (
        SELECT e."leadId", r.i AS rule,
          CASE r.mode
            WHEN 'window' THEN r.points
            -- Past MAX_HALF_LIVES the engine gives 0 (PostgreSQL would raise an underflow error instead of returning 0).
            WHEN 'halfLife' THEN CASE WHEN a.days / r.days > ${MAX_HALF_LIVES}::float8 THEN 0::float8
                                      ELSE r.points * power(0.5::float8, a.days / r.days) END
            ELSE r.points
          END AS points
        FROM ${at.events}
        JOIN (VALUES ${Prisma.join(rules.map(ruleRow), ", ")}) AS r(i, type, points, mode, days) ON r.type = e.type
        CROSS JOIN LATERAL (
          SELECT GREATEST(0::float8,
            (${at.nowMs} - round(date_part('epoch', e."occurredAt") * 1000)) / 86400000::float8) AS days
        ) a
        WHERE ${at.where} AND e."occurredAt" <= ${at.nowAt}
          AND (r.mode <> 'window' OR a.days <= r.days)
        OFFSET 0 -- keeps the points a column of their own, worked out once per event and rule
      ) s
      GROUP BY s."leadId", s.rule
    ) g
    GROUP BY g."leadId"`;
}

export function parseBehaviourSums(text: string | null | undefined, rules: number): BehaviourSum[] {
  // Plain loops: a publish parses a million of these.
  const sums: BehaviourSum[] = new Array(rules);
  for (let i = 0; i < rules; i++) sums[i] = { sum: 0, events: 0 };
  if (!text) return sums;
  for (const entry of text.split(",")) {
    const [rule, sum, events] = entry.split(":");
    const target = sums[Number(rule)];
    if (target) {
      target.sum = Number(sum);
      target.events = Number(events);
    }
  }
  return sums;
}
