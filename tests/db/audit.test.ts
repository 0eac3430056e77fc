import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { inviteMember } from "@/server/members/service";
import { freshWorkspace } from "@/server/seed/factories";

describe("audit log", () => {
  it("records who changed what, when, with before and after", async () => {
    const ws = await freshWorkspace();
    const { inviteId } = await inviteMember(ws.admin, { email: `audit-${Date.now()}@test.example`, role: "SALES" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, entityId: inviteId } });
    expect(entry).toMatchObject({ action: "invite.created", actorUserId: ws.admin.userId, entityType: "Invite" });
    expect(entry.after).toMatchObject({ role: "SALES" });
    // The invite secret is never in the log.
    expect(JSON.stringify({ ...entry, id: String(entry.id) })).not.toMatch(/inv_/);
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    const ws = await freshWorkspace();
    await inviteMember(ws.admin, { email: `audit2-${Date.now()}@test.example`, role: "SALES" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("invite.created");
  });
});
