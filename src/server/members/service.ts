import "server-only";
import { appUrl } from "@/env";
import type { Locale, Role } from "@/generated/prisma/enums";
import { hashSecret, newSecret } from "@/lib/tokens";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { handOverOpenHandoffs } from "@/server/handoffs/assignment";
import { sendMail } from "@/server/mail/send";
import { composeMail, mailTranslator, roleName } from "@/server/mail/templates";

export const INVITE_DAYS = 7;

/** Serialises membership changes of one workspace (last-admin rule under concurrency). */
async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
}

async function adminCount(tx: Tx, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, role: "ADMIN" } });
}

export async function listMembers(actor: Actor) {
  requirePermission(actor, "members.read");
  return db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, totpEnabledAt: true } },
    },
    orderBy: [{ user: { name: "asc" } }],
  });
}

export async function changeMemberRole(actor: Actor, input: { membershipId: string; role: Role }) {
  requirePermission(actor, "members.changeRole");
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: actor.workspaceId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw notFound();
    if (member.role === input.role) return member;
    if (member.role === "ADMIN" && (await adminCount(tx, actor.workspaceId)) <= 1) {
      throw new AppError("lastAdmin", "A workspace needs at least one admin");
    }
    const updated = await tx.membership.update({
      where: { id: member.id },
      data: { role: input.role },
      select: { id: true, role: true, userId: true },
    });
    if (input.role !== "SALES" && input.role !== "MANAGER") {
      await handOverOpenHandoffs(tx, {
        workspaceId: actor.workspaceId,
        userId: member.userId,
        now: new Date(),
        actorUserId: actor.userId,
      });
    }
    await writeAudit(tx, actor, {
      action: "member.roleChanged",
      entityType: "Membership",
      entityId: member.id,
      before: { userId: member.userId, role: member.role },
      after: { userId: member.userId, role: input.role },
    });
    return updated;
  });
}

