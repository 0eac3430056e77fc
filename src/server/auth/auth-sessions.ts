import "server-only";
import { env } from "@/env";
import type { Locale, Role } from "@/generated/prisma/enums";
import { db } from "@/server/db";

/** Server-side session rows (see AuthSession in the schema). */

/** How a session was opened; shown in the list of sessions and kept in the audit log. */
export type SignInMethod = "password" | "password+totp" | "password+recovery" | "sso";

export type ClientInfo = { ip: string; userAgent: string | null };

/** A session's last-seen time moves at most this often, so reading a page costs no write. */
const TOUCH_EVERY_MS = 60_000;

export function sessionTimeouts() {
  const { SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS } = env();
  return { idleMs: SESSION_IDLE_MINUTES * 60_000, absoluteMs: SESSION_ABSOLUTE_HOURS * 3_600_000 };
}

/**
 * Opens a new session row: every sign-in gets a fresh id (and so a fresh cookie), never a reused one
 * (ASVS V7.2.4).
 */
export async function createAuthSession(
  userId: string,
  client: ClientInfo = { ip: "unknown", userAgent: null },
  method: SignInMethod = "password",
  /** The workspace to open in (single sign-on: the one of the person's domain), when they belong to it. */
  preferredWorkspaceId: string | null = null,
): Promise<string> {
  const first = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true },
  });
  const preferred = preferredWorkspaceId
    ? await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: preferredWorkspaceId, userId } },
        select: { workspaceId: true },
      })
    : null;
  const session = await db.authSession.create({
    data: {
      userId,
      activeWorkspaceId: preferred?.workspaceId ?? first?.workspaceId ?? null,
      expiresAt: new Date(Date.now() + sessionTimeouts().absoluteMs),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 400) ?? null,
      method,
    },
    select: { id: true },
  });
  return session.id;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type SessionMembership = { workspaceId: string; workspaceName: string; role: Role; requireTwoFactor: boolean };

export type SessionContext = {
  sessionId: string;
  user: { id: string; email: string; name: string; locale: Locale; twoFactorEnabled: boolean };
  memberships: SessionMembership[];
  /** The workspace the user works in now, or null when they belong to none. */
  active: SessionMembership | null;
  /** The active workspace asks for a second factor this user has not set up: only its set-up is open to them. */
  twoFactorSetupRequired: boolean;
};

/**
 * Loads a live session row with its user and memberships; null when revoked, expired, idle too long or unknown.
 * A request from the person moves its last-seen time (`touch`); a background re-check (the live stream's
 * heartbeat) must not, or an open tab would keep a session alive forever.
 */
export async function loadSessionContext(
  sessionId: string,
  { now = new Date(), touch = true }: { now?: Date; touch?: boolean } = {},
): Promise<SessionContext | null> {
  const { idleMs } = sessionTimeouts();
  const row = await db.authSession.findFirst({
    where: {
      id: sessionId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - idleMs) },
    },
    select: {
      id: true,
      activeWorkspaceId: true,
      lastSeenAt: true,
      method: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          totpEnabledAt: true,
          memberships: {
            select: {
              workspaceId: true,
              role: true,
              workspace: { select: { name: true, requireTwoFactor: true } },
            },
            orderBy: { workspace: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!row) return null;
  if (touch && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: row.id }, data: { lastSeenAt: now }, select: { id: true } });
  }
  const memberships = row.user.memberships.map((m) => ({
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    role: m.role,
    requireTwoFactor: m.workspace.requireTwoFactor,
  }));
  // A removed member's session falls back to another workspace of theirs, or to none.
  const active = memberships.find((m) => m.workspaceId === row.activeWorkspaceId) ?? memberships[0] ?? null;
  const { id, email, name, locale, totpEnabledAt } = row.user;
  const twoFactorEnabled = totpEnabledAt !== null;
  return {
    sessionId: row.id,
    user: { id, email, name, locale, twoFactorEnabled },
    memberships,
    active,
    // A single sign-on session's second factor is the identity provider's business (its own MFA policy).
    twoFactorSetupRequired: Boolean(active?.requireTwoFactor) && !twoFactorEnabled && row.method !== "sso",
  };
}
