import "server-only";
import { randomBytes } from "node:crypto";
import { normaliseEmail } from "@/lib/email";
import { auditAccountEvent } from "@/server/audit/account-events";
import { writeAudit } from "@/server/audit/service";
import { type ClientInfo, createAuthSession } from "@/server/auth/auth-sessions";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";

/**
 * Single sign-on, after next-auth has done the protocol (authorization code + PKCE, state and nonce
 * checked, the ID token's signature, issuer and audience verified by openid-client): who is this person
 * here? The provider's `sub` names an identity; an identity is tied to a user only on a verified e-mail
 * address of a domain an admin tied to a workspace. Nothing else can make a provider sign in as someone.
 */

/** Why a sign-in through a provider is refused; each has its message on the sign-in page. */
export type SsoRefusal = "ssoEmailNotVerified" | "ssoDomainNotTied";

export type SsoClaims = { email?: unknown; email_verified?: unknown; name?: unknown; locale?: unknown };

function verifiedEmail(claims: SsoClaims): string | null {
  const verified = claims.email_verified === true || claims.email_verified === "true";
  if (!verified || typeof claims.email !== "string" || claims.email.length > 320 || !claims.email.includes("@")) {
    return null;
  }
  return normaliseEmail(claims.email);
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1);

export async function signInWithSso(input: {
  provider: string;
  subject: string;
  claims: SsoClaims;
  client: ClientInfo;
}): Promise<{ ok: true; userId: string; sessionId: string } | { ok: false; reason: SsoRefusal }> {
  // A refusal is audited in the workspaces of the account the claimed address belongs to (its admins should
  // see someone trying), with no actor: the person who tried is not that account.
  const refuse = async (reason: SsoRefusal) => {
    const claimed = typeof input.claims.email === "string" ? normaliseEmail(input.claims.email.slice(0, 320)) : null;
    const owner = claimed ? await db.user.findUnique({ where: { email: claimed }, select: { id: true } }) : null;
    await auditAccountEvent(db, owner?.id ?? null, {
      action: "auth.signInFailed",
      actorUserId: null,
      after: { provider: input.provider, email: claimed, ip: input.client.ip, reason },
    });
    return { ok: false as const, reason };
  };

  const known = await db.ssoIdentity.findUnique({
    where: { provider_subject: { provider: input.provider, subject: input.subject } },
    select: { id: true, userId: true },
  });
  let userId: string;
  let preferredWorkspaceId: string | null = null;
  if (known) {
    userId = known.userId;
    const email = verifiedEmail(input.claims);
    await db.ssoIdentity.update({
      where: { id: known.id },
      data: { lastUsedAt: new Date(), ...(email ? { email } : {}) },
    });
  } else {
    const email = verifiedEmail(input.claims);
    if (!email) return refuse("ssoEmailNotVerified");
    const tie = await db.ssoDomain.findUnique({
      where: { domain: emailDomain(email) },
      select: { workspaceId: true, workspace: { select: { ssoDefaultRole: true } } },
    });
    if (!tie) return refuse("ssoDomainNotTied");
    preferredWorkspaceId = tie.workspaceId;
    // An unusable password: the account signs in through its provider (a reset by e-mail can add one).
    const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
    userId = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
      const user =
        existing ??
        (await tx.user.create({
          data: {
            email,
            name:
              typeof input.claims.name === "string" && input.claims.name.trim()
                ? input.claims.name.trim().slice(0, 120)
                : (email.split("@")[0] ?? email),
            locale:
              typeof input.claims.locale === "string" && input.claims.locale.toLowerCase().startsWith("it")
                ? "it"
                : "en",
            passwordHash: unusablePassword,
          },
          select: { id: true },
        }));
      await tx.ssoIdentity.create({
        data: { provider: input.provider, subject: input.subject, userId: user.id, email },
      });
      const member = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: tie.workspaceId, userId: user.id } },
        select: { id: true },
      });
      if (!member) {
        const joined = await tx.membership.create({
          data: { workspaceId: tie.workspaceId, userId: user.id, role: tie.workspace.ssoDefaultRole },
          select: { id: true, role: true },
        });
        await writeAudit(
          tx,
          { userId: user.id, workspaceId: tie.workspaceId },
          {
            action: "member.joinedBySso",
            entityType: "Membership",
            entityId: joined.id,
            after: { provider: input.provider, role: joined.role },
          },
        );
      }
      await auditAccountEvent(tx, user.id, {
        action: "auth.ssoLinked",
        after: { provider: input.provider, email, newAccount: !existing, ip: input.client.ip },
      });
      return user.id;
    });
  }
  const sessionId = await createAuthSession(userId, input.client, "sso", preferredWorkspaceId);
  await auditAccountEvent(db, userId, {
    action: "auth.signedIn",
    after: { ip: input.client.ip, method: "sso", provider: input.provider },
  });
  return { ok: true, userId, sessionId };
}

/**
 * Password sign-in is refused to a member of a workspace that requires single sign-on, unless they are
 * its break-glass admin (for the day the identity provider is down).
 */
export async function passwordRefusedBySsoPolicy(userId: string): Promise<boolean> {
  const strict = await db.membership.findFirst({
    where: {
      userId,
      workspace: { requireSso: true, OR: [{ ssoBreakGlassUserId: null }, { ssoBreakGlassUserId: { not: userId } }] },
    },
    select: { id: true },
  });
  return strict !== null;
}
