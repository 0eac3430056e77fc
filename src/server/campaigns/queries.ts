import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

/** Campaigns with their total spend in EUR and their leads (source campaign). */
export async function listCampaigns(actor: Actor, options: { includeArchived?: boolean } = {}) {
  requirePermission(actor, "campaigns.read");
  const campaigns = await db.campaign.findMany({
    where: { workspaceId: actor.workspaceId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
  const ids = campaigns.map((c) => c.id);
  const [spend, leads] = await Promise.all([
    db.campaignSpend.groupBy({
      by: ["campaignId"],
      where: { workspaceId: actor.workspaceId, campaignId: { in: ids } },
      _sum: { amountEur: true },
    }),
    db.lead.groupBy({
      by: ["campaignId"],
      where: { workspaceId: actor.workspaceId, campaignId: { in: ids } },
      _count: true,
    }),
  ]);
  const spendBy = new Map(spend.map((s) => [s.campaignId, Number(s._sum.amountEur ?? 0)]));
  const leadsBy = new Map(leads.map((l) => [l.campaignId, l._count]));
  return campaigns.map((c) => ({ ...c, spendEur: spendBy.get(c.id) ?? 0, leads: leadsBy.get(c.id) ?? 0 }));
}

export async function getCampaign(actor: Actor, campaignId: string) {
  requirePermission(actor, "campaigns.read");
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId: actor.workspaceId },
    include: { spend: { orderBy: { periodStart: "desc" } } },
  });
  if (!campaign) throw notFound();
  return campaign;
}

/** Campaigns newest first, one page after a keyset cursor (the API's listing). */
export async function campaignPage(actor: Actor, query: { limit: number; cursor?: string; includeArchived: boolean }) {
  requirePermission(actor, "campaigns.read");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) {
    throw new AppError("validation", "Invalid cursor", { fieldErrors: { cursor: ["invalid"] } });
  }
  const rows = await db.campaign.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(query.includeArchived ? {} : { archivedAt: null }),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    campaigns: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
