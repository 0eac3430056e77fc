import "server-only";
import { describeUserAgent } from "@/lib/user-agent";
import { auditAccountEvent } from "@/server/audit/account-events";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { sessionTimeouts } from "@/server/auth/auth-sessions";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** Sessions that still let someone in: not ended, not past the absolute or the idle time-out. */
function liveSessionsOf(userId: string, now: Date) {
  return {
    userId,
    revokedAt: null,
    expiresAt: { gt: now },
    lastSeenAt: { gt: new Date(now.getTime() - sessionTimeouts().idleMs) },
  };
}

/** Settings → Profile: one's signed-in browsers, the current one first. */
export async function listOwnSessions(userId: string, currentSessionId: string, now = new Date()) {
  const rows = await db.authSession.findMany({
    where: liveSessionsOf(userId, now),
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true, method: true },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows
    .map(({ userAgent, ...row }) => ({
      ...row,
      device: describeUserAgent(userAgent),
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one of one's own sessions out (another device, or this one). */
export async function endOwnSession(input: { userId: string; sessionId: string; ip: string }) {
  await db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateMany({
      where: { id: input.sessionId, userId: input.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count === 0) throw notFound();
    await auditAccountEvent(tx, input.userId, {
      action: "auth.sessionEnded",
      after: { sessionId: input.sessionId, ip: input.ip },
    });
  });
}

/** "Sign out everywhere": every session of the person, this one included. */
export async function endAllOwnSessions(input: { userId: string; ip: string }): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await auditAccountEvent(tx, input.userId, {
      action: "auth.signedOutEverywhere",
      after: { sessions: ended.count, ip: input.ip },
    });
    return ended.count;
  });
}

/**
 * An admin ends every session of a member of their workspace (a lost laptop, someone leaving). A person's
 * sessions are not per workspace, so all of them end; the member can sign in again.
 */
export async function endMemberSessions(actor: Actor, input: { membershipId: string }): Promise<number> {
  requirePermission(actor, "members.endSessions");
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: actor.workspaceId },
      select: { id: true, userId: true },
    });
    if (!member) throw notFound();
    const ended = await tx.authSession.updateMany({
      where: { userId: member.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, actor, {
      action: "member.sessionsEnded",
      entityType: "Membership",
      entityId: member.id,
      after: { userId: member.userId, sessions: ended.count },
    });
    return ended.count;
  });
}

/**
 * An admin turns off a member's second factor — a lost phone and lost recovery codes — and signs them out
 * everywhere: they sign in with their password and set it up again (at once, if the workspace requires it).
 */
export async function resetMemberTwoFactor(actor: Actor, input: { membershipId: string }) {
  requirePermission(actor, "members.resetTwoFactor");
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: actor.workspaceId },
      select: { id: true, userId: true },
    });
    if (!member) throw notFound();
    await tx.user.update({
      where: { id: member.userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: member.userId } });
    const ended = await tx.authSession.updateMany({
      where: { userId: member.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, actor, {
      action: "member.twoFactorReset",
      entityType: "Membership",
      entityId: member.id,
      after: { userId: member.userId, sessionsEnded: ended.count },
    });
  });
}
