import { describe, expect, it } from "vitest";
import { loadSessionContext, revokeAuthSession } from "@/server/auth/auth-sessions";
import { SIGN_IN_LIMITS, signInWithPassword } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";

const PASSWORD = "correct-horse-battery"; // the factories' default
// A distinct address per call (rate limits are per IP: random ones could collide between tests).
let nextIp = 0;
const ip = () => {
  nextIp++;
  return `10.${process.pid % 250}.${Math.floor(nextIp / 250)}.${nextIp % 250}`;
};

describe("sign-in", () => {
  it("opens a session with the right password; the session sees the workspace and role", async () => {
    const ws = await freshWorkspace();
    const { sessionId } = await signInWithPassword({ email: ws.emailOf("MARKETER"), password: PASSWORD, ip: ip() });
    const context = await loadSessionContext(sessionId);
    expect(context?.active).toMatchObject({ workspaceId: ws.workspace.id, role: "MARKETER" });
    expect(JSON.stringify(context)).not.toContain("argon2");
  });

  it("normalises the email", async () => {
    const ws = await freshWorkspace();
    await expect(
      signInWithPassword({ email: `  ${ws.emailOf("SALES").toUpperCase()} `, password: PASSWORD, ip: ip() }),
    ).resolves.toHaveProperty("sessionId");
  });

  it("gives the same error for a wrong password and an unknown email", async () => {
    const ws = await freshWorkspace();
    const wrongPassword = signInWithPassword({ email: ws.emailOf("SALES"), password: "nope-nope-nope", ip: ip() });
    const unknownEmail = signInWithPassword({
      email: `ghost-${Date.now()}@test.example`,
      password: PASSWORD,
      ip: ip(),
    });
    const [a, b] = await Promise.allSettled([wrongPassword, unknownEmail]);
    expect(a).toMatchObject({
      status: "rejected",
      reason: { code: "unauthenticated", message: "Invalid email or password" },
    });
    expect(b).toMatchObject({
      status: "rejected",
      reason: { code: "unauthenticated", message: "Invalid email or password" },
    });
  });

  it("locks an account after repeated failures, even with the right password, and says how long", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("SALES");
    for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) {
      await expect(signInWithPassword({ email, password: "wrong-password", ip: ip() })).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    const error = await signInWithPassword({ email, password: PASSWORD, ip: ip() }).catch((e) => e);
    expect(error.code).toBe("rateLimited");
    expect(error.params.seconds).toBeGreaterThan(0);
    expect(error.params.seconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.windowSeconds);
  });

  it("limits failures per IP address across accounts", async () => {
    const ws = await freshWorkspace();
    const address = ip();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await signInWithPassword({ email: `nobody-${i}@test.example`, password: "x", ip: address }).catch(
        () => undefined,
      );
    }
    await expect(
      signInWithPassword({ email: ws.emailOf("ADMIN"), password: PASSWORD, ip: address }),
    ).rejects.toMatchObject({ code: "rateLimited" });
    await expect(
      signInWithPassword({ email: ws.emailOf("ADMIN"), password: PASSWORD, ip: ip() }),
    ).resolves.toBeTruthy();
  });

  it("a revoked or expired session is gone", async () => {
    const ws = await freshWorkspace();
    const { sessionId } = await signInWithPassword({ email: ws.emailOf("ADMIN"), password: PASSWORD, ip: ip() });
    await revokeAuthSession(sessionId);
    expect(await loadSessionContext(sessionId)).toBeNull();

    const second = await signInWithPassword({ email: ws.emailOf("ADMIN"), password: PASSWORD, ip: ip() });
    await db.authSession.update({ where: { id: second.sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await loadSessionContext(second.sessionId)).toBeNull();
  });

  it("a role change shows on the next load of the session", async () => {
    const ws = await freshWorkspace();
    const { sessionId } = await signInWithPassword({ email: ws.emailOf("SALES"), password: PASSWORD, ip: ip() });
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.sales.userId } },
      data: { role: "MANAGER" },
    });
    expect((await loadSessionContext(sessionId))?.active?.role).toBe("MANAGER");
  });
});
