import "server-only";
import { formatInTimeZone } from "date-fns-tz";
import type { GoalMetric } from "@/generated/prisma/enums";
import { localDays } from "@/lib/local-days";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { periodDays } from "@/server/campaigns/schema";
import { db } from "@/server/db";
import { listGoals } from "@/server/goals/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/** The month as the dashboards' date filter (first and last local day). */
function monthDays(month: string) {
  const { start, end } = periodDays({ kind: "month", month });
  return { from: start, to: end };
}

export async function currentMonth(workspaceId: string, now = new Date()) {
  return formatInTimeZone(now, await workspaceTimeZone(workspaceId), "yyyy-MM");
}

/**
 * The month's shared goals with progress, from the same figures as the
 * dashboards: MQLs and SQLs entered, won revenue, SLA compliance.
 */
export async function goalProgress(actor: Actor, month: string, now = new Date()) {
  requirePermission(actor, "metrics.read");
  const filter = ZMetricsFilter.parse(monthDays(month));
  const [goals, funnel, roi, sla] = await Promise.all([
    listGoals(actor, month),
    funnelMetrics(actor, filter, now),
    roiMetrics(actor, filter, now),
    slaMetrics(actor, filter, now),
  ]);
  const actual: Record<GoalMetric, number | null> = {
    MQLS: funnel.flow.counts.MQL,
    SQLS: funnel.flow.counts.SQL,
    REVENUE: roi.total.revenueLastTouch,
    SLA_COMPLIANCE: sla.compliance.rate,
  };
  const metrics: GoalMetric[] = ["MQLS", "SQLS", "REVENUE", "SLA_COMPLIANCE"];
  return {
    month,
    goals: metrics.map((metric) => {
      const goal = goals.find((g) => g.metric === metric);
      const target = goal ? Number(goal.target) : null;
      const value = actual[metric];
      return {
        metric,
        target,
        actual: value,
        progress: target && value !== null ? value / target : null,
      };
    }),
  };
}

/**
 * Who helps the shared outcome most this month: reps by SLA compliance (then
 * speed), marketers by the acceptance rate of the MQLs from the campaigns they
 * own. People who opted out are left out of the public ranking; each person
 * still sees their own figures.
 */
export async function leaderboard(actor: Actor, month: string, now = new Date()) {
  requirePermission(actor, "metrics.read");
  const filter = ZMetricsFilter.parse(monthDays(month));
  const sla = await slaMetrics(actor, filter, now);
  const { from, to } = localDays(filter.from, filter.to, await workspaceTimeZone(actor.workspaceId));
  const marketers = await db.$queryRaw<{ userId: string; accepted: bigint; rejected: bigint }[]>`
    SELECT c."ownerId" AS "userId",
           count(*) FILTER (WHERE h.status = 'ACCEPTED') AS accepted,
           count(*) FILTER (WHERE h.status = 'REJECTED') AS rejected
    FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId" JOIN "Campaign" c ON c.id = l."campaignId"
    WHERE h."workspaceId" = ${actor.workspaceId} AND h."answeredAt" >= ${from} AND h."answeredAt" < ${to}
      AND c."ownerId" IS NOT NULL
    GROUP BY 1`;
  const members = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { userId: true, role: true, leaderboardOptOut: true, user: { select: { name: true } } },
  });
  const byId = new Map(members.map((m) => [m.userId, m]));
  const visible = (userId: string) => {
    const m = byId.get(userId);
    return m ? !m.leaderboardOptOut || userId === actor.userId : false;
  };
  // Ranked on the SLA dashboard's own per-rep figures: assignments decided this month, each on its own clock.
  const reps = sla.byRep
    .filter((r): r is typeof r & { userId: string } => r.userId !== null && r.decided > 0 && visible(r.userId))
    .map((r) => ({
      userId: r.userId,
      name: r.name,
      compliance: r.inTime / r.decided,
      medianHours: r.medianHours,
      answered: r.answered,
      optedOut: byId.get(r.userId)?.leaderboardOptOut ?? false,
    }))
    .sort((a, b) => b.compliance - a.compliance || (a.medianHours ?? 1e9) - (b.medianHours ?? 1e9));
  const mkt = marketers
    .filter((m) => visible(m.userId))
    .map((m) => {
      const accepted = Number(m.accepted);
      const total = accepted + Number(m.rejected);
      return {
        userId: m.userId,
        name: byId.get(m.userId)?.user.name ?? "—",
        acceptance: total > 0 ? accepted / total : 0,
        answered: total,
        optedOut: byId.get(m.userId)?.leaderboardOptOut ?? false,
      };
    })
    .sort((a, b) => b.acceptance - a.acceptance || b.answered - a.answered);
  return { month, reps, marketers: mkt, optedOut: byId.get(actor.userId)?.leaderboardOptOut ?? false };
}

/** A member leaves (or rejoins) the public leaderboard. */
export async function setLeaderboardOptOut(actor: Actor, optOut: boolean) {
  requirePermission(actor, "metrics.read");
  await db.membership.update({
    where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: actor.userId } },
    data: { leaderboardOptOut: optOut },
  });
}
