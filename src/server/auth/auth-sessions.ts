import "server-only";
import type { Locale, Role } from "@/generated/prisma/enums";
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

export type SessionMembership = { workspaceId: string; workspaceName: string; role: Role };

export type SessionContext = {
  sessionId: string;
  user: { id: string; email: string; name: string; locale: Locale };
  memberships: SessionMembership[];
  /** The workspace the user works in now, or null when they belong to none. */
  active: SessionMembership | null;
};

/** Loads a live session row with its user and memberships; null when revoked, expired or unknown. */
export async function loadSessionContext(sessionId: string): Promise<SessionContext | null> {
  const row = await db.authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      activeWorkspaceId: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          memberships: {
            select: { workspaceId: true, role: true, workspace: { select: { name: true } } },
            orderBy: { workspace: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!row) return null;
  const memberships = row.user.memberships.map((m) => ({
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    role: m.role,
  }));
  // A removed member's session falls back to another workspace of theirs, or to none.
  const active = memberships.find((m) => m.workspaceId === row.activeWorkspaceId) ?? memberships[0] ?? null;
  const { memberships: _ignored, ...user } = row.user;
  return { sessionId: row.id, user, memberships, active };
}
