import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

export async function getWorkspace(actor: Actor) {
  requirePermission(actor, "workspace.read");
  const workspace = await db.workspace.findUnique({
    where: { id: actor.workspaceId },
    select: { id: true, name: true, slug: true, timeZone: true, createdAt: true },
  });
  if (!workspace) throw notFound();
  return workspace;
}

/** The IANA time zone a workspace's dates, ranges and clocks are read in. */
export async function workspaceTimeZone(workspaceId: string): Promise<string> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  return ws.timeZone;
}