export async function removeMember(actor: Actor, input: { membershipId: string }) {
  requirePermission(actor, "members.remove");
  await db.$transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: actor.workspaceId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw notFound();
    if (member.role === "ADMIN" && (await adminCount(tx, actor.workspaceId)) <= 1) {
      throw new AppError("lastAdmin", "A workspace needs at least one admin");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await handOverOpenHandoffs(tx, {
      workspaceId: actor.workspaceId,
      userId: member.userId,
      now: new Date(),
      actorUserId: actor.userId,
    });
    // Their sessions in this workspace end, and their tokens for it stop working.
    await tx.authSession.updateMany({
      where: { userId: member.userId, activeWorkspaceId: actor.workspaceId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.apiToken.updateMany({
      where: { userId: member.userId, workspaceId: actor.workspaceId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, actor, {
      action: "member.removed",
      entityType: "Membership",
      entityId: member.id,
      before: { userId: member.userId, role: member.role },
    });
  });
}

export function inviteUrl(token: string) {
  return `${appUrl()}/invite/${encodeURIComponent(token)}`;
}

/** The invitation mail, in the language chosen for it (the invited person may have no account yet). */
export function inviteMail(
  locale: Locale,
  input: { inviter: string; workspace: string; role: Role; url: string; expiresAt: Date },
) {
  const t = mailTranslator(locale);
  const role = roleName(locale, input.role);
  const date = new Intl.DateTimeFormat(locale === "it" ? "it-IT" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(input.expiresAt);
  return composeMail(locale, {
    subject: t("invite.subject", { inviter: input.inviter, workspace: input.workspace }),
    paragraphs: [
      t("invite.intro", { inviter: input.inviter, workspace: input.workspace, role }),
      t("invite.about", { workspace: input.workspace }),
    ],
    action: { label: t("invite.action"), url: input.url },
    after: [t("invite.expiry", { date })],
  });
}

export async function inviteMember(actor: Actor, input: { email: string; role: Role; locale?: Locale }) {
  requirePermission(actor, "members.invite");
  const token = newSecret("inv_", 24);
  const invite = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({
      where: { workspaceId: actor.workspaceId, user: { email: input.email } },
      select: { id: true },
    });
    if (existing) throw new AppError("alreadyMember", "This person is already a member");
    const inviter = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { name: true, locale: true },
    });
    // Someone who already has an account reads it in their own language.
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    const created = await tx.invite.create({
      data: {
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        locale: invitee?.locale ?? input.locale ?? inviter.locale,
        tokenHash: hashSecret(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000),
      },
      select: {
        id: true,
        email: true,
        role: true,
        locale: true,
        expiresAt: true,
        workspace: { select: { name: true } },
      },
    });
    await writeAudit(tx, actor, {
      action: "invite.created",
      entityType: "Invite",
      entityId: created.id,
      after: { email: created.email, role: created.role, locale: created.locale },
    });
    return { ...created, inviterName: inviter.name };
  });
  const url = inviteUrl(token);
  const emailed = await sendMail({
    to: invite.email,
    ...inviteMail(invite.locale, {
      inviter: invite.inviterName,
      workspace: invite.workspace.name,
      role: invite.role,
      url,
      expiresAt: invite.expiresAt,
    }),
  });
  return { inviteId: invite.id, url, emailed };
}

export async function listPendingInvites(actor: Actor) {
  requirePermission(actor, "members.invite");
  return db.invite.findMany({
    where: { workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvite(actor: Actor, input: { inviteId: string }) {
  requirePermission(actor, "members.invite");
  await db.$transaction(async (tx) => {
    const result = await tx.invite.updateMany({
      where: { id: input.inviteId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw notFound();
    await writeAudit(tx, actor, { action: "invite.revoked", entityType: "Invite", entityId: input.inviteId });
  });
}

/** What the invite page shows; null when the link is unknown, used, revoked or expired. */
export async function findOpenInvite(token: string) {
  const invite = await db.invite.findFirst({
    where: { tokenHash: hashSecret(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, workspace: { select: { id: true, name: true } } },
  });
  if (!invite) return null;
  const user = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { ...invite, userExists: Boolean(user) };
}

/** Marks the invite used (exactly once) and adds the membership, in one transaction. */
async function consumeInvite(tx: Tx, token: string, userId: string, email: string) {
  const invite = await tx.invite.findFirst({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, email: true, role: true, workspaceId: true },
  });
  if (!invite) throw new AppError("inviteInvalid", "This invitation is not valid");
  if (invite.email !== email) throw new AppError("emailMismatch", "This invitation is for another email address");
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count === 0) throw new AppError("inviteInvalid", "This invitation is not valid");
  const membership = await tx.membership.upsert({
    where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } },
    create: { workspaceId: invite.workspaceId, userId, role: invite.role },
    update: {},
    select: { id: true, role: true, workspaceId: true },
  });
  await writeAudit(
    tx,
    { userId, workspaceId: invite.workspaceId },
    {
      action: "invite.accepted",
      entityType: "Membership",
      entityId: membership.id,
      after: { userId, role: membership.role },
    },
  );
  return membership;
}

/** A signed-in user accepts an invite sent to their own email. */
export async function acceptInvite(input: { token: string; userId: string; sessionId?: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!user) throw new AppError("unauthenticated");
    const membership = await consumeInvite(tx, input.token, input.userId, user.email);
    if (input.sessionId) {
      await tx.authSession.update({
        where: { id: input.sessionId },
        data: { activeWorkspaceId: membership.workspaceId },
      });
    }
    return membership;
  });
}

/** Someone without an account accepts: the account is created with the invited email. */
export async function acceptInviteAsNewUser(input: { token: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { tokenHash: hashSecret(input.token) },
      select: { email: true, locale: true },
    });
    if (!invite) throw new AppError("inviteInvalid", "This invitation is not valid");
    const existing = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
    if (existing) throw new AppError("conflict", "An account with this email exists: sign in to accept");
    const user = await tx.user.create({
      data: { email: invite.email, name: input.name, passwordHash, locale: invite.locale },
      select: { id: true, email: true },
    });
    await consumeInvite(tx, input.token, user.id, user.email);
    return user;
  });
}
