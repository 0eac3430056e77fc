/** Two-factor sign-in with TOTP (codes computed here from the secret, as an authenticator app does) and recovery codes. */
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { loadSessionContext } from "@/server/auth/auth-sessions";
import { resetMemberTwoFactor } from "@/server/auth/session-list";
import { signInWithPassword } from "@/server/auth/sign-in";
import { decryptTotpSecret } from "@/server/auth/totp";
import {
  CODE_LIMIT,
  confirmTotpSetup,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpSetup,
  twoFactorStatus,
} from "@/server/auth/two-factor";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";
import { updateSignInPolicy } from "@/server/workspaces/service";

const PASSWORD = "correct-horse-battery";
const client = { ip: "10.9.9.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36" };
let nextIp = 0;
const ip = () => `10.79.${process.pid % 250}.${++nextIp % 250}`;
/** The code an authenticator app shows `steps` periods of 30 s from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function enrolled(role: "SALES" | "ADMIN" = "SALES") {
  const ws = await freshWorkspace();
  const email = ws.emailOf(role);
  const first = await signInWithPassword({ email, password: PASSWORD, ip: ip() });
  const { secret } = await startTotpSetup(first.userId);
  const confirmed = await confirmTotpSetup({
    userId: first.userId,
    sessionId: first.sessionId,
    code: await codeAt(secret),
    client,
  });
  return { ws, email, secret, userId: first.userId, oldSessionId: first.sessionId, ...confirmed };
}

describe("two-factor sign-in (TOTP)", () => {
  it("is set up with a QR code and confirmed with a first code; gives ten recovery codes; the session id changes", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("MARKETER");
    const first = await signInWithPassword({ email, password: PASSWORD, ip: ip() });
    const setup = await startTotpSetup(first.userId);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Smarketing%20Workspace:/);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    expect(setup.qrSvg).toContain("<svg");
    // Kept encrypted at rest, and not in force until confirmed.
    const stored = await db.user.findUniqueOrThrow({
      where: { id: first.userId },
      select: { totpSecret: true, totpEnabledAt: true },
    });
    expect(stored.totpSecret).not.toContain(setup.secret);
    expect(decryptTotpSecret(stored.totpSecret ?? "")).toBe(setup.secret);
    expect(stored.totpEnabledAt).toBeNull();

    await expect(
      confirmTotpSetup({ userId: first.userId, sessionId: first.sessionId, code: "000000", client }),
    ).rejects.toMatchObject({ code: "invalidCode" });
    const done = await confirmTotpSetup({
      userId: first.userId,
      sessionId: first.sessionId,
      code: await codeAt(setup.secret),
      client,
    });
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    for (const code of done.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await db.recoveryCode.findMany({ where: { userId: first.userId } });
    expect(hashes.map((h) => h.codeHash).join()).not.toContain(done.recoveryCodes[0]);
    expect(await twoFactorStatus(first.userId)).toMatchObject({ codesLeft: 10 });

    // Privilege change: the old session id no longer works, the new one does.
    expect(await loadSessionContext(first.sessionId)).toBeNull();
    expect((await loadSessionContext(done.sessionId))?.user.twoFactorEnabled).toBe(true);
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, action: "auth.twoFactorEnabled" },
    });
    expect(audit?.actorUserId).toBe(first.userId);
  });

  it("asks for the code after the right password; accepts a fresh code, refuses a wrong one and a reused one", async () => {
    const { email, secret } = await enrolled();
    await expect(signInWithPassword({ email, password: PASSWORD, ip: ip() })).rejects.toMatchObject({
      code: "secondFactorRequired",
    });
    // The wrong password still reads as wrong credentials, code or not.
    await expect(
      signInWithPassword({ email, password: "not-the-password", code: await codeAt(secret, 1), ip: ip() }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(signInWithPassword({ email, password: PASSWORD, code: "123456", ip: ip() })).rejects.toMatchObject({
      code: "invalidCode",
    });
    // The set-up used the current step: the next code (30 s ahead, within the tolerance) is fresh.
    const next = await codeAt(secret, 1);
    const signedIn = await signInWithPassword({ email, password: PASSWORD, code: next, ip: ip() });
    const session = await db.authSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(session.method).toBe("password+totp");
    await expect(signInWithPassword({ email, password: PASSWORD, code: next, ip: ip() })).rejects.toMatchObject({
      code: "invalidCode",
    });
    // A code from the past (already consumed time step) is refused too.
    await expect(
      signInWithPassword({ email, password: PASSWORD, code: await codeAt(secret, 0), ip: ip() }),
    ).rejects.toMatchObject({ code: "invalidCode" });
  });

  it("accepts each recovery code once, typed in any case and without the dash", async () => {
    const { email, recoveryCodes, userId } = await enrolled();
    const code = recoveryCodes[3] ?? "";
    const typed = code.replace("-", "").toUpperCase();
    const signedIn = await signInWithPassword({ email, password: PASSWORD, code: typed, ip: ip() });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).method).toBe(
      "password+recovery",
    );
    await expect(signInWithPassword({ email, password: PASSWORD, code, ip: ip() })).rejects.toMatchObject({
      code: "invalidCode",
    });
    expect((await twoFactorStatus(userId)).codesLeft).toBe(9);
  });

  it("rate-limits wrong codes like the password: after five, even the right code waits", async () => {
    const { email, secret } = await enrolled();
    for (let i = 0; i < CODE_LIMIT.limit; i++) {
      await expect(signInWithPassword({ email, password: PASSWORD, code: "999999", ip: ip() })).rejects.toMatchObject({
        code: "invalidCode",
      });
    }
    await expect(
      signInWithPassword({ email, password: PASSWORD, code: await codeAt(secret, 1), ip: ip() }),
    ).rejects.toMatchObject({ code: "rateLimited" });
  });

  it("is turned off and its codes renewed only with the password", async () => {
    const { email, userId, recoveryCodes } = await enrolled();
    await expect(regenerateRecoveryCodes({ userId, password: "wrong-wrong", client })).rejects.toMatchObject({
      code: "wrongPassword",
    });
    const renewed = await regenerateRecoveryCodes({ userId, password: PASSWORD, client });
    expect(renewed).toHaveLength(10);
    await expect(
      signInWithPassword({ email, password: PASSWORD, code: recoveryCodes[0] ?? "", ip: ip() }),
    ).rejects.toMatchObject({ code: "invalidCode" });

    await expect(disableTotp({ userId, password: "wrong-wrong", client })).rejects.toMatchObject({
      code: "wrongPassword",
    });
    await disableTotp({ userId, password: PASSWORD, client });
    await expect(signInWithPassword({ email, password: PASSWORD, ip: ip() })).resolves.toHaveProperty("sessionId");
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
  });

  it("can be required by a workspace admin who has it; members without it may then only set it up", async () => {
    const ws = await freshWorkspace();
    await expect(updateSignInPolicy(ws.admin, { requireTwoFactor: true })).rejects.toMatchObject({
      code: "conflict",
      params: { reason: "ownTwoFactorFirst" },
    });
    await expect(updateSignInPolicy(ws.sales, { requireTwoFactor: true })).rejects.toMatchObject({ code: "forbidden" });

    const admin = await signInWithPassword({ email: ws.emailOf("ADMIN"), password: PASSWORD, ip: ip() });
    const { secret } = await startTotpSetup(admin.userId);
    await confirmTotpSetup({ userId: admin.userId, sessionId: admin.sessionId, code: await codeAt(secret), client });
    await updateSignInPolicy(ws.admin, { requireTwoFactor: true });

    const rep = await signInWithPassword({ email: ws.emailOf("SALES"), password: PASSWORD, ip: ip() });
    expect((await loadSessionContext(rep.sessionId))?.twoFactorSetupRequired).toBe(true);
    const repSecret = (await startTotpSetup(rep.userId)).secret;
    const after = await confirmTotpSetup({
      userId: rep.userId,
      sessionId: rep.sessionId,
      code: await codeAt(repSecret),
      client,
    });
    expect((await loadSessionContext(after.sessionId))?.twoFactorSetupRequired).toBe(false);
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, action: "workspace.signInPolicyChanged" },
    });
    expect(audit?.after).toEqual({ requireTwoFactor: true });
  });
});

describe("an admin resets a member's second factor", () => {
  it("turns it off and signs them out everywhere, only in the admin's own workspace, audited", async () => {
    const { ws, userId, sessionId, email } = await enrolled("SALES");
    const membership = await db.membership.findFirstOrThrow({ where: { userId, workspaceId: ws.workspace.id } });
    const elsewhere = await freshWorkspace();
    await expect(resetMemberTwoFactor(elsewhere.admin, { membershipId: membership.id })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(resetMemberTwoFactor(ws.manager, { membershipId: membership.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await resetMemberTwoFactor(ws.admin, { membershipId: membership.id });
    expect(await loadSessionContext(sessionId)).toBeNull();
    expect(await twoFactorStatus(userId)).toEqual({ enabledAt: null, codesLeft: 0 });
    await expect(signInWithPassword({ email, password: PASSWORD, ip: ip() })).resolves.toHaveProperty("sessionId");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "member.twoFactorReset" },
    });
    expect(audit.actorUserId).toBe(ws.admin.userId);
  });
});
