/**
 * Single sign-on after the protocol: who comes in, as whom, into which workspace. (The protocol itself —
 * PKCE, state, nonce, the ID token's signature and audience — runs against a real OIDC provider in
 * tests/e2e/single-sign-on.spec.ts.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSessionContext } from "@/server/auth/auth-sessions";
import { signInWithPassword } from "@/server/auth/sign-in";
import { signInWithSso } from "@/server/auth/sso";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";
import { ZSsoDomain } from "@/server/workspaces/schema";
import { ssoSettings, tieSsoDomain, untieSsoDomain, updateSsoPolicy } from "@/server/workspaces/sso-settings";

const client = { ip: "198.51.100.9", userAgent: "Firefox/133.0" };
let n = 0;
const domainFor = () => `acme-${process.pid}-${Date.now().toString(36)}-${n++}.test`;

beforeAll(() => {
  vi.stubEnv(
    "OIDC_PROVIDERS",
    JSON.stringify([{ id: "okta", name: "Okta", issuer: "https://idp.test", clientId: "c", clientSecret: "s" }]),
  );
});
afterAll(() => vi.unstubAllEnvs());

async function tiedWorkspace(defaultRole: "MARKETER" | "SALES" = "MARKETER") {
  const ws = await freshWorkspace();
  const domain = domainFor();
  await tieSsoDomain(ws.admin, { domain });
  await updateSsoPolicy(ws.admin, { requireSso: false, breakGlassUserId: null, defaultRole });
  return { ws, domain };
}

describe("single sign-on: who comes in", () => {
  it("lets a newcomer of a tied domain join just in time with the workspace's default role, in that workspace", async () => {
    const { ws, domain } = await tiedWorkspace("MARKETER");
    const result = await signInWithSso({
      provider: "okta",
      subject: `sub-${domain}`,
      claims: {
        email: `Ada.Lovelace@${domain.toUpperCase()}`,
        email_verified: true,
        name: "Ada Lovelace",
        locale: "it-IT",
      },
      client,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ email: `ada.lovelace@${domain}`, name: "Ada Lovelace", locale: "it" });
    const context = await loadSessionContext(result.sessionId);
    expect(context?.active).toMatchObject({ workspaceId: ws.workspace.id, role: "MARKETER" });
    const session = await db.authSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ method: "sso", ip: client.ip });
    const actions = (await db.auditLog.findMany({ where: { workspaceId: ws.workspace.id, actorUserId: user.id } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["member.joinedBySso", "auth.ssoLinked", "auth.signedIn"]));
  });

  it("refuses a domain no workspace tied, and creates nothing", async () => {
    const email = `someone@${domainFor()}`;
    const result = await signInWithSso({
      provider: "okta",
      subject: `s-${email}`,
      claims: { email, email_verified: true },
      client,
    });
    expect(result).toEqual({ ok: false, reason: "ssoDomainNotTied" });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("never links an existing account on an unverified address (no takeover), nor lets in a newcomer", async () => {
    const { ws, domain } = await tiedWorkspace();
    const existing = await db.user.create({
      data: { email: `boss@${domain}`, name: "Boss", passwordHash: "x" },
    });
    await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: existing.id, role: "ADMIN" } });
    for (const email_verified of [false, "false", undefined]) {
      const result = await signInWithSso({
        provider: "okta",
        subject: `attacker-${String(email_verified)}`,
        claims: { email: existing.email, email_verified },
        client,
      });
      expect(result).toEqual({ ok: false, reason: "ssoEmailNotVerified" });
    }
    expect(await db.ssoIdentity.count({ where: { userId: existing.id } })).toBe(0);
    const failures = await db.auditLog.count({ where: { workspaceId: ws.workspace.id, action: "auth.signInFailed" } });
    expect(failures).toBe(3);
  });

  it("links an existing account on a verified address of a tied domain, keeping its role; later finds it by the provider's subject", async () => {
    const { ws, domain } = await tiedWorkspace("SALES");
    const existing = await db.user.create({ data: { email: `carla@${domain}`, name: "Carla", passwordHash: "x" } });
    await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: existing.id, role: "MANAGER" } });
    const first = await signInWithSso({
      provider: "okta",
      subject: "carla-sub",
      claims: { email: existing.email, email_verified: true },
      client,
    });
    expect(first).toMatchObject({ ok: true, userId: existing.id });
    expect(await db.membership.findFirst({ where: { userId: existing.id } })).toMatchObject({ role: "MANAGER" });
    // The address changed at the provider (a marriage, a rebrand): the subject still names Carla.
    const later = await signInWithSso({
      provider: "okta",
      subject: "carla-sub",
      claims: { email: `carla.rossi@${domain}`, email_verified: true },
      client,
    });
    expect(later).toMatchObject({ ok: true, userId: existing.id });
  });

  it("requires single sign-on with a break-glass admin: password refused for members, kept for that admin", async () => {
    const { ws } = await tiedWorkspace();
    await expect(
      updateSsoPolicy(ws.admin, { requireSso: true, breakGlassUserId: null, defaultRole: "SALES" }),
    ).rejects.toMatchObject({
      code: "conflict",
      params: { reason: "noBreakGlass" },
    });
    await expect(
      updateSsoPolicy(ws.admin, { requireSso: true, breakGlassUserId: ws.sales.userId, defaultRole: "SALES" }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { breakGlassUserId: ["notAnAdmin"] } });
    await updateSsoPolicy(ws.admin, { requireSso: true, breakGlassUserId: ws.admin.userId, defaultRole: "SALES" });

    await expect(
      signInWithPassword({ email: ws.emailOf("SALES"), password: "correct-horse-battery", ip: "10.80.0.1" }),
    ).rejects.toMatchObject({ code: "ssoRequired" });
    // A wrong password still reads as a wrong password (the policy says nothing to a guesser).
    await expect(
      signInWithPassword({ email: ws.emailOf("SALES"), password: "wrong-password", ip: "10.80.0.1" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(
      signInWithPassword({ email: ws.emailOf("ADMIN"), password: "correct-horse-battery", ip: "10.80.0.1" }),
    ).resolves.toHaveProperty("sessionId");
    await expect(
      updateSsoPolicy(ws.sales, { requireSso: false, breakGlassUserId: null, defaultRole: "SALES" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("ties a domain to one workspace only, never a public mail domain, and unties it", async () => {
    const { ws, domain } = await tiedWorkspace();
    const other = await freshWorkspace();
    await expect(tieSsoDomain(other.admin, { domain })).rejects.toMatchObject({
      fieldErrors: { domain: ["domainTiedElsewhere"] },
    });
    await expect(tieSsoDomain(ws.admin, { domain: "gmail.com" })).rejects.toMatchObject({
      fieldErrors: { domain: ["publicMailDomain"] },
    });
    await expect(untieSsoDomain(other.admin, { domain })).rejects.toMatchObject({ code: "notFound" });
    expect((await ssoSettings(ws.admin)).domains).toEqual([domain]);
    await untieSsoDomain(ws.admin, { domain });
    expect((await ssoSettings(ws.admin)).domains).toEqual([]);
    expect(ZSsoDomain.parse({ domain: "  @Acme.COM " })).toEqual({ domain: "acme.com" });
    expect(ZSsoDomain.safeParse({ domain: "not a domain" }).success).toBe(false);
  });

  it("leaves the second factor of a single sign-on session to the provider, not a password session's", async () => {
    const { ws, domain } = await tiedWorkspace();
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { requireTwoFactor: true } });
    const sso = await signInWithSso({
      provider: "okta",
      subject: `mfa-${domain}`,
      claims: { email: `mfa@${domain}`, email_verified: true },
      client,
    });
    expect(sso.ok).toBe(true);
    if (!sso.ok) return;
    expect((await loadSessionContext(sso.sessionId))?.twoFactorSetupRequired).toBe(false);
    const password = await signInWithPassword({
      email: ws.emailOf("SALES"),
      password: "correct-horse-battery",
      ip: "10.80.0.2",
    });
    expect((await loadSessionContext(password.sessionId))?.twoFactorSetupRequired).toBe(true);
  });
});
