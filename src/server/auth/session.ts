import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Locale, Role } from "@/generated/prisma/enums";
import { authOptions } from "@/server/auth/next-auth";
import { db } from "@/server/db";

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

/**
 * The one way the app asks "who is signed in?". Checked against the database on
 * every request, so sign-out, removal and role changes apply at once.
 */
export const getSession = cache(async (): Promise<SessionContext | null> => {
  const session = await getServerSession(authOptions);
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (typeof sessionId !== "string") return null;
  return loadSessionContext(sessionId);
});
