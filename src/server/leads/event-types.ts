import "server-only";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";

export async function listCustomEventTypes(actor: Actor) {
  requirePermission(actor, "rules.read");
  return db.leadEventType.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { key: "asc" } });
}

/** A workspace-specific event type (e.g. TRIAL_STARTED) that rules can score and the API can record. */
export async function addCustomEventType(actor: Actor, input: { key: string; label: string }) {
  requirePermission(actor, "rules.edit");
  if ((BUILT_IN_EVENT_TYPES as readonly string[]).includes(input.key)) {
    throw new AppError("validation", "Built-in type", { fieldErrors: { key: ["eventTypeExists"] } });
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.leadEventType.findUnique({
      where: { workspaceId_key: { workspaceId: actor.workspaceId, key: input.key } },
    });
    if (existing) throw new AppError("validation", "Exists", { fieldErrors: { key: ["eventTypeExists"] } });
    const created = await tx.leadEventType.create({ data: { workspaceId: actor.workspaceId, ...input } });
    await writeAudit(tx, actor, {
      action: "eventType.added",
      entityType: "LeadEventType",
      entityId: input.key,
      after: input,
    });
    return created;
  });
}
