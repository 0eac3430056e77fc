import "server-only";
import { formatInTimeZone } from "date-fns-tz";
import { Prisma } from "@/generated/prisma/client";
import { localDays } from "@/lib/local-days";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { type DefinitionChange, definitionChanges } from "@/server/metrics/definition-changes";
import {
  historyConditions,
  leadConditions,
  leadJoin,
  type MetricsFilter,
  previousRange,
  type Range,
  resolveRange,
  rollupConditions,
} from "@/server/metrics/filter";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * The funnel, by the definitions of the product brief:
 * - cohort: leads created in the range, and how many of them reached each
 *   stage (a lead that skipped a stage still counts as having reached it —
 *   reaching SQL implies passing MQL);
 * - flow: stage entries in the range from the append-only stage log (a lead
 *   rejected and re-qualified enters MQL twice);
 * - time in stage: median hours of the stays that began in the range and
 *   have ended;
 * - trend by week or month, and lead velocity (MQLs this month vs last).
 */

export const FUNNEL_STAGES = ["LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type Cohort = Record<FunnelStage, number>;

/** Where counts come from: the rollup (dashboards) or the raw tables (the recompute the rollup is tested against). */
export type Source = "rollup" | "raw";

const emptyCounts = (): Cohort => ({ LEAD: 0, MQL: 0, SQL: 0, OPPORTUNITY: 0, CUSTOMER: 0 });

/** Rollup counts per stage for a kind over the range's local days. */
async function rolledUp(workspaceId: string, kind: "cohort" | "flow", range: Range, filter: MetricsFilter) {
  const rows = await db.$queryRaw<{ stage: string; n: bigint }[]>`
    SELECT r.stage, sum(r.n)::bigint AS n FROM (
      SELECT stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelRollup"
      WHERE "workspaceId" = ${workspaceId} AND kind = ${kind} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
      UNION ALL
      SELECT stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelDelta"
      WHERE "workspaceId" = ${workspaceId} AND kind = ${kind} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
    ) r
    WHERE TRUE ${rollupConditions(filter)}
    GROUP BY r.stage
    HAVING sum(r.n) <> 0`;
  const counts = emptyCounts();
  for (const row of rows) if (row.stage in counts) counts[row.stage as FunnelStage] = Number(row.n);
  return counts;
}

async function cohort(workspaceId: string, range: Range, filter: MetricsFilter, source: Source): Promise<Cohort> {
  if (source === "rollup") return rolledUp(workspaceId, "cohort", range, filter);
  const rows = await db.$queryRaw<{ leads: bigint; mql: bigint; sql: bigint; opp: bigint; customer: bigint }[]>`
    SELECT count(*) AS leads,
           count(*) FILTER (WHERE COALESCE(l."mqlAt", l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL) AS mql,
           count(*) FILTER (WHERE COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL) AS sql,
           count(*) FILTER (WHERE COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL) AS opp,
           count(*) FILTER (WHERE l."customerAt" IS NOT NULL) AS customer
    FROM "Lead" l
    WHERE l."workspaceId" = ${workspaceId} AND l."createdAt" >= ${range.from} AND l."createdAt" < ${range.to}
    ${leadConditions(filter)}`;
  const r = rows[0];
  return {
    LEAD: Number(r?.leads ?? 0),
    MQL: Number(r?.mql ?? 0),
    SQL: Number(r?.sql ?? 0),
    OPPORTUNITY: Number(r?.opp ?? 0),
    CUSTOMER: Number(r?.customer ?? 0),
  };
}

async function flow(workspaceId: string, range: Range, filter: MetricsFilter, source: Source): Promise<Cohort> {
  if (source === "rollup") return rolledUp(workspaceId, "flow", range, filter);
  const rows = await db.$queryRaw<{ stage: FunnelStage; n: bigint }[]>`
    SELECT c."toStage" AS stage, count(*) AS n
    FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
    WHERE c."workspaceId" = ${workspaceId} AND c.at >= ${range.from} AND c.at < ${range.to}
      AND c."toStage" IN ('LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER')
    ${leadConditions(filter)}
    GROUP BY 1`;
  const result = emptyCounts();
  for (const row of rows) result[row.stage] = Number(row.n);
  return result;
}

/**
 * The leads behind the flow's entries: per stage after Lead, how many distinct leads entered it in the range (a
 * re-qualified lead enters MQL twice but is one lead). What a flow row's link lists. A lead enters Lead once, at
 * its capture (nothing moves a lead back to Lead), so there the entries are the leads: counting them distinct over
 * a year of captures cost the funnel's p95 ~650 ms at 1M leads for nothing.
 */
async function flowLeads(workspaceId: string, range: Range, filter: MetricsFilter, source: Source): Promise<Cohort> {
  const denormalized = source === "rollup";
  const rows = await db.$queryRaw<{ stage: FunnelStage; n: bigint }[]>`
    SELECT c."toStage" AS stage, count(DISTINCT c."leadId") AS n
    FROM "LeadStageChange" c ${denormalized ? Prisma.empty : leadJoin(filter, Prisma.sql`c."leadId"`)}
    WHERE c."workspaceId" = ${workspaceId} AND c.at >= ${range.from} AND c.at < ${range.to}
      AND c."toStage" IN ('MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER')
    ${denormalized ? historyConditions(filter, "c") : leadConditions(filter)}
    GROUP BY 1`;
  const result = emptyCounts();
  for (const row of rows) result[row.stage] = Number(row.n);
  return result;
}

/** Median hours spent in each stage, over stays that began in the range and have ended. */
async function timeInStage(workspaceId: string, range: Range, filter: MetricsFilter, source: Source) {
  // Each change row knows when the stay it ends began (fromStageEnteredAt, set by a trigger): one index range.
  const rows =
    source === "rollup"
      ? await db.$queryRaw<{ stage: FunnelStage; median: number | null; stays: bigint }[]>`
          SELECT c."fromStage" AS stage,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - c."fromStageEnteredAt") / 3600) AS median,
                 count(*) AS stays
          FROM "LeadStageChange" c
          WHERE c."workspaceId" = ${workspaceId} AND c."fromStage" IN ('LEAD', 'MQL', 'SQL', 'OPPORTUNITY')
            AND c."fromStageEnteredAt" >= ${range.from} AND c."fromStageEnteredAt" < ${range.to}
          ${historyConditions(filter, "c")}
          GROUP BY 1`
      : await db.$queryRaw<{ stage: FunnelStage; median: number | null; stays: bigint }[]>`
    WITH stays AS (
      SELECT c."toStage" AS stage, c.at,
             lead(c.at) OVER (PARTITION BY c."leadId" ORDER BY c.at, c.id) AS left_at
      FROM "LeadStageChange" c
      WHERE c."leadId" IN (
        SELECT c2."leadId" FROM "LeadStageChange" c2 JOIN "Lead" l ON l.id = c2."leadId"
        WHERE c2."workspaceId" = ${workspaceId} AND c2.at >= ${range.from} AND c2.at < ${range.to}
        ${leadConditions(filter)}
      )
    )
    SELECT stage,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - at) / 3600) AS median,
           count(*) AS stays
    FROM stays
    WHERE at >= ${range.from} AND at < ${range.to} AND left_at IS NOT NULL
      AND stage IN ('LEAD', 'MQL', 'SQL', 'OPPORTUNITY')
    GROUP BY stage`;
  return Object.fromEntries(
    rows.map((r) => [r.stage, { medianHours: r.median === null ? null : Number(r.median), stays: Number(r.stays) }]),
  ) as Partial<Record<FunnelStage, { medianHours: number | null; stays: number }>>;
}

export type TrendPoint = {
  period: string;
  /** Definition changes (rules published, MQL/SQL revisions agreed) that took effect in the period. */
  changes: DefinitionChange[];
  leads: number;
  mql: number;
  sql: number;
  customer: number;
  /** The period holds today: its figures are still growing (the chart's last dip is not a drop). */
  inProgress?: boolean;
};

/** Leads created and stage entries per week or month (periods in the workspace's time zone). */
async function trend(
  workspaceId: string,
  range: Range,
  filter: MetricsFilter,
  source: Source,
  now: Date,
): Promise<TrendPoint[]> {
  const unit = filter.interval === "week" ? "week" : "month";
  const rows =
    source === "rollup"
      ? await db.$queryRaw<{ period: Date; kind: string; n: bigint }[]>`
          SELECT date_trunc(${unit}, r.day::timestamp) AS period,
                 CASE WHEN r.kind = 'cohort' THEN 'LEAD' ELSE r.stage::text END AS kind, sum(r.n)::bigint AS n
          FROM (
            SELECT kind, day, stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelRollup"
            WHERE "workspaceId" = ${workspaceId} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
            UNION ALL
            SELECT kind, day, stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelDelta"
            WHERE "workspaceId" = ${workspaceId} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
          ) r
          WHERE ((r.kind = 'cohort' AND r.stage = 'LEAD') OR (r.kind = 'flow' AND r.stage IN ('MQL', 'SQL', 'CUSTOMER')))
          ${rollupConditions(filter)}
          GROUP BY 1, 2
          HAVING sum(r.n) <> 0`
      : await db.$queryRaw<{ period: Date; kind: string; n: bigint }[]>`
          SELECT date_trunc(${unit}, (l."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}) AS period,
                 'LEAD' AS kind, count(*) AS n
          FROM "Lead" l
          WHERE l."workspaceId" = ${workspaceId} AND l."createdAt" >= ${range.from} AND l."createdAt" < ${range.to}
          ${leadConditions(filter)}
          GROUP BY 1
          UNION ALL
          SELECT date_trunc(${unit}, (c.at AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}) AS period,
                 c."toStage"::text AS kind, count(*) AS n
          FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
          WHERE c."workspaceId" = ${workspaceId} AND c.at >= ${range.from} AND c.at < ${range.to}
            AND c."toStage" IN ('MQL', 'SQL', 'CUSTOMER')
          ${leadConditions(filter)}
          GROUP BY 1, 2`;
  const byPeriod = new Map<string, TrendPoint>();
  for (const row of rows) {
    const period = row.period.toISOString().slice(0, 10);
    const point = byPeriod.get(period) ?? { period, changes: [], leads: 0, mql: 0, sql: 0, customer: 0 };
    const n = Number(row.n);
    if (row.kind === "LEAD") point.leads = n;
    else if (row.kind === "MQL") point.mql = n;
    else if (row.kind === "SQL") point.sql = n;
    else if (row.kind === "CUSTOMER") point.customer = n;
    byPeriod.set(period, point);
  }
  // The last period is partial when the view ends before it does (today, or a range ending mid-period).
  const end = lastDayShown(range, now);
  const partial = periodOf(end, unit);
  return [...byPeriod.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((point) => (point.period === partial.start && end < partial.last ? { ...point, inProgress: true } : point));
}

/** The last day a view's figures reach: the range's end, or today when it ends later (yyyy-mm-dd). */
function lastDayShown(range: Range, now: Date): string {
  return [range.toDate, formatInTimeZone(now, range.timeZone, "yyyy-MM-dd")].sort()[0] as string;
}

/** The first and last day of the week (Monday to Sunday, as PostgreSQL's date_trunc) or month holding a day. */
function periodOf(day: string, unit: "week" | "month"): { start: string; last: string } {
  const date = new Date(`${day}T00:00:00Z`);
  if (unit === "month") {
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
    return { start: `${day.slice(0, 7)}-01`, last: last.toISOString().slice(0, 10) };
  }
  const start = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
  return {
    start: start.toISOString().slice(0, 10),
    last: new Date(start.getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
  };
}

export type Velocity = {
  month: string;
  mqls: number;
  rate: number | null;
  modelChanged: boolean;
  /**
   * The month holds today: its rate compares its days so far with the same days of the previous month (through
   * `throughDay`, which had `previousSameDays` MQL entries), not with the whole previous month.
   */
  inProgress?: { throughDay: number; previousSameDays: number };
};

/**
 * The dashboards' MQL entries on the local days fromDate…toDate (inclusive): the rollup's "flow" rows of stage MQL
 * plus the deltas not yet folded into it, one row per (day, model, dimensions) with its count n, for callers to sum.
 * The one definition of "MQLs entering in a period" that lead velocity and the alignment index share.
 */
function mqlFlowRows(workspaceId: string, fromDate: string, toDate: string): Prisma.Sql {
  return Prisma.sql`
    SELECT day, "modelId", n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelRollup"
    WHERE "workspaceId" = ${workspaceId} AND kind = 'flow' AND stage = 'MQL'
      AND day >= ${fromDate}::date AND day <= ${toDate}::date
    UNION ALL
    SELECT day, "modelId", n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelDelta"
    WHERE "workspaceId" = ${workspaceId} AND kind = 'flow' AND stage = 'MQL'
      AND day >= ${fromDate}::date AND day <= ${toDate}::date`;
}

/** MQL entries per calendar month ("YYYY-MM" → count) on the local days fromDate…toDate, as the dashboards count them. */
export async function mqlEntriesByMonth(
  workspaceId: string,
  days: { fromDate: string; toDate: string },
): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ month: string; n: bigint }[]>`
    SELECT to_char(r.day, 'YYYY-MM') AS month, sum(r.n)::bigint AS n
    FROM (${mqlFlowRows(workspaceId, days.fromDate, days.toDate)}) r
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.month, Number(row.n)]));
}

/** MQL entries on the days fromDate…toDate (inclusive, workspace's calendar), from the source the dashboard reads. */
async function mqlEntries(
  workspaceId: string,
  days: { fromDate: string; toDate: string; timeZone: string },
  filter: MetricsFilter,
  source: Source,
): Promise<number> {
  if (source === "rollup") {
    const [row] = await db.$queryRaw<[{ n: bigint | null }]>`
      SELECT sum(r.n)::bigint AS n FROM (${mqlFlowRows(workspaceId, days.fromDate, days.toDate)}) r
      WHERE TRUE ${rollupConditions(filter)}`;
    return Number(row.n ?? 0);
  }
  const { from, to } = localDays(days.fromDate, days.toDate, days.timeZone) as { from: Date; to: Date };
  const [row] = await db.$queryRaw<[{ n: bigint }]>`
    SELECT count(*) AS n FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
    WHERE c."workspaceId" = ${workspaceId} AND c."toStage" = 'MQL' AND c.at >= ${from} AND c.at < ${to}
    ${leadConditions(filter)}`;
  return Number(row.n);
}

/**
 * Lead velocity rate per month: (MQLs this month − last month) ÷ last month,
 * from MQL entries; `modelChanged` flags months whose MQLs came under more
 * than one scoring model version (the rate then compares different definitions).
 */
async function velocity(
  workspaceId: string,
  range: Range,
  filter: MetricsFilter,
  source: Source,
  now: Date,
): Promise<Velocity[]> {
  const since = previousMonthStart(range);
  const rows =
    source === "rollup"
      ? await db.$queryRaw<{ month: Date; mqls: bigint; models: bigint }[]>`
          SELECT month, sum(n)::bigint AS mqls, count(*) FILTER (WHERE n <> 0) AS models FROM (
            SELECT date_trunc('month', r.day::timestamp) AS month, r."modelId", sum(r.n) AS n FROM (
              ${mqlFlowRows(workspaceId, formatInTimeZone(since, range.timeZone, "yyyy-MM-dd"), range.toDate)}
            ) r
            WHERE TRUE ${rollupConditions(filter)}
            GROUP BY 1, 2
          ) m
          GROUP BY month HAVING sum(n) <> 0 ORDER BY month`
      : await db.$queryRaw<{ month: Date; mqls: bigint; models: bigint }[]>`
    SELECT date_trunc('month', (c.at AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}) AS month,
           count(*) AS mqls, count(DISTINCT c."scoringModelId") AS models
    FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
    WHERE c."workspaceId" = ${workspaceId} AND c."toStage" = 'MQL'
      AND c.at >= ${since} AND c.at < ${range.to}
    ${leadConditions(filter)}
    GROUP BY 1 ORDER BY 1`;
  const months = rows.map((r) => ({
    month: r.month.toISOString().slice(0, 7),
    mqls: Number(r.mqls),
    models: Number(r.models),
  }));
  const shown: Velocity[] = months
    .map((m, i) => {
      const before = months[i - 1];
      const previous = before && isPreviousMonth(before.month, m.month) ? before.mqls : 0;
      return {
        month: m.month,
        mqls: m.mqls,
        rate: previous > 0 ? (m.mqls - previous) / previous : null,
        modelChanged: m.models > 1,
      };
    })
    .filter((m) => m.month >= range.fromDate.slice(0, 7));
  // A month the view holds only part of (the month in progress, or a range ending mid-month) against the same days
  // of the month before: a whole month against a part is no trend.
  const end = lastDayShown(range, now);
  const [y, m] = end.split("-").map(Number) as [number, number];
  const endsMonth = Number(end.slice(8, 10)) === new Date(Date.UTC(y, m, 0)).getUTCDate();
  const current = endsMonth ? undefined : shown.find((v) => v.month === end.slice(0, 7));
  if (current) {
    const throughDay = Number(end.slice(8, 10));
    const previousMonth = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
    const previousLength = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
    const previousSameDays = await mqlEntries(
      workspaceId,
      {
        fromDate: `${previousMonth}-01`,
        toDate: `${previousMonth}-${String(Math.min(throughDay, previousLength)).padStart(2, "0")}`,
        timeZone: range.timeZone,
      },
      filter,
      source,
    );
    current.rate = previousSameDays > 0 ? (current.mqls - previousSameDays) / previousSameDays : null;
    current.inProgress = { throughDay, previousSameDays };
  }
  return shown;
}

function previousMonthStart(range: Range): Date {
  // A month before the range, so the first month in range has a rate.
  return new Date(range.from.getTime() - 31 * 86_400_000);
}

function isPreviousMonth(a: string, b: string) {
  const [ya, ma] = a.split("-").map(Number) as [number, number];
  const [yb, mb] = b.split("-").map(Number) as [number, number];
  return yb * 12 + mb - (ya * 12 + ma) === 1;
}

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

export function conversions(counts: Cohort) {
  return {
    leadToMql: rate(counts.MQL, counts.LEAD),
    mqlToSql: rate(counts.SQL, counts.MQL),
    sqlToOpportunity: rate(counts.OPPORTUNITY, counts.SQL),
    opportunityToCustomer: rate(counts.CUSTOMER, counts.OPPORTUNITY),
    leadToSql: rate(counts.SQL, counts.LEAD),
  };
}

export async function funnelMetrics(actor: Actor, filter: MetricsFilter, now = new Date(), source: Source = "rollup") {
  requirePermission(actor, "metrics.read");
  const range = resolveRange(filter, await workspaceTimeZone(actor.workspaceId), now);
  const previous = previousRange(range);
  const ws = actor.workspaceId;
  const [current, prior, flowNow, flowBefore, flowDistinct, stageTimes, points, lvr, changes] = await Promise.all([
    cohort(ws, range, filter, source),
    cohort(ws, previous, filter, source),
    flow(ws, range, filter, source),
    flow(ws, previous, filter, source),
    flowLeads(ws, range, filter, source),
    timeInStage(ws, range, filter, source),
    trend(ws, range, filter, source, now),
    velocity(ws, range, filter, source, now),
    definitionChanges(ws, range),
  ]);
  const unit = filter.interval === "week" ? "week" : "month";
  for (const point of points) point.changes = changes.filter((c) => periodOf(c.day, unit).start === point.period);
  return {
    range: { from: range.fromDate, to: range.toDate, timeZone: range.timeZone },
    previousRange: { from: previous.fromDate, to: previous.toDate },
    cohort: { counts: current, conversions: conversions(current), previous: prior },
    flow: {
      counts: flowNow,
      leads: { ...flowDistinct, LEAD: flowNow.LEAD },
      conversions: conversions(flowNow),
      previous: flowBefore,
    },
    timeInStage: stageTimes,
    trend: points,
    velocity: lvr,
    /** Every definition change in the range: figures across one compare different definitions. */
    changes,
  };
}
export type FunnelMetrics = Awaited<ReturnType<typeof funnelMetrics>>;
