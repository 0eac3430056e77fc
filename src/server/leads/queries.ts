import "server-only";
import type { LeadStage } from "@/generated/prisma/enums";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

export async function getLead(actor: Actor, leadId: string) {
  requirePermission(actor, "leads.read");
  const lead = await db.lead.findFirst({ where: { id: leadId, workspaceId: actor.workspaceId } });
  if (!lead) throw notFound();
  return lead;
}

/** Cursor of the sync listing: the last row's (updatedAt, id). */
function encodeCursor(updatedAt: Date, id: string) {
  return Buffer.from(`${updatedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) {
    throw new AppError("validation", "Invalid cursor", { fieldErrors: { cursor: ["invalid"] } });
  }
  return { updatedAt: date, id };
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
  const after = query.cursor ? decodeCursor(query.cursor) : null;
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
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { leads: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}
