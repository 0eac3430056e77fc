import "server-only";
import { db } from "@/server/db";

/** Server-side session rows (see AuthSession in the schema). */
export const SESSION_DAYS = 30;

export async function createAuthSession(userId: string): Promise<string> {
  const first = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true },
  });
  const session = await db.authSession.create({
    data: {
      userId,
      activeWorkspaceId: first?.workspaceId ?? null,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
