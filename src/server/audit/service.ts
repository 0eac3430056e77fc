import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Round-trip drops undefined fields and turns Dates into ISO strings.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Appends one audit entry. Always pass the transaction that makes the change,
 * so the change and its record commit (or roll back) together.
 */
export async function writeAudit(
  tx: Tx | Db,
  actor: Pick<Actor, "userId" | "workspaceId" | "apiTokenId"> | { userId: string | null; workspaceId: string | null },
  entry: AuditEntry,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      apiTokenId: "apiTokenId" in actor ? (actor.apiTokenId ?? null) : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
    },
  });
}
