import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { sortByName } from "@/lib/collate";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { historyConditions, leadConditions, leadJoin, type MetricsFilter, resolveRange } from "@/server/metrics/filter";
import type { Source } from "@/server/metrics/funnel";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * SLA figures, by the brief's definitions: compliance = handoffs answered by
 * their first due time ÷ handoffs that came due in the range (an open one past
 * due counts as a breach); response time in business hours of each handoff's
 * own SLA clock (median and p90); breaches and reassignments by rep; open
 * handoffs at risk now; marketing's side — MQLs delivered per month against
 * the SLA's monthly commitment.
 */
export async function slaMetrics(actor: Actor, filter: MetricsFilter, now = new Date(), source: Source = "rollup") {
  requirePermission(actor, "metrics.read");
  const ws = actor.workspaceId;
  const range = resolveRange(filter, await workspaceTimeZone(ws), now);
  const dueUntil = range.to < now ? range.to : now;
  // Dashboards filter on the dimensions handoffs and stage changes carry; the recompute joins the leads.
  const denormalized = source === "rollup";
  const leads = denormalized ? historyConditions(filter, "h") : leadConditions(filter);
  const join = denormalized ? Prisma.empty : leadJoin(filter, Prisma.sql`h."leadId"`);
  const changeJoin = denormalized ? Prisma.empty : leadJoin(filter, Prisma.sql`c."leadId"`);
  const changeLeads = denormalized ? historyConditions(filter, "c") : leadConditions(filter);

  const [compliance, answers, events, atRisk, delivered, targets] = await Promise.all([
    db.$queryRaw<{ due: bigint; in_time: bigint; breached: bigint }[]>`
      SELECT count(*) AS due,
             count(*) FILTER (WHERE h."answeredAt" IS NOT NULL AND h."answeredAt" <= h."firstDueAt") AS in_time,
             count(*) FILTER (WHERE h."answeredAt" IS NULL OR h."answeredAt" > h."firstDueAt") AS breached
      FROM "Handoff" h ${join}
      WHERE h."workspaceId" = ${ws} AND h."firstDueAt" >= ${range.from} AND h."firstDueAt" < ${dueUntil}
        AND h.status <> 'CANCELLED'
      ${leads}`,
    // Overall and per rep in one scan (grouping sets): the answered handoffs of the range.
    db.$queryRaw<
      {
        userId: string | null;
        overall: number;
        timed: bigint;
        answered: bigint;
        in_time: bigint;
        median: number | null;
        p90: number | null;
      }[]
    >`
      SELECT h."answeredById" AS "userId", GROUPING(h."answeredById") AS overall,
             count(h."responseMinutes") AS timed, count(*) AS answered,
             count(*) FILTER (WHERE h."answeredAt" <= h."firstDueAt") AS in_time,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY h."responseMinutes") / 60 AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY h."responseMinutes") / 60 AS p90
      FROM "Handoff" h ${join}
      WHERE h."workspaceId" = ${ws} AND h."answeredAt" >= ${range.from} AND h."answeredAt" < ${range.to}
        AND h."answeredById" IS NOT NULL
      ${leads}
      GROUP BY GROUPING SETS ((h."answeredById"), ())`,
    db.$queryRaw<{ userId: string; breaches: bigint; reassigned: bigint }[]>`
      SELECT e."fromUserId" AS "userId",
             count(*) FILTER (WHERE e.kind = 'BREACHED') AS breaches,
             count(*) FILTER (WHERE e.kind IN ('REASSIGNED', 'ESCALATED')) AS reassigned
      FROM "HandoffEvent" e JOIN "Handoff" h ON h.id = e."handoffId" ${join}
      WHERE e."workspaceId" = ${ws} AND e.at >= ${range.from} AND e.at < ${range.to}
        AND e.kind IN ('BREACHED', 'REASSIGNED', 'ESCALATED') AND e."fromUserId" IS NOT NULL
      ${leads}
      GROUP BY 1`,
    db.handoff.findMany({
      where: { workspaceId: ws, status: "OPEN", dueSoonAt: { lte: now } },
      orderBy: { dueAt: "asc" },
      take: 20,
      select: { id: true, dueAt: true, assigneeId: true, lead: { select: { id: true, name: true, email: true } } },
    }),
    db.$queryRaw<{ month: Date; mqls: bigint }[]>`
      SELECT date_trunc('month', (c.at AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}) AS month, count(*) AS mqls
      FROM "LeadStageChange" c ${changeJoin}
      WHERE c."workspaceId" = ${ws} AND c."toStage" = 'MQL' AND c.at >= ${range.from} AND c.at < ${range.to}
      ${changeLeads}
      GROUP BY 1 ORDER BY 1`,
    db.slaPolicy.findMany({
      where: { workspaceId: ws },
      orderBy: { version: "asc" },
      select: { createdAt: true, mqlMonthlyTarget: true },
    }),
  ]);

  const c = compliance[0];
  const response = answers.filter((a) => Number(a.overall) === 1);
  const reps = answers.filter((a) => Number(a.overall) === 0) as ((typeof answers)[number] & { userId: string })[];
  const due = Number(c?.due ?? 0);
  const inTime = Number(c?.in_time ?? 0);
  const userIds = [
    ...new Set([...reps.map((r) => r.userId), ...events.map((e) => e.userId), ...atRisk.map((h) => h.assigneeId)]),
  ].filter((id): id is string => Boolean(id));
  const names = new Map(
    (
      await db.membership.findMany({
        where: { workspaceId: ws, userId: { in: userIds } },
        select: { userId: true, user: { select: { name: true } } },
      })
    ).map((m) => [m.userId, m.user.name]),
  );
  const byRep = new Map<
    string,
    {
      userId: string;
      name: string;
      answered: number;
      inTime: number;
      medianHours: number | null;
      breaches: number;
      reassigned: number;
    }
  >();
  const rep = (userId: string) => {
    let row = byRep.get(userId);
    if (!row) {
      row = {
        userId,
        name: names.get(userId) ?? "—",
        answered: 0,
        inTime: 0,
        medianHours: null,
        breaches: 0,
        reassigned: 0,
      };
      byRep.set(userId, row);
    }
    return row;
  };
  for (const r of reps)
    Object.assign(rep(r.userId), {
      answered: Number(r.answered),
      inTime: Number(r.in_time),
      medianHours: r.median === null ? null : Number(r.median),
    });
  for (const e of events)
    Object.assign(rep(e.userId), { breaches: Number(e.breaches), reassigned: Number(e.reassigned) });

  // The commitment in force at the end of each month (the newest version created by then).
  const targetAt = (monthEnd: Date) =>
    targets.filter((t) => t.createdAt < monthEnd).at(-1)?.mqlMonthlyTarget ?? targets[0]?.mqlMonthlyTarget ?? null;
  const r = response[0];
  return {
    range: { from: range.fromDate, to: range.toDate, timeZone: range.timeZone },
    compliance: { due, inTime, breached: Number(c?.breached ?? 0), rate: due > 0 ? inTime / due : null },
    responseHours: {
      answered: Number(r?.timed ?? 0),
      median: r?.median === null || r?.median === undefined ? null : Number(r.median),
      p90: r?.p90 === null || r?.p90 === undefined ? null : Number(r.p90),
    },
    byRep: sortByName([...byRep.values()], (r) => r.name),
    atRisk: atRisk.map((h) => ({
      id: h.id,
      dueAt: h.dueAt,
      overdue: h.dueAt <= now,
      lead: h.lead,
      assignee: h.assigneeId ? (names.get(h.assigneeId) ?? "—") : null,
    })),
    mqlsDelivered: delivered.map((d) => {
      const month = d.month.toISOString().slice(0, 7);
      const [y, m] = month.split("-").map(Number) as [number, number];
      return { month, mqls: Number(d.mqls), target: targetAt(new Date(Date.UTC(y, m, 1))) };
    }),
  };
}
export type SlaMetrics = Awaited<ReturnType<typeof slaMetrics>>;
