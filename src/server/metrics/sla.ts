import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { sortByName } from "@/lib/collate";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { definitionChanges } from "@/server/metrics/definition-changes";
import { historyConditions, leadConditions, leadJoin, type MetricsFilter, resolveRange } from "@/server/metrics/filter";
import type { Source } from "@/server/metrics/funnel";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * SLA figures, by the brief's definitions. Compliance counts assignments as
 * they are decided: an answer when it is given (in time if by that
 * assignment's own due time), a breach when its due time passed unanswered
 * (the sweep's BREACHED event, charged to the rep who held it). A breached
 * assignment answered later by the same rep stays one breach; after a
 * reassignment the next rep has their own clock. So a fast answer counts at
 * once, and the headline is the sum of the per-rep rows. Response time runs
 * from each answer's own assignment (median and p90); reassignments by rep;
 * open handoffs at risk now; marketing's side — MQLs delivered per month
 * against the SLA's monthly commitment.
 */
export async function slaMetrics(actor: Actor, filter: MetricsFilter, now = new Date(), source: Source = "rollup") {
  requirePermission(actor, "metrics.read");
  const ws = actor.workspaceId;
  const range = resolveRange(filter, await workspaceTimeZone(ws), now);
  // Dashboards filter on the dimensions handoffs and stage changes carry; the recompute joins the leads.
  const denormalized = source === "rollup";
  const leads = denormalized ? historyConditions(filter, "h") : leadConditions(filter);
  const join = denormalized ? Prisma.empty : leadJoin(filter, Prisma.sql`h."leadId"`);
  const changeJoin = denormalized ? Prisma.empty : leadJoin(filter, Prisma.sql`c."leadId"`);
  const changeLeads = denormalized ? historyConditions(filter, "c") : leadConditions(filter);
  const includesNow = range.from <= now && now < range.to;
  const scope: SlaScope = { workspaceId: ws, from: range.from, to: range.to, join, leads };

  const [answers, events, atRisk, delivered, targets, changes] = await Promise.all([
    // Overall and per answerer in one scan (grouping sets): the answers given in the range. An answer decides its
    // assignment unless that assignment had already breached (a BREACHED event after it began: counted then).
    db.$queryRaw<
      {
        userId: string | null;
        overall: number;
        timed: bigint;
        answered: bigint;
        decided: bigint;
        in_time: bigint;
        median: number | null;
        p90: number | null;
      }[]
    >`
      SELECT a."userId", GROUPING(a."userId") AS overall,
             count(a.minutes) AS timed, count(*) AS answered,
             count(*) FILTER (WHERE NOT a.breached) AS decided,
             count(*) FILTER (WHERE NOT a.breached AND a.in_time) AS in_time,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY a.minutes) / 60 AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY a.minutes) / 60 AS p90
      FROM (${slaAnswers(scope)}) a
      GROUP BY GROUPING SETS ((a."userId"), ())`,
    // Breaches (decided assignments, none in time) and reassignments away, by the rep who held the handoff.
    db.$queryRaw<{ userId: string | null; breaches: bigint; reassigned: bigint }[]>`
      SELECT e."userId",
             count(*) FILTER (WHERE e.kind = 'BREACHED') AS breaches,
             count(*) FILTER (WHERE e.kind IN ('REASSIGNED', 'ESCALATED')) AS reassigned
      FROM (${slaEvents(scope)}) e
      GROUP BY 1`,
    // At risk now, under the same filter; a range that ends before now (or starts after it) holds nothing at risk now.
    includesNow
      ? db.$queryRaw<
          {
            id: string;
            dueAt: Date;
            firstDueAt: Date;
            assigneeId: string | null;
            leadId: string;
            name: string;
            email: string;
            total: bigint;
          }[]
        >`
          SELECT h.id, h."dueAt", h."firstDueAt", h."assigneeId", lead.id AS "leadId", lead.name, lead.email,
                 count(*) OVER () AS total
          FROM "Handoff" h JOIN "Lead" lead ON lead.id = h."leadId" ${join}
          WHERE h."workspaceId" = ${ws} AND h.status = 'OPEN' AND h."dueSoonAt" <= ${now}
          ${leads}
          -- Ties (handoffs due at the same minute) in a stable order that an exported and imported copy keeps too.
          ORDER BY h."dueAt", lead.email, h.id LIMIT 20`
      : Promise.resolve([]),
    db.$queryRaw<{ month: Date; mqls: bigint }[]>`
      SELECT date_trunc('month', (c.at AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}) AS month, count(*) AS mqls
      FROM "LeadStageChange" c ${changeJoin}
      WHERE c."workspaceId" = ${ws} AND c."toStage" = 'MQL' AND c.at >= ${range.from} AND c.at < ${range.to}
      ${changeLeads}
      GROUP BY 1 ORDER BY 1`,
    slaCommitments(ws),
    definitionChanges(ws, range),
  ]);

  const response = answers.find((a) => Number(a.overall) === 1);
  const reps = answers.filter((a) => Number(a.overall) === 0);
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
  type RepRow = {
    /** null: breaches of handoffs nobody held (nobody could be assigned). */
    userId: string | null;
    name: string;
    /** Assignments decided in the range: in time + answered late + breaches. */
    decided: number;
    inTime: number;
    late: number;
    breaches: number;
    /** Every answer given in the range (its response time is in the median). */
    answered: number;
    medianHours: number | null;
    reassigned: number;
  };
  const byRep = new Map<string | null, RepRow>();
  const rep = (userId: string | null) => {
    let row = byRep.get(userId);
    if (!row) {
      row = {
        userId,
        name: userId ? (names.get(userId) ?? "—") : "",
        decided: 0,
        inTime: 0,
        late: 0,
        breaches: 0,
        answered: 0,
        medianHours: null,
        reassigned: 0,
      };
      byRep.set(userId, row);
    }
    return row;
  };
  for (const r of reps) {
    const row = rep(r.userId);
    row.answered = Number(r.answered);
    row.inTime = Number(r.in_time);
    row.late = Number(r.decided) - Number(r.in_time);
    row.medianHours = r.median === null ? null : Number(r.median);
  }
  for (const e of events) {
    const row = rep(e.userId);
    row.breaches = Number(e.breaches);
    row.reassigned = Number(e.reassigned);
  }
  const rows = [...byRep.values()]
    .map((row) => ({ ...row, decided: row.inTime + row.late + row.breaches }))
    .filter((row) => row.userId !== null || row.breaches > 0);
  const total = rows.reduce(
    (sum, row) => ({
      decided: sum.decided + row.decided,
      inTime: sum.inTime + row.inTime,
      late: sum.late + row.late,
      breached: sum.breached + row.breaches,
    }),
    { decided: 0, inTime: 0, late: 0, breached: 0 },
  );

  const r = response;
  return {
    range: { from: range.fromDate, to: range.toDate, timeZone: range.timeZone },
    /** The headline: the totals of `byRep`. */
    compliance: { ...total, rate: total.decided > 0 ? total.inTime / total.decided : null },
    responseHours: {
      answered: Number(r?.timed ?? 0),
      median: r?.median === null || r?.median === undefined ? null : Number(r.median),
      p90: r?.p90 === null || r?.p90 === undefined ? null : Number(r.p90),
    },
    // People by name; the row of breaches nobody held last.
    byRep: [
      ...sortByName(
        rows.filter((row) => row.userId !== null),
        (row) => row.name,
      ),
      ...rows.filter((row) => row.userId === null),
    ],
    /** Whether the range includes now: at-risk handoffs are a figure of now. */
    atRiskInRange: includesNow,
    /** How many are at risk (the list shows the first 20 by due time). */
    atRiskCount: Number(atRisk[0]?.total ?? 0),
    atRisk: atRisk.map((h) => ({
      id: h.id,
      dueAt: h.dueAt,
      firstDueAt: h.firstDueAt,
      overdue: h.dueAt <= now,
      lead: { id: h.leadId, name: h.name, email: h.email },
      assignee: h.assigneeId ? (names.get(h.assigneeId) ?? "—") : null,
    })),
    mqlsDelivered: delivered.map((d) => {
      const month = d.month.toISOString().slice(0, 7);
      const [y, m] = month.split("-").map(Number) as [number, number];
      // The commitment in force at the month's end; a month before the first version is read against that one.
      const target = commitmentInForce(targets, new Date(Date.UTC(y, m, 1))) ?? targets[0]?.mqlMonthlyTarget ?? null;
      // A month in which the MQL definition changed counts MQLs under two definitions: the chart and table say so.
      return { month, mqls: Number(d.mqls), target, changes: changes.filter((c) => c.day.startsWith(month)) };
    }),
  };
}
export type SlaMetrics = Awaited<ReturnType<typeof slaMetrics>>;

/** Where the SLA queries look: a workspace, the instants [from, to), and the filter as SQL (a join, conditions on h). */
export type SlaScope = { workspaceId: string; from: Date; to: Date; join: Prisma.Sql; leads: Prisma.Sql };

/**
 * The answers given in the scope, one row each: who answered ("userId"), when ("at"), business minutes, whether in
 * time, and whether its assignment had already breached (a BREACHED event after it began): then the breach decided
 * that assignment, not the answer. Compliance's answer side, shared by the SLA dashboard and the alignment index.
 */
export function slaAnswers({ workspaceId, from, to, join, leads }: SlaScope): Prisma.Sql {
  return Prisma.sql`
    SELECT h."answeredById" AS "userId", h."answeredAt" AS at, h."responseMinutes" AS minutes,
           h."answeredAt" <= h."dueAt" AS in_time,
           EXISTS (SELECT 1 FROM "HandoffEvent" b
                   WHERE b."handoffId" = h.id AND b.kind = 'BREACHED' AND b.at > h."assignedAt") AS breached
    FROM "Handoff" h ${join}
    WHERE h."workspaceId" = ${workspaceId} AND h."answeredAt" >= ${from} AND h."answeredAt" < ${to}
      AND h."answeredById" IS NOT NULL
    ${leads}`;
}

/**
 * Breaches, reassignments and escalations in the scope, one row each: kind, when ("at"), and the rep who held the
 * handoff ("userId"). A breach decides its assignment (compliance's other side).
 */
export function slaEvents({ workspaceId, from, to, join, leads }: SlaScope): Prisma.Sql {
  return Prisma.sql`
    SELECT e.kind, e.at, e."fromUserId" AS "userId"
    FROM "HandoffEvent" e JOIN "Handoff" h ON h.id = e."handoffId" ${join}
    WHERE e."workspaceId" = ${workspaceId} AND e.at >= ${from} AND e.at < ${to}
      AND e.kind IN ('BREACHED', 'REASSIGNED', 'ESCALATED')
    ${leads}`;
}

export type SlaCommitment = { createdAt: Date; mqlMonthlyTarget: number };

/** A workspace's SLA versions' MQL commitments, oldest first. */
export function slaCommitments(workspaceId: string): Promise<SlaCommitment[]> {
  return db.slaPolicy.findMany({
    where: { workspaceId },
    orderBy: { version: "asc" },
    select: { createdAt: true, mqlMonthlyTarget: true },
  });
}

/** The monthly MQL commitment in force at a moment: the newest version created before it (none before the first). */
export function commitmentInForce(versions: SlaCommitment[], moment: Date): number | null {
  return versions.filter((v) => v.createdAt < moment).at(-1)?.mqlMonthlyTarget ?? null;
}
