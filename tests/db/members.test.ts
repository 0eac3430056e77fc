import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  acceptInvite,
  acceptInviteAsNewUser,
  changeMemberRole,
  findOpenInvite,
  inviteMember,
  listMembers,
  removeMember,
  revokeInvite,
} from "@/server/members/service";
import { ensureUser, freshWorkspace } from "@/server/seed/factories";

const tokenOf = (url: string) => decodeURIComponent(url.split("/invite/")[1] ?? "");

async function membershipOf(workspaceId: string, userId: string) {
  return db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
}

describe("invitations", () => {
  it("invite → new user accepts → member with the given role, once", async () => {
    const ws = await freshWorkspace();
    const email = `new-${Date.now()}@test.example`;
    const { url } = await inviteMember(ws.admin, { email, role: "MARKETER" });
    const token = tokenOf(url);
    expect(await findOpenInvite(token)).toMatchObject({ email, role: "MARKETER", userExists: false });

    const user = await acceptInviteAsNewUser({ token, name: "New Person", password: "long-enough-password" });
    expect((await membershipOf(ws.workspace.id, user.id))?.role).toBe("MARKETER");
    expect(await findOpenInvite(token)).toBeNull();
    await expect(acceptInvite({ token, userId: user.id })).rejects.toMatchObject({ code: "inviteInvalid" });
  });

  it("an existing user accepts only an invite for their own email", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const { url } = await inviteMember(ws.admin, { email: other.emailOf("SALES"), role: "SALES" });
    await expect(acceptInvite({ token: tokenOf(url), userId: other.marketer.userId })).rejects.toMatchObject({
      code: "emailMismatch",
    });
    await acceptInvite({ token: tokenOf(url), userId: other.sales.userId });
    expect((await membershipOf(ws.workspace.id, other.sales.userId))?.role).toBe("SALES");
  });

  it("refuses revoked invites, members already in, and non-admins", async () => {
    const ws = await freshWorkspace();
    const { url, inviteId } = await inviteMember(ws.admin, { email: `r-${Date.now()}@test.example`, role: "SALES" });
    await revokeInvite(ws.admin, { inviteId });
    await expect(
      acceptInviteAsNewUser({ token: tokenOf(url), name: "X", password: "long-enough-password" }),
    ).rejects.toMatchObject({ code: "inviteInvalid" });
    await expect(inviteMember(ws.admin, { email: ws.emailOf("SALES"), role: "SALES" })).rejects.toMatchObject({
      code: "alreadyMember",
    });
    await expect(inviteMember(ws.manager, { email: "x@test.example", role: "SALES" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("an expired invite cannot be used", async () => {
    const ws = await freshWorkspace();
    const { url, inviteId } = await inviteMember(ws.admin, { email: `e-${Date.now()}@test.example`, role: "SALES" });
    await db.invite.update({ where: { id: inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findOpenInvite(tokenOf(url))).toBeNull();
    await expect(
      acceptInviteAsNewUser({ token: tokenOf(url), name: "X", password: "long-enough-password" }),
    ).rejects.toMatchObject({ code: "inviteInvalid" });
  });

  it("two concurrent accepts of one invite: exactly one wins", async () => {
    const ws = await freshWorkspace();
    const email = `race-${Date.now()}@test.example`;
    const user = await ensureUser({ email, name: "Racer" });
    const { url } = await inviteMember(ws.admin, { email, role: "SALES" });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => acceptInvite({ token: tokenOf(url), userId: user.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("roles and removal", () => {
  it("admin changes a role; it is audited with before and after", async () => {
    const ws = await freshWorkspace();
    const member = (await listMembers(ws.admin)).find((m) => m.user.id === ws.sales.userId);
    await changeMemberRole(ws.admin, { membershipId: member?.id ?? "", role: "MANAGER" });
    expect((await membershipOf(ws.workspace.id, ws.sales.userId))?.role).toBe("MANAGER");
    const entry = await db.auditLog.findFirst({
      where: { workspaceId: ws.workspace.id, action: "member.roleChanged", entityId: member?.id },
    });
    expect(entry?.before).toMatchObject({ role: "SALES" });
    expect(entry?.after).toMatchObject({ role: "MANAGER" });
    expect(entry?.actorUserId).toBe(ws.admin.userId);
  });

  it("the last admin cannot demote or remove themselves", async () => {
    const ws = await freshWorkspace();
    const self = (await listMembers(ws.admin)).find((m) => m.user.id === ws.admin.userId);
    await expect(changeMemberRole(ws.admin, { membershipId: self?.id ?? "", role: "SALES" })).rejects.toMatchObject({
      code: "lastAdmin",
    });
    await expect(removeMember(ws.admin, { membershipId: self?.id ?? "" })).rejects.toMatchObject({ code: "lastAdmin" });
    expect((await membershipOf(ws.workspace.id, ws.admin.userId))?.role).toBe("ADMIN");
    // A failed change leaves no audit entry behind.
    const entries = await db.auditLog.count({ where: { workspaceId: ws.workspace.id, entityId: self?.id } });
    expect(entries).toBe(0);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const ws = await freshWorkspace();
    const members = await listMembers(ws.admin);
    const second = members.find((m) => m.user.id === ws.manager.userId);
    await changeMemberRole(ws.admin, { membershipId: second?.id ?? "", role: "ADMIN" });
    const first = members.find((m) => m.user.id === ws.admin.userId);
    const secondActor = { ...ws.manager, role: "ADMIN" as const };
    const results = await Promise.allSettled([
      changeMemberRole(ws.admin, { membershipId: second?.id ?? "", role: "SALES" }),
      changeMemberRole(secondActor, { membershipId: first?.id ?? "", role: "SALES" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: ws.workspace.id, role: "ADMIN" } })).toBe(1);
  });

  it("removing a member ends their sessions and tokens in that workspace", async () => {
    const ws = await freshWorkspace();
    const session = await db.authSession.create({
      data: { userId: ws.sales.userId, activeWorkspaceId: ws.workspace.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const member = (await listMembers(ws.admin)).find((m) => m.user.id === ws.sales.userId);
    await removeMember(ws.admin, { membershipId: member?.id ?? "" });
    expect(await membershipOf(ws.workspace.id, ws.sales.userId)).toBeNull();
    expect((await db.authSession.findUnique({ where: { id: session.id } }))?.revokedAt).not.toBeNull();
  });
});
