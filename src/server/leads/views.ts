import "server-only";
import { sortByName } from "@/lib/collate";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

export async function listSavedViews(actor: Actor) {
  requirePermission(actor, "leads.read");
  const views = await db.savedLeadView.findMany({ where: { workspaceId: actor.workspaceId, userId: actor.userId } });
  return sortByName(views, (v) => v.name);
}

export async function saveView(actor: Actor, input: { name: string; query: string }) {
  requirePermission(actor, "leads.read");
  const existing = await db.savedLeadView.findUnique({
    where: { workspaceId_userId_name: { workspaceId: actor.workspaceId, userId: actor.userId, name: input.name } },
  });
  if (existing)
    throw new AppError("validation", "A view with this name exists", { fieldErrors: { name: ["duplicateView"] } });
  return db.$transaction(async (tx) => {
    const view = await tx.savedLeadView.create({
      data: { workspaceId: actor.workspaceId, userId: actor.userId, ...input },
    });
    await writeAudit(tx, actor, {
      action: "leadView.saved",
      entityType: "SavedLeadView",
      entityId: view.id,
      after: input,
    });
    return view;
  });
}

export async function deleteView(actor: Actor, viewId: string) {
  requirePermission(actor, "leads.read");
  const deleted = await db.savedLeadView.deleteMany({
    where: { id: viewId, workspaceId: actor.workspaceId, userId: actor.userId },
  });
  if (deleted.count === 0) throw notFound();
}
