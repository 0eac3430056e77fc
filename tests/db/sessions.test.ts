/** One's sessions: the list, signing one or all out, an admin signing a member out, idle and absolute time-outs. */
import { describe, expect, it } from "vitest";
import { createAuthSession, loadSessionContext, sessionTimeouts } from "@/server/auth/auth-sessions";
import { changePassword } from "@/server/auth/password-change";
import { endAllOwnSessions, endMemberSessions, endOwnSession, listOwnSessions } from "@/server/auth/session-list";
import { signInWithPassword } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

async function twoSessions() {
  const ws = await freshWorkspace();
  const user = await db.user.findUniqueOrThrow({ where: { email: ws.emailOf("SALES") } });
  const laptop = await createAuthSession(user.id, { ip: "203.0.113.7", userAgent: CHROME_WINDOWS });
  const phone = await createAuthSession(user.id, { ip: "198.51.100.20", userAgent: SAFARI_IPHONE });
  return { ws, user, laptop, phone };
}

describe("sessions", () => {
  it("lists one's live sessions with device, address and times, this one first", async () => {
    const { user, laptop, phone } = await twoSessions();
    const list = await listOwnSessions(user.id, laptop);
    expect(list.map((s) => s.id)).toEqual([laptop, phone]);
    expect(list[0]).toMatchObject({
      current: true,
      ip: "203.0.113.7",
      device: { browser: "Chrome", system: "Windows" },
    });
    expect(list[1]).toMatchObject({ current: false, device: { browser: "Safari", system: "iPhone" } });
  });

  it("signs one session out, and refuses someone else's", async () => {
    const { ws, user, laptop, phone } = await twoSessions();
    const other = await db.user.findUniqueOrThrow({ where: { email: ws.emailOf("MARKETER") } });
    await expect(endOwnSession({ userId: other.id, sessionId: phone, ip: "x" })).rejects.toMatchObject({
      code: "notFound",
    });
    await endOwnSession({ userId: user.id, sessionId: phone, ip: "x" });
    expect(await loadSessionContext(phone)).toBeNull();
    expect(await loadSessionContext(laptop)).not.toBeNull();
    expect((await listOwnSessions(user.id, laptop)).map((s) => s.id)).toEqual([laptop]);
  });

  it("signs out everywhere", async () => {
    const { user, laptop, phone } = await twoSessions();
    expect(await endAllOwnSessions({ userId: user.id, ip: "x" })).toBe(2);
    expect(await loadSessionContext(laptop)).toBeNull();
    expect(await loadSessionContext(phone)).toBeNull();
  });

  it("lets an admin end a member's sessions, only in their own workspace, audited", async () => {
    const { ws, user, laptop } = await twoSessions();
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: user.id, workspaceId: ws.workspace.id },
    });
    const elsewhere = await freshWorkspace();
    await expect(endMemberSessions(elsewhere.admin, { membershipId: membership.id })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(endMemberSessions(ws.manager, { membershipId: membership.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await endMemberSessions(ws.admin, { membershipId: membership.id })).toBe(2);
    expect(await loadSessionContext(laptop)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "member.sessionsEnded" },
    });
    expect(audit).toMatchObject({ actorUserId: ws.admin.userId, entityId: membership.id });
  });

  it("ends a session idle for longer than the idle time-out, or past the absolute one", async () => {
    const { laptop, phone } = await twoSessions();
    const { idleMs } = sessionTimeouts();
    await db.authSession.update({ where: { id: laptop }, data: { lastSeenAt: new Date(Date.now() - idleMs - 1000) } });
    expect(await loadSessionContext(laptop)).toBeNull();
    await db.authSession.update({ where: { id: phone }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionContext(phone)).toBeNull();
  });

  it("moves last-seen on a person's request, not on a background re-check", async () => {
    const { laptop } = await twoSessions();
    const old = new Date(Date.now() - 10 * 60_000);
    await db.authSession.update({ where: { id: laptop }, data: { lastSeenAt: old } });
    await loadSessionContext(laptop, { touch: false });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: laptop } })).lastSeenAt).toEqual(old);
    await loadSessionContext(laptop);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: laptop } })).lastSeenAt.getTime()).toBeGreaterThan(
      Date.now() - 5000,
    );
  });

  it("gives every sign-in a new session id and records who, from where, and each failure, in the audit log", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("MANAGER");
    const a = await signInWithPassword({
      email,
      password: "correct-horse-battery",
      ip: "192.0.2.1",
      userAgent: CHROME_WINDOWS,
    });
    const b = await signInWithPassword({
      email,
      password: "correct-horse-battery",
      ip: "192.0.2.1",
      userAgent: CHROME_WINDOWS,
    });
    expect(a.sessionId).not.toBe(b.sessionId);
    await signInWithPassword({ email, password: "wrong-password!", ip: "192.0.2.2" }).catch(() => undefined);
    const entries = await db.auditLog.findMany({
      where: { workspaceId: ws.workspace.id, action: { in: ["auth.signedIn", "auth.signInFailed"] } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["auth.signedIn", "auth.signedIn", "auth.signInFailed"]);
    expect(entries[2]?.after).toMatchObject({ ip: "192.0.2.2", reason: "password" });
    const stored = await db.authSession.findUniqueOrThrow({ where: { id: a.sessionId } });
    expect(stored).toMatchObject({ ip: "192.0.2.1", userAgent: CHROME_WINDOWS, method: "password" });
  });
});

describe("changing one's password", () => {
  it("asks for the current one, ends every other session, and moves this browser to a new session", async () => {
    const { user, laptop, phone } = await twoSessions();
    await expect(
      changePassword({
        userId: user.id,
        sessionId: laptop,
        currentPassword: "nope-nope",
        newPassword: "brand-new-password",
        client: { ip: "x", userAgent: null },
      }),
    ).rejects.toMatchObject({ code: "wrongPassword", fieldErrors: { current: ["wrongPassword"] } });
    const result = await changePassword({
      userId: user.id,
      sessionId: laptop,
      currentPassword: "correct-horse-battery",
      newPassword: "brand-new-password",
      client: { ip: "203.0.113.7", userAgent: CHROME_WINDOWS },
    });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await loadSessionContext(phone)).toBeNull();
    expect(await loadSessionContext(laptop)).toBeNull();
    expect(await loadSessionContext(result.sessionId)).not.toBeNull();
    await expect(
      signInWithPassword({ email: user.email, password: "brand-new-password", ip: "192.0.2.77" }),
    ).resolves.toHaveProperty("sessionId");
  });
});
