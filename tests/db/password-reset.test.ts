/**
 * "Forgot password" end to end on the server: the mail arrives at a real SMTP server (started here), in
 * the person's language with a text and an HTML part, and its link resets the password once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuthSession, loadSessionContext } from "@/server/auth/auth-sessions";
import {
  findOpenPasswordReset,
  RESET_LIMITS,
  RESET_MINUTES,
  requestPasswordReset,
  resetPassword,
} from "@/server/auth/password-reset";
import { signInWithPassword } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

const PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "a-brand-new-passphrase";
let smtp: TestSmtpServer;
let nextIp = 0;
const ip = () => `10.77.${process.pid % 250}.${++nextIp % 250}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Read when the first mail goes out (env() is evaluated lazily, once per test file).
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("NEXTAUTH_URL", "http://app.test");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

async function mailedLink(email: string, since: number) {
  const mail = await smtp.waitFor(email, { since });
  return { mail, link: linkIn(mail, "http://app.test/reset-password/") };
}

describe("password reset by e-mail", () => {
  it("mails a single-use link in the person's language, stored only as a hash, that resets the password and ends every session", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("SALES");
    await db.user.update({ where: { email }, data: { locale: "it" } });
    const before = await signInWithPassword({ email, password: PASSWORD, ip: ip() });
    const since = Date.now();

    await requestPasswordReset({ email: email.toUpperCase(), ip: ip() });
    const { mail, link } = await mailedLink(email, since);
    expect(mail.subject).toBe("Reimposta la password di Smarketing Workspace");
    expect(mail.language).toBe("it");
    expect(mail.text).toContain("Il link funziona una sola volta, entro 30 minuti.");
    expect(mail.html).toContain(`href="${link}"`);
    const token = decodeURIComponent(link.split("/").at(-1) ?? "");

    const stored = await db.passwordReset.findFirstOrThrow({ where: { user: { email } } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThanOrEqual(
      RESET_MINUTES * 60_000 - 1000,
    );
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(RESET_MINUTES * 60_000 + 1000);

    expect(await findOpenPasswordReset(token)).toEqual({ email });
    await expect(resetPassword({ token, password: NEW_PASSWORD, ip: ip() })).resolves.toEqual({ email });

    // Every session of the account ended; the old password no longer works, the new one does.
    expect(await loadSessionContext(before.sessionId)).toBeNull();
    await expect(signInWithPassword({ email, password: PASSWORD, ip: ip() })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(signInWithPassword({ email, password: NEW_PASSWORD, ip: ip() })).resolves.toHaveProperty("sessionId");

    // The link works once.
    expect(await findOpenPasswordReset(token)).toBeNull();
    await expect(resetPassword({ token, password: "yet-another-password", ip: ip() })).rejects.toMatchObject({
      code: "resetLinkInvalid",
    });
    const audit = await db.auditLog.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "auth.passwordReset" } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["auth.passwordReset", "auth.passwordResetRequested"]);
  });

  it("gives the same answer for an address without an account, and sends nothing", async () => {
    const since = Date.now();
    const ghost = `ghost-${since}@test.example`;
    await expect(requestPasswordReset({ email: ghost, ip: ip() })).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.filter((m) => m.to.includes(ghost))).toHaveLength(0);
  });

  it("refuses a link made stale by a newer one, and an expired link", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("MARKETER");
    let since = Date.now();
    await requestPasswordReset({ email, ip: ip() });
    const first = decodeURIComponent((await mailedLink(email, since)).link.split("/").at(-1) ?? "");
    since = Date.now();
    await requestPasswordReset({ email, ip: ip() });
    const second = decodeURIComponent((await mailedLink(email, since)).link.split("/").at(-1) ?? "");
    expect(second).not.toBe(first);

    expect(await findOpenPasswordReset(first)).toBeNull();
    await expect(resetPassword({ token: first, password: NEW_PASSWORD, ip: ip() })).rejects.toMatchObject({
      code: "resetLinkInvalid",
    });
    expect(await findOpenPasswordReset(second)).toEqual({ email });

    // The newest link, once older than 30 minutes.
    await db.passwordReset.updateMany({
      where: { user: { email }, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findOpenPasswordReset(second)).toBeNull();
    await expect(resetPassword({ token: second, password: NEW_PASSWORD, ip: ip() })).rejects.toMatchObject({
      code: "resetLinkInvalid",
    });
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const ws = await freshWorkspace();
    const email = ws.emailOf("MANAGER");
    const since = Date.now();
    await requestPasswordReset({ email, ip: ip() });
    const token = decodeURIComponent((await mailedLink(email, since)).link.split("/").at(-1) ?? "");
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first-tab-password", ip: ip() }),
      resetPassword({ token, password: "second-tab-password", ip: ip() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "resetLinkInvalid" } });
  });

  it("rate-limits per address, the same for an address without an account, and per IP", async () => {
    const ws = await freshWorkspace();
    for (const email of [ws.emailOf("ADMIN"), `nobody-${Date.now()}@test.example`]) {
      for (let i = 0; i < RESET_LIMITS.account.limit; i++) await requestPasswordReset({ email, ip: ip() });
      await expect(requestPasswordReset({ email, ip: ip() })).rejects.toMatchObject({ code: "rateLimited" });
    }
    const sameIp = `10.78.${process.pid % 250}.1`;
    for (let i = 0; i < RESET_LIMITS.ip.limit; i++) {
      await requestPasswordReset({ email: `someone-${i}-${Date.now()}@test.example`, ip: sameIp });
    }
    await expect(requestPasswordReset({ email: "one-more@test.example", ip: sameIp })).rejects.toMatchObject({
      code: "rateLimited",
    });
  });

  it("a reset does not skip the second factor: the session it leaves is none", async () => {
    const ws = await freshWorkspace();
    const user = await db.user.findUniqueOrThrow({ where: { email: ws.emailOf("SALES") } });
    const other = await createAuthSession(user.id, { ip: "10.0.0.1", userAgent: "Firefox/1" });
    const since = Date.now();
    await requestPasswordReset({ email: user.email, ip: ip() });
    const token = decodeURIComponent((await mailedLink(user.email, since)).link.split("/").at(-1) ?? "");
    await resetPassword({ token, password: NEW_PASSWORD, ip: ip() });
    expect(await loadSessionContext(other)).toBeNull();
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });
});
