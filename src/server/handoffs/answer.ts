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
import { calendarOf } from "@/server/handoffs/sla";

/**
 * Answering a handoff. The handoff row is locked first, so of two clicks, two
 * tabs or two reps at the same moment exactly one finds it open; the lead's
 * stage change, the events and the audit entry commit with that answer.
 */

/** Locks the handoff; 404 outside the actor's workspace, 403 when it is someone else's. */
async function lockForAnswer(tx: Tx, actor: Actor, handoffId: string): Promise<Handoff> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Handoff" WHERE id = ${handoffId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
  if (!rows[0]) throw notFound();
  const handoff = await tx.handoff.findUniqueOrThrow({ where: { id: handoffId } });
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
  const sla = await tx.slaPolicy.findUniqueOrThrow({ where: { id: handoff.slaPolicyId } });
  return businessMinutesBetween(handoff.handedOffAt, now, calendarOf(sla));
}

async function moveLead(
  tx: Tx,
  input: { actor: Actor; leadId: string; to: LeadStage; reason: string; now: Date; onlyFrom: LeadStage[] },
) {
  const rows = await tx.$queryRaw<{ stage: LeadStage }[]>`
    SELECT stage FROM "Lead" WHERE id = ${input.leadId} AND "workspaceId" = ${input.actor.workspaceId} FOR UPDATE`;
  const from = rows[0]?.stage;
  // A lead moved on by other means keeps its stage: answers never move a lead backwards.
  if (!from || !input.onlyFrom.includes(from)) return null;
  const stamp =
    input.to === "SQL"
      ? { sqlAt: input.now }
      : input.to === "OPPORTUNITY"
        ? { opportunityAt: input.now }
        : input.to === "CUSTOMER"
          ? { customerAt: input.now }
          : input.to === "LOST"
            ? { lostAt: input.now }
            : {};
  await tx.lead.update({ where: { id: input.leadId }, data: { stage: input.to, stageEnteredAt: input.now, ...stamp } });
  await tx.leadStageChange.create({
    data: {
      workspaceId: input.actor.workspaceId,
      leadId: input.leadId,
      fromStage: from,
      toStage: input.to,
      at: input.now,
      actorUserId: input.actor.userId,
      reason: input.reason,
    },
  });
  return from;
}

export async function acceptHandoff(actor: Actor, handoffId: string, now = new Date()) {
  requirePermission(actor, "handoffs.answer");
  return db.$transaction(async (tx) => {
    const handoff = await lockForAnswer(tx, actor, handoffId);
    const updated = await tx.handoff.update({
      where: { id: handoff.id },
      data: {
        status: "ACCEPTED",
        openLeadId: null,
        answeredAt: now,
        answeredById: actor.userId,
        responseMinutes: await responseMinutes(tx, handoff, now),
      },
    });
    await moveLead(tx, { actor, leadId: handoff.leadId, to: "SQL", reason: "handoffAccepted", now, onlyFrom: ["MQL"] });
    await tx.handoffEvent.create({
      data: { workspaceId: actor.workspaceId, handoffId, kind: "ACCEPTED", at: now, actorUserId: actor.userId },
    });
    await writeAudit(tx, actor, {
      action: "handoff.accepted",
      entityType: "Handoff",
      entityId: handoffId,
      after: { leadId: handoff.leadId, status: "ACCEPTED", withinSla: now <= handoff.firstDueAt },
    });
    return updated;
  });
}

export async function rejectHandoff(
  actor: Actor,
  handoffId: string,
  input: { reason: RejectReason; note: string },
  now = new Date(),
) {
  requirePermission(actor, "handoffs.answer");
  return db.$transaction(async (tx) => {
    const handoff = await lockForAnswer(tx, actor, handoffId);
    const updated = await tx.handoff.update({
      where: { id: handoff.id },
      data: {
        status: "REJECTED",
        openLeadId: null,
        answeredAt: now,
        answeredById: actor.userId,
        responseMinutes: await responseMinutes(tx, handoff, now),
        rejectReason: input.reason,
        note: input.note,
      },
    });
    const to = REJECT_DESTINATION[input.reason];
    await moveLead(tx, {
      actor,
      leadId: handoff.leadId,
      to,
      reason: `handoffRejected:${input.reason}`,
      now,
      onlyFrom: ["MQL"],
    });
    await tx.handoffEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        handoffId,
        kind: "REJECTED",
        at: now,
        actorUserId: actor.userId,
        details: { reason: input.reason, note: input.note, leadTo: to },
      },
    });
    await writeAudit(tx, actor, {
      action: "handoff.rejected",
      entityType: "Handoff",
      entityId: handoffId,
      after: { leadId: handoff.leadId, status: "REJECTED", reason: input.reason, note: input.note, leadTo: to },
    });
    return updated;
  });
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
    const sla = await tx.slaPolicy.findUniqueOrThrow({ where: { id: handoff.slaPolicyId } });
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
