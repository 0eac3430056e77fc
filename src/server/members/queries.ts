import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";

export async function memberCountsByRole(actor: Actor) {
  requirePermission(actor, "members.read");
  const groups = await db.membership.groupBy({
    by: ["role"],
    where: { workspaceId: actor.workspaceId },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.role, g._count._all])) as Partial<Record<string, number>>;
}
