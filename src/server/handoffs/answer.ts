import "server-only";
import type { Handoff } from "@/generated/prisma/client";
import type { LeadStage, RejectReason } from "@/generated/prisma/enums";
import { businessMinutesBetween } from "@/lib/business-time";
import { REJECT_DESTINATION } from "@/lib/reject-reasons";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";
import { leadLabel, lockCandidates, moveHandoff } from "@/server/handoffs/assignment";
import { calendarOf, slaVersion } from "@/server/handoffs/sla";
import { notify } from "@/server/notifications/service";
import { emitHandoffEvents } from "@/server/webhooks/emit";

/**
 * Answering a handoff. Exactly one of two clicks, two tabs or two reps wins:
 * the answer is one conditional UPDATE (open, and the actor's — or the actor
 * a manager) that, in the same statement, moves the lead out of MQL and writes
 * its stage log entry, the handoff event and the audit entry. One statement is
 * one transaction: all of it commits, or none. The loser's zero rows are then
 * explained (404, 403 or 409 with who answered and when).
 */

type Answer = { status: "ACCEPTED" } | { status: "REJECTED"; reason: RejectReason; note: string };

/** Why nothing was updated: not in this workspace, someone else's, or already answered. */
async function refusal(actor: Actor, handoffId: string): Promise<AppError> {
  const handoff = await db.handoff.findFirst({ where: { id: handoffId, workspaceId: actor.workspaceId } });
  if (!handoff) return notFound();
  if (actor.role !== "MANAGER" && handoff.assigneeId !== actor.userId) return forbidden();
  const by = handoff.answeredById
    ? await db.user.findUnique({ where: { id: handoff.answeredById }, select: { name: true } })
    : null;
  return new AppError("alreadyAnswered", "This handoff has already been answered", {
    params: { status: handoff.status, by: by?.name ?? "", at: handoff.answeredAt?.toISOString() ?? "" },
  });
}

async function answer(actor: Actor, handoffId: string, input: Answer, now: Date, retried = false): Promise<Handoff> {
  requirePermission(actor, "handoffs.answer");
  // Response time runs from the current assignment (each assignee on their own clock), under the handoff's SLA.
  // Read without a lock: the answer below only lands on the assignment read here ("assignedAt" unchanged), so a
  // reassignment in between makes it a refusal instead of a response time measured from the wrong assignment.
  const started = await db.handoff.findFirst({
    where: { id: handoffId, workspaceId: actor.workspaceId },
    select: { assignedAt: true, slaPolicyId: true },
  });
  if (!started) throw notFound();
  const sla = await slaVersion(db, started.slaPolicyId);
  const minutes = businessMinutesBetween(started.assignedAt, now, calendarOf(sla));
  const rejected = input.status === "REJECTED" ? input : null;
  const to: LeadStage = rejected ? REJECT_DESTINATION[rejected.reason] : "SQL";
  const reason = rejected ? `handoffRejected:${rejected.reason}` : "handoffAccepted";
  const details = rejected ? { reason: rejected.reason, note: rejected.note, leadTo: to } : {};
  const manager = actor.role === "MANAGER";
  const statement = (q: Tx | typeof db) => q.$queryRaw<Handoff[]>`
    WITH answered AS (
      UPDATE "Handoff" SET
        status = ${input.status}::"HandoffStatus",
        "openLeadId" = NULL,
        "answeredAt" = ${now},
        "answeredById" = ${actor.userId},
        "responseMinutes" = ${minutes},
        "rejectReason" = ${rejected?.reason ?? null}::"RejectReason",
        note = ${rejected?.note ?? ""},
        "updatedAt" = ${now}
      WHERE id = ${handoffId} AND "workspaceId" = ${actor.workspaceId} AND status = 'OPEN'
        AND "assignedAt" = ${started.assignedAt}
        AND (${manager} OR "assigneeId" = ${actor.userId})
      RETURNING *
    ),
    lead AS (
      SELECT l.id, l.stage FROM "Lead" l JOIN answered a ON a."leadId" = l.id FOR UPDATE OF l
    ),
    moved AS (
      -- A lead moved on by other means keeps its stage: answers never move a lead backwards.
      UPDATE "Lead" l SET
        stage = ${to}::"LeadStage",
        "stageEnteredAt" = ${now},
        "sqlAt" = CASE WHEN ${to} = 'SQL' THEN ${now} ELSE l."sqlAt" END,
        "updatedAt" = ${now}
      FROM lead WHERE l.id = lead.id AND lead.stage = 'MQL'
      RETURNING l.id, lead.stage AS from_stage
    ),
    logged AS (
      INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, "actorUserId", reason)
      SELECT ${actor.workspaceId}, moved.id, moved.from_stage, ${to}::"LeadStage", ${now}, ${actor.userId}, ${reason}
      FROM moved
    ),
    event AS (
      INSERT INTO "HandoffEvent" ("workspaceId", "handoffId", kind, at, "actorUserId", details)
      SELECT ${actor.workspaceId}, a.id, ${input.status}::"HandoffEventKind", ${now}, ${actor.userId}, ${JSON.stringify(details)}::jsonb
      FROM answered a
    ),
    audited AS (
      INSERT INTO "AuditLog" ("workspaceId", "actorUserId", "apiTokenId", action, "entityType", "entityId", after)
      SELECT ${actor.workspaceId}, ${actor.userId}, ${actor.apiTokenId ?? null},
             ${rejected ? "handoff.rejected" : "handoff.accepted"}, 'Handoff', a.id,
             jsonb_build_object('leadId', a."leadId", 'status', ${input.status}::text, 'withinSla', ${now} <= a."firstDueAt")
               || ${JSON.stringify(details)}::jsonb
      FROM answered a
    )
    SELECT * FROM answered`;
  // A return also tells marketing, and the webhooks go out, in the same transaction: they exist exactly when the
  // answer does.
  const rows = await db.$transaction(async (tx) => {
    const answered = await statement(tx);
    const handoff = answered[0];
    if (!handoff) return answered;
    if (rejected) await notifyReturned(tx, actor, handoff.leadId, rejected.reason);
    await emitHandoffEvents(
      tx,
      actor.workspaceId,
      rejected ? "handoff.rejected" : "handoff.accepted",
      [handoff.id],
      now,
    );
    return answered;
  });
  const updated = rows[0];
  if (!updated) {
    // Reassigned between the read and the answer: measured again from the new assignment (once), or refused.
    const current = await db.handoff.findFirst({
      where: { id: handoffId, workspaceId: actor.workspaceId },
      select: { status: true, assignedAt: true },
    });
    if (!retried && current?.status === "OPEN" && current.assignedAt.getTime() !== started.assignedAt.getTime()) {
      return answer(actor, handoffId, input, now, true);
    }
    throw await refusal(actor, handoffId);
  }
  return updated;
}

