import "server-only";
import { oidcProviders } from "@/env";
import type { Role } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

/**
 * A workspace's single sign-on settings (admins): the e-mail domains tied to it, the role of people who
 * join through it, and whether password sign-in is still allowed (with one break-glass admin).
 */

/** Domains anyone can get an address at: tying one would let strangers join. */
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "libero.it",
  "virgilio.it",
  "tiscali.it",
  "alice.it",
  "tin.it",
  "yahoo.it",
  "hotmail.it",
]);

export async function ssoSettings(actor: Actor) {
  requirePermission(actor, "workspace.update");
  const [workspace, domains, admins] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { requireSso: true, ssoBreakGlassUserId: true, ssoDefaultRole: true },
    }),
    db.ssoDomain.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: { domain: "asc" },
      select: { domain: true },
    }),
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId, role: "ADMIN" },
      select: { userId: true, user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return {
    ...workspace,
    domains: domains.map((d) => d.domain),
    admins: admins.map((a) => ({ userId: a.userId, name: a.user.name, email: a.user.email })),
    providers: oidcProviders().map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function tieSsoDomain(actor: Actor, input: { domain: string }) {
  requirePermission(actor, "workspace.update");
  if (PUBLIC_MAIL_DOMAINS.has(input.domain)) {
    throw new AppError("validation", "A public mail domain", { fieldErrors: { domain: ["publicMailDomain"] } });
  }
  await db.$transaction(async (tx) => {
    const taken = await tx.ssoDomain.findUnique({ where: { domain: input.domain }, select: { workspaceId: true } });
    if (taken) {
      throw new AppError("validation", "Domain already tied", {
        fieldErrors: { domain: [taken.workspaceId === actor.workspaceId ? "domainTiedHere" : "domainTiedElsewhere"] },
      });
    }
    await tx.ssoDomain.create({ data: { domain: input.domain, workspaceId: actor.workspaceId } });
    await writeAudit(tx, actor, { action: "sso.domainTied", entityType: "SsoDomain", entityId: input.domain });
  });
}

export async function untieSsoDomain(actor: Actor, input: { domain: string }) {
  requirePermission(actor, "workspace.update");
  await db.$transaction(async (tx) => {
    const removed = await tx.ssoDomain.deleteMany({ where: { domain: input.domain, workspaceId: actor.workspaceId } });
    if (removed.count === 0) throw notFound();
    await writeAudit(tx, actor, { action: "sso.domainUntied", entityType: "SsoDomain", entityId: input.domain });
  });
}

/**
 * Requiring single sign-on needs a provider configured, a tied domain, and a break-glass admin who keeps
 * their password (the day the provider is down, someone can still sign in and lift the rule).
 */
export async function updateSsoPolicy(
  actor: Actor,
  input: { requireSso: boolean; breakGlassUserId: string | null; defaultRole: Role },
) {
  requirePermission(actor, "workspace.update");
  return db.$transaction(async (tx) => {
    if (input.breakGlassUserId) {
      const admin = await tx.membership.findFirst({
        where: { workspaceId: actor.workspaceId, userId: input.breakGlassUserId, role: "ADMIN" },
        select: { id: true },
      });
      if (!admin) {
        throw new AppError("validation", "Not an admin", { fieldErrors: { breakGlassUserId: ["notAnAdmin"] } });
      }
    }
    if (input.requireSso) {
      const reasons: string[] = [];
      if (oidcProviders().length === 0) reasons.push("noProvider");
      else if ((await tx.ssoDomain.count({ where: { workspaceId: actor.workspaceId } })) === 0)
        reasons.push("noDomain");
      else if (!input.breakGlassUserId) reasons.push("noBreakGlass");
      if (reasons[0])
        throw new AppError("conflict", "Cannot require single sign-on yet", { params: { reason: reasons[0] } });
    }
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { requireSso: true, ssoBreakGlassUserId: true, ssoDefaultRole: true },
    });
    const after = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: {
        requireSso: input.requireSso,
        ssoBreakGlassUserId: input.breakGlassUserId,
        ssoDefaultRole: input.defaultRole,
      },
      select: { requireSso: true, ssoBreakGlassUserId: true, ssoDefaultRole: true },
    });
    await writeAudit(tx, actor, {
      action: "workspace.ssoPolicyChanged",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      before,
      after,
    });
    return after;
  });
}
