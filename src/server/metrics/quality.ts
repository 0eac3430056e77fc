import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Channel, RejectReason } from "@/generated/prisma/enums";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { leadConditions, type MetricsFilter, resolveRange } from "@/server/metrics/filter";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * Lead quality, the feedback loop: acceptance rate = accepted ÷ (accepted +
 * rejected) handoffs answered in the range, and the rejection mix — rejects
 * per reason, sliced by channel, campaign and persona.
 */
export async function qualityMetrics(actor: Actor, filter: MetricsFilter, now = new Date()) {
  requirePermission(actor, "metrics.read");
  const ws = actor.workspaceId;
  const range = resolveRange(filter, await workspaceTimeZone(ws), now);
  const rows = await db.$queryRaw<
    {
      status: "ACCEPTED" | "REJECTED";
      reason: RejectReason | null;
      channel: Channel;
      campaignId: string | null;
      personaId: string | null;
      n: bigint;
    }[]
  >`
    SELECT h.status, h."rejectReason" AS reason, l.channel, l."campaignId", l."personaId", count(*) AS n
    FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId"
    WHERE ${decidedHandoffs(ws, range)}
    ${leadConditions(filter)}
    GROUP BY 1, 2, 3, 4, 5`;
  const [campaigns, personas] = await Promise.all([
    db.campaign.findMany({ where: { workspaceId: ws }, select: { id: true, name: true } }),
    db.persona.findMany({ where: { workspaceId: ws }, select: { id: true, name: true } }),
  ]);
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  let accepted = 0;
  let rejected = 0;
  const mix = (key: (r: (typeof rows)[number]) => string) => {
    const groups = new Map<
      string,
      { key: string; accepted: number; rejected: number; reasons: Partial<Record<RejectReason, number>> }
    >();
    for (const r of rows) {
      const k = key(r);
      const g = groups.get(k) ?? { key: k, accepted: 0, rejected: 0, reasons: {} };
      const n = Number(r.n);
      if (r.status === "ACCEPTED") g.accepted += n;
      else {
        g.rejected += n;
        if (r.reason) g.reasons[r.reason] = (g.reasons[r.reason] ?? 0) + n;
      }
      groups.set(k, g);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, acceptance: acceptanceRate(g.accepted, g.rejected) }))
      .sort((a, b) => b.rejected - a.rejected || a.key.localeCompare(b.key));
  };
  for (const r of rows) {
    if (r.status === "ACCEPTED") accepted += Number(r.n);
    else rejected += Number(r.n);
  }
  const reasons: Partial<Record<RejectReason, number>> = {};
  for (const r of rows)
    if (r.status === "REJECTED" && r.reason) reasons[r.reason] = (reasons[r.reason] ?? 0) + Number(r.n);
  return {
    range: { from: range.fromDate, to: range.toDate, timeZone: range.timeZone },
    accepted,
    rejected,
    acceptance: acceptanceRate(accepted, rejected),
    reasons,
    byChannel: mix((r) => r.channel),
    byCampaign: mix((r) => (r.campaignId ? (campaignName.get(r.campaignId) ?? "—") : "")),
    byPersona: mix((r) => (r.personaId ? (personaName.get(r.personaId) ?? "—") : "")),
  };
}
export type QualityMetrics = Awaited<ReturnType<typeof qualityMetrics>>;

/** The handoffs sales decided (accepted or rejected) in [from, to), as conditions on "Handoff" h: the acceptance rate's rows. */
export function decidedHandoffs(workspaceId: string, range: { from: Date; to: Date }): Prisma.Sql {
  return Prisma.sql`h."workspaceId" = ${workspaceId} AND h.status IN ('ACCEPTED', 'REJECTED')
      AND h."answeredAt" >= ${range.from} AND h."answeredAt" < ${range.to}`;
}

/** The acceptance rate: accepted ÷ (accepted + rejected); null when sales decided none. */
export function acceptanceRate(accepted: number, rejected: number): number | null {
  return accepted + rejected > 0 ? accepted / (accepted + rejected) : null;
}
