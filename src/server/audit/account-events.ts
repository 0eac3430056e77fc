import "server-only";
import type { Db, Tx } from "@/server/db";
import { writeAudit } from "./service";

/**
 * Sign-in, its failures, password resets and second-factor changes belong to a person, not to one
 * workspace: they are written to the audit log of every workspace the person belongs to, so each of their
 * admins sees them (and once, without a workspace, for an address with no account).
 */
export async function auditAccountEvent(
  tx: Tx | Db,
  userId: string | null,
  entry: { action: string; after?: Record<string, unknown>; actorUserId?: string | null },
): Promise<void> {
  const memberships = userId ? await tx.membership.findMany({ where: { userId }, select: { workspaceId: true } }) : [];
  const workspaceIds = memberships.length > 0 ? memberships.map((m) => m.workspaceId) : [null];
  for (const workspaceId of workspaceIds) {
    await writeAudit(
      tx,
      { userId: entry.actorUserId === undefined ? userId : entry.actorUserId, workspaceId },
      { action: entry.action, entityType: "User", entityId: userId, after: entry.after },
    );
  }
}
