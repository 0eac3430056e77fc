import "server-only";
import type { LeadStage } from "@/generated/prisma/enums";
import { decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { ZScoringModelDefinition } from "@/server/scoring/schema";

const ZThreshold = ZScoringModelDefinition.pick({ mqlThreshold: true });

/**
 * The MQL threshold scores are judged against, shown beside a lead's explanation: the published model's (not
 * stored with each score; undefined before the workspace has a published model).
 */
export async function publishedThreshold(actor: Actor): Promise<number | undefined> {
  const model = await db.scoringModel.findFirst({
    where: { workspaceId: actor.workspaceId, status: "PUBLISHED" },
    select: { definition: true },
  });
  return ZThreshold.safeParse(model?.definition).data?.mqlThreshold;
}

export async function getLead(actor: Actor, leadId: string) {
  requirePermission(actor, "leads.read");
  const lead = await db.lead.findFirst({ where: { id: leadId, workspaceId: actor.workspaceId }, include: WITH_SCORE });
  if (!lead) throw notFound();
  return withScore(lead);
}

function cursorOf(cursor: string) {
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new AppError("validation", "Invalid cursor", { fieldErrors: { cursor: ["invalid"] } });
  return { updatedAt: decoded.at, id: decoded.id };
}

/**
 * Leads in the order they last changed (for integrations that sync), keyset
 * paginated so that pages stay consistent and fast however deep they go.
 */
export async function listLeadsForSync(
  actor: Actor,
  query: { stage?: LeadStage; updatedSince?: string; limit: number; cursor?: string },
) {
  requirePermission(actor, "leads.read");
  const after = query.cursor ? cursorOf(query.cursor) : null;
  const rows = await db.lead.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(query.stage ? { stage: query.stage } : {}),
      ...(query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {}),
      ...(after
        ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: WITH_SCORE,
  });
  const page = rows.slice(0, query.limit).map(withScore);
  const last = page.at(-1);
  return { leads: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

/** A lead with what its page shows: persona, campaign, owner names and its timeline. */
export async function getLeadDetail(actor: Actor, leadId: string) {
  const lead = await getLead(actor, leadId);
  const [events, stageChanges, persona, campaign, owner, threshold] = await Promise.all([
    db.leadEvent.findMany({ where: { leadId }, orderBy: { occurredAt: "desc" }, take: 200 }),
    db.leadStageChange.findMany({ where: { leadId }, orderBy: { at: "desc" } }),
    lead.personaId
      ? db.persona.findFirst({
          where: { id: lead.personaId, workspaceId: actor.workspaceId },
          select: { id: true, name: true },
        })
      : null,
    lead.campaignId
      ? db.campaign.findFirst({
          where: { id: lead.campaignId, workspaceId: actor.workspaceId },
          select: { id: true, name: true },
        })
      : null,
    lead.ownerId ? db.user.findUnique({ where: { id: lead.ownerId }, select: { id: true, name: true } }) : null,
    publishedThreshold(actor),
  ]);
  const actorIds = [...new Set(stageChanges.map((c) => c.actorUserId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const timeline = [
    ...events.map((e) => ({
      kind: "event" as const,
      id: `e${e.id}`,
      at: e.occurredAt,
      type: e.type,
      note: eventNote(e.properties),
    })),
    ...stageChanges.map((c) => ({
      kind: "stage" as const,
      id: `s${c.id}`,
      at: c.at,
      from: c.fromStage,
      to: c.toStage,
      reason: c.reason,
      by: c.actorUserId ? (names.get(c.actorUserId) ?? null) : null,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return { lead, persona, campaign, owner, timeline, threshold, eventCount: events.length };
}

/** What the timeline says beside an event: a logged activity's note, a page view's page (and the source of a touch). */
function eventNote(properties: unknown): string {
  const p = (properties ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof p[key] === "string" ? (p[key] as string) : "");
  if (text("note")) return text("note");
  const url = text("url");
  if (!url) return "";
  const page = URL.canParse(url) ? new URL(url).pathname : url;
  const title = text("title");
  const source = [text("utmSource"), text("utmCampaign")].filter(Boolean).join(" / ");
  return [title ? `${title} (${page})` : page, source].filter(Boolean).join(" · ");
}
