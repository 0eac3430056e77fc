import "server-only";
import type { Handoff } from "@/generated/prisma/client";
import type { LeadStage, RejectReason } from "@/generated/prisma/enums";
import { businessMinutesBetween } from "@/lib/business-time";
import { REJECT_DESTINATION } from "@/lib/reject-reasons";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";
import { lockCandidates, moveHandoff } from "@/server/handoffs/assignment";
import { calendarOf, slaVersion } from "@/server/handoffs/sla";

/**
 * Answering a handoff. The handoff row is locked first, so of two clicks, two
 * tabs or two reps at the same moment exactly one finds it open; the lead's
 * stage change, the events and the audit entry commit with that answer.
 */

/** Locks the handoff; 404 outside the actor's workspace, 403 when it is someone else's. */
async function lockForAnswer(tx: Tx, actor: Actor, handoffId: string): Promise<Handoff> {
  // One round trip: lock and read (the answer path is hot — a rep with ten leads waiting, fifty reps at once).
  const rows = await tx.$queryRaw<Handoff[]>`
    SELECT * FROM "Handoff" WHERE id = ${handoffId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
  const handoff = rows[0];
  if (!handoff) throw notFound();
  if (actor.role !== "MANAGER" && handoff.assigneeId !== actor.userId) throw forbidden();
  if (handoff.status !== "OPEN") {
    const by = handoff.answeredById
      ? await tx.user.findUnique({ where: { id: handoff.answeredById }, select: { name: true } })
      : null;
    throw new AppError("alreadyAnswered", "This handoff has already been answered", {
      params: { status: handoff.status, by: by?.name ?? "", at: handoff.answeredAt?.toISOString() ?? "" },
    });
  }
  return handoff;
}

/** Business minutes from handoff to answer on the handoff's own SLA clock. */
async function responseMinutes(tx: Tx, handoff: Handoff, now: Date) {
  const sla = await slaVersion(tx, handoff.slaPolicyId);
  return businessMinutesBetween(handoff.handedOffAt, now, calendarOf(sla));
}

/**
 * Moves the lead (locked) from MQL to where the answer sends it, with its
 * stage log entry, in one statement; a lead already moved on by other means
 * keeps its stage (answers never move a lead backwards).
 */
async function moveLead(tx: Tx, input: { actor: Actor; leadId: string; to: LeadStage; reason: string; now: Date }) {
  const rows = await tx.$queryRaw<{ fromStage: LeadStage }[]>`
    WITH old AS (
      SELECT id, stage FROM "Lead" WHERE id = ${input.leadId} AND "workspaceId" = ${input.actor.workspaceId} FOR UPDATE
    ),
    moved AS (
      UPDATE "Lead" l SET
        stage = ${input.to}::"LeadStage",
        "stageEnteredAt" = ${input.now},
        "sqlAt" = CASE WHEN ${input.to} = 'SQL' THEN ${input.now} ELSE l."sqlAt" END,
        "updatedAt" = ${input.now}
      FROM old WHERE l.id = old.id AND old.stage = 'MQL'
      RETURNING old.stage AS "fromStage"
    )
    INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, "actorUserId", reason)
    SELECT ${input.actor.workspaceId}, ${input.leadId}, moved."fromStage", ${input.to}::"LeadStage", ${input.now},
           ${input.actor.userId}, ${input.reason}
    FROM moved
    RETURNING "fromStage"`;
  return rows[0]?.fromStage ?? null;
}

type Answer = { status: "ACCEPTED" } | { status: "REJECTED"; reason: RejectReason; note: string };

/** The one way a handoff is answered: the locked row, the lead's move, the event and the audit entry, together. */
async function answer(actor: Actor, handoffId: string, input: Answer, now: Date) {
  requirePermission(actor, "handoffs.answer");
  return db.$transaction(async (tx) => {
    const handoff = await lockForAnswer(tx, actor, handoffId);
    const rejected = input.status === "REJECTED" ? input : null;
    const updated = await tx.handoff.update({
      where: { id: handoff.id },
      data: {
        status: input.status,
        openLeadId: null,
        answeredAt: now,
        answeredById: actor.userId,
        responseMinutes: await responseMinutes(tx, handoff, now),
        ...(rejected ? { rejectReason: rejected.reason, note: rejected.note } : {}),
      },
    });
    const to = rejected ? REJECT_DESTINATION[rejected.reason] : "SQL";
    await moveLead(tx, {
      actor,
      leadId: handoff.leadId,
      to,
      reason: rejected ? `handoffRejected:${rejected.reason}` : "handoffAccepted",
      now,
    });
    const details = rejected ? { reason: rejected.reason, note: rejected.note, leadTo: to } : {};
    await tx.handoffEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        handoffId,
        kind: input.status,
        at: now,
        actorUserId: actor.userId,
        details,
      },
    });
    await writeAudit(tx, actor, {
      action: rejected ? "handoff.rejected" : "handoff.accepted",
      entityType: "Handoff",
      entityId: handoffId,
      after: { leadId: handoff.leadId, status: input.status, withinSla: now <= handoff.firstDueAt, ...details },
    });
    return updated;
  });
}

/** Accept: the lead becomes an SQL. */
export function acceptHandoff(actor: Actor, handoffId: string, now = new Date()) {
  return answer(actor, handoffId, { status: "ACCEPTED" }, now);
}

/** Reject with a reason from the fixed list: the reason sends the lead to NURTURE or DISQUALIFIED. */
export function rejectHandoff(
  actor: Actor,
  handoffId: string,
  input: { reason: RejectReason; note: string },
  now = new Date(),
) {
  return answer(actor, handoffId, { status: "REJECTED", ...input }, now);
}

/** A manager hands an open handoff to another rep (or manager) by hand; the new assignee gets a fresh clock. */
export async function reassignHandoff(actor: Actor, handoffId: string, toUserId: string, now = new Date()) {
  requirePermission(actor, "handoffs.assign");
  return db.$transaction(async (tx) => {
    const handoff = await lockForAnswer(tx, actor, handoffId);
    const candidates = await lockCandidates(tx, actor.workspaceId);
    const target = candidates.find((c) => c.userId === toUserId);
    if (!target) {
      throw new AppError("validation", "Choose a sales rep or manager of this workspace", {
        fieldErrors: { toUserId: ["notAssignable"] },
      });
    }
    if (handoff.assigneeId === toUserId) return handoff;
    const sla = await slaVersion(tx, handoff.slaPolicyId);
    const updated = await moveHandoff(tx, {
      handoff,
      sla,
      toUserId,
      kind: "REASSIGNED",
      now,
      actorUserId: actor.userId,
      reason: "manual",
    });
    await writeAudit(tx, actor, {
      action: "handoff.reassigned",
      entityType: "Handoff",
      entityId: handoffId,
      before: { assigneeId: handoff.assigneeId },
      after: { assigneeId: toUserId },
    });
    return updated;
  });
}