/**
 * Tells marketing that sales returned a lead: the marketer who captured it
 * (the author of its first stage entry), or every marketer of the workspace
 * when it came in some other way (the API of an admin, a seed). In-app, and by
 * e-mail where mail is set up.
 */
async function notifyReturned(tx: Tx, actor: Actor, leadId: string, reason: RejectReason) {
  const [lead, first, marketers] = await Promise.all([
    tx.lead.findFirst({
      where: { id: leadId, workspaceId: actor.workspaceId },
      select: { name: true, email: true, company: true },
    }),
    tx.leadStageChange.findFirst({
      where: { workspaceId: actor.workspaceId, leadId },
      orderBy: { at: "asc" },
      select: { actorUserId: true },
    }),
    tx.membership.findMany({ where: { workspaceId: actor.workspaceId, role: "MARKETER" }, select: { userId: true } }),
  ]);
  if (!lead) return;
  const capturer = marketers.find((m) => m.userId === first?.actorUserId);
  await notify(tx, {
    workspaceId: actor.workspaceId,
    userIds: capturer ? [capturer.userId] : marketers.map((m) => m.userId),
    exceptUserId: actor.userId,
    kind: "handoffReturned",
    // The label every handoff notification uses (erasure finds the notifications naming a lead by it).
    params: { lead: leadLabel(lead), reason },
    href: `/leads/${leadId}`,
    mail: true,
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

/** Locks an open handoff for a manager's change; 404 elsewhere, 409 when it was answered meanwhile. */
async function lockOpen(tx: Tx, actor: Actor, handoffId: string): Promise<Handoff> {
  const rows = await tx.$queryRaw<Handoff[]>`
    SELECT * FROM "Handoff" WHERE id = ${handoffId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
  const handoff = rows[0];
  if (!handoff) throw notFound();
  if (handoff.status !== "OPEN") throw await refusal(actor, handoffId);
  return handoff;
}

/** A manager hands an open handoff to another rep (or manager) by hand; the new assignee gets a fresh clock. */
export async function reassignHandoff(actor: Actor, handoffId: string, toUserId: string, now = new Date()) {
  requirePermission(actor, "handoffs.assign");
  return db.$transaction(async (tx) => {
    const handoff = await lockOpen(tx, actor, handoffId);
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
