/**
 * A member of workspace A can neither read nor change anything of workspace B,
 * through the services behind the UI actions or through the API: B's records
 * are "not found" for them.
 */
import { describe, expect, it } from "vitest";
import { GET as getMembers } from "@/app/api/v1/members/route";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/api-tokens/service";
import { listAuditEntries } from "@/server/audit/queries";
import { db } from "@/server/db";
import { changeMemberRole, inviteMember, listMembers, removeMember, revokeInvite } from "@/server/members/service";
import { freshWorkspace } from "@/server/seed/factories";

describe("workspace isolation", () => {
  it("A's admin cannot touch B's members, invites, tokens or audit log", async () => {
    const a = await freshWorkspace("A");
    const b = await freshWorkspace("B");
    const bMember = (await listMembers(b.admin)).find((m) => m.user.id === b.sales.userId);
    const bInvite = await inviteMember(b.admin, { email: `b-${Date.now()}@test.example`, role: "SALES" });
    const bToken = await createApiToken(b.sales, { name: "b" });

    await expect(changeMemberRole(a.admin, { membershipId: bMember?.id ?? "", role: "ADMIN" })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(removeMember(a.admin, { membershipId: bMember?.id ?? "" })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(revokeInvite(a.admin, { inviteId: bInvite.inviteId })).rejects.toMatchObject({ code: "notFound" });
    await expect(revokeApiToken(a.admin, { tokenId: bToken.id })).rejects.toMatchObject({ code: "notFound" });

    const aMembers = (await listMembers(a.admin)).map((m) => m.user.id);
    expect(aMembers).not.toContain(b.sales.userId);
    expect((await listApiTokens(a.admin)).map((t) => t.id)).not.toContain(bToken.id);
    const aAudit = await listAuditEntries(a.admin, {});
    expect(aAudit.entries.every((e) => e.workspaceId === a.workspace.id)).toBe(true);

    // Nothing of B changed.
    expect((await db.membership.findUniqueOrThrow({ where: { id: bMember?.id } })).role).toBe("SALES");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: bToken.id } })).revokedAt).toBeNull();
  });

  it("an API token of A lists only A's members", async () => {
    const a = await freshWorkspace("A");
    const b = await freshWorkspace("B");
    const token = await createApiToken(a.admin, { name: "a" });
    const response = await getMembers(
      new Request("http://test/api/v1/members", { headers: { authorization: `Bearer ${token.secret}` } }),
      { params: Promise.resolve({}) },
    );
    const body = (await response.json()) as { data: { user: { id: string } }[] };
    const ids = body.data.map((m) => m.user.id);
    expect(ids).toContain(a.sales.userId);
    expect(ids).not.toContain(b.sales.userId);
  });

  it("a user in two workspaces acts in each with that workspace's role only", async () => {
    const a = await freshWorkspace("A");
    const b = await freshWorkspace("B");
    await db.membership.create({ data: { workspaceId: b.workspace.id, userId: a.admin.userId, role: "SALES" } });
    const inB = { userId: a.admin.userId, workspaceId: b.workspace.id, role: "SALES" as const };
    await expect(inviteMember(inB, { email: "x@test.example", role: "ADMIN" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
