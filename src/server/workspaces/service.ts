import "server-only";
import type { Locale, Role } from "@/generated/prisma/enums";
import { normaliseEmail } from "@/lib/email";
import { slugify } from "@/lib/slug";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { installStarterGlossary } from "@/server/glossary/service";
import { rebuildFunnel } from "@/server/metrics/rollup";

/**
 * Operator-level operations (admin CLI, seed, tests): they act outside any
 * signed-in session, so they take no actor and are never exposed as actions.
 */

export async function createWorkspace(input: { name: string; slug?: string; timeZone?: string }) {
  const slug = input.slug ?? slugify(input.name);
  const existing = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A workspace with slug "${slug}" exists`);
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.name, slug, timeZone: input.timeZone ?? "Europe/Rome" },
      select: { id: true, name: true, slug: true },
    });
    await installStarterGlossary(tx, workspace.id);
    await writeAudit(
      tx,
      { userId: null, workspaceId: workspace.id },
      {
        action: "workspace.created",
        entityType: "Workspace",
        entityId: workspace.id,
        after: workspace,
      },
    );
    return workspace;
  });
}

export async function findWorkspace(slugOrId: string) {
  const workspace = await db.workspace.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: { id: true, name: true, slug: true },
  });
  if (!workspace) throw notFound();
  return workspace;
}

export async function createUser(input: { email: string; name: string; password: string; locale?: Locale }) {
  const email = normaliseEmail(input.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A user with email ${email} exists`);
  return db.user.create({
    data: { email, name: input.name, passwordHash: await hashPassword(input.password), locale: input.locale ?? "en" },
    select: { id: true, email: true, name: true },
  });
}

export async function findUserByEmail(email: string) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw notFound();
  return user;
}

/** Adds the user to the workspace, or changes their role there. */
export async function setMembership(input: { workspaceId: string; userId: string; role: Role }) {
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { role: true },
    });
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      create: input,
      update: { role: input.role },
      select: { id: true, role: true },
    });
    await writeAudit(
      tx,
      { userId: null, workspaceId: input.workspaceId },
      {
        action: before ? "member.roleChanged" : "member.added",
        entityType: "Membership",
        entityId: membership.id,
        before: before ? { userId: input.userId, role: before.role } : undefined,
        after: { userId: input.userId, role: membership.role },
      },
    );
    return membership;
  });
}

export async function listMembersOf(workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    select: { role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
}

/** Sets a new password and ends every session of the user. */
export async function resetPassword(input: { email: string; password: string }) {
  const user = await findUserByEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(
      tx,
      { userId: null, workspaceId: null },
      {
        action: "user.passwordReset",
        entityType: "User",
        entityId: user.id,
      },
    );
  });
  return user;
}

/** Rename the workspace or change its time zone (admins). */
export async function updateWorkspace(actor: Actor, input: { name: string; timeZone: string }) {
  requirePermission(actor, "workspace.update");
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: actor.workspaceId },
      select: { name: true, timeZone: true },
    });
    if (!before) throw notFound();
    const after = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: input,
      select: { name: true, timeZone: true },
    });
    await writeAudit(tx, actor, {
      action: "workspace.updated",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      before,
      after,
    });
    return { ...after, timeZoneChanged: before.timeZone !== after.timeZone };
  });
  // Dashboards count by local day: a new time zone moves days.
  if (updated.timeZoneChanged) await rebuildFunnel(actor.workspaceId);
  return { name: updated.name, timeZone: updated.timeZone };
}

/**
 * The workspace's sign-in policy (admins): require a second factor of every member. Members without one
 * are sent to set it up at their next request; the admin turning it on must have one already (or they
 * would lock themselves out mid-change).
 */
export async function updateSignInPolicy(actor: Actor, input: { requireTwoFactor: boolean }) {
  requirePermission(actor, "workspace.update");
  return db.$transaction(async (tx) => {
    if (input.requireTwoFactor) {
      const self = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
      if (!self.totpEnabledAt) {
        throw new AppError("conflict", "Turn on two-factor sign-in for yourself first", {
          params: { reason: "ownTwoFactorFirst" },
        });
      }
    }
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { requireTwoFactor: true },
    });
    const after = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { requireTwoFactor: input.requireTwoFactor },
      select: { requireTwoFactor: true },
    });
    await writeAudit(tx, actor, {
      action: "workspace.signInPolicyChanged",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      before,
      after,
    });
    return after;
  });
}

/** What the sign-in policy card shows: the rule, and who would be asked to set up a second factor. */
export async function signInPolicy(actor: Actor) {
  requirePermission(actor, "workspace.update");
  const [workspace, withoutTwoFactor] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { requireTwoFactor: true } }),
    db.membership.count({ where: { workspaceId: actor.workspaceId, user: { totpEnabledAt: null } } }),
  ]);
  return { requireTwoFactor: workspace.requireTwoFactor, membersWithoutTwoFactor: withoutTwoFactor };
}
