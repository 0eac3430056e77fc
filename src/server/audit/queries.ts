import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id (`before` = the last id of the previous page). */
export async function listAuditEntries(actor: Actor, filter: { action?: string; before?: bigint }) {
  requirePermission(actor, "audit.read");
  const rows = await db.auditLog.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => Boolean(id)))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
    ...row,
    id: row.id.toString(),
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
  }));
  return { entries: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined };
}

export async function listAuditActions(actor: Actor): Promise<string[]> {
  requirePermission(actor, "audit.read");
  const rows = await db.auditLog.findMany({
    where: { workspaceId: actor.workspaceId },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
