import "server-only";
import { db, type Tx } from "@/server/db";
import { leadLabel, lockCandidates, managerIds, moveHandoff } from "@/server/handoffs/assignment";
import { chooseAssignee } from "@/server/handoffs/routing";
import { slaVersion } from "@/server/handoffs/sla";
import { notify } from "@/server/notifications/service";
import { emitHandoffEvents, subscribed } from "@/server/webhooks/emit";

/**
 * The SLA's enforcement, run by the scheduler on every app server. Each sweep
 * claims due rows with `FOR UPDATE SKIP LOCKED` and re-checks them on the
 * locked row, so two servers never act on the same handoff twice, and a
 * handoff that fell due while no server ran is handled by the first sweep
 * after start-up — once, because handling it moves `dueAt` forward (a new
 * assignment) or sets `breachedAt`.
 */

const BATCH = 100;

export type SweepResult = { handled: number };
/** Limits a sweep to one workspace (tests, tooling); the scheduler sweeps them all. */
export type SweepScope = { workspaceId?: string };

/** Escalates every open handoff past its due time (up to `limit` per call). */
export async function sweepBreaches(now = new Date(), scope: SweepScope = {}, limit = 1_000): Promise<SweepResult> {
  let handled = 0;
  while (handled < limit) {
    // A batch of escalations (each notifies, locks the team, reassigns) may take seconds under load: not Prisma's 5 s.
    const n = await db.$transaction((tx) => breachBatch(tx, now, scope, Math.min(BATCH, limit - handled)), {
      timeout: 60_000,
    });
    handled += n;
    if (n === 0) break;
  }
  return { handled };
}

async function breachBatch(tx: Tx, now: Date, scope: SweepScope, size: number): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Handoff"
    WHERE status = 'OPEN' AND "breachedAt" IS NULL AND "dueAt" <= ${now}
      AND (${scope.workspaceId ?? null}::text IS NULL OR "workspaceId" = ${scope.workspaceId ?? null})
    ORDER BY "dueAt" LIMIT ${size}
    FOR UPDATE SKIP LOCKED`;
  // Whether each workspace sends handoff.breached anywhere, asked once per batch rather than per breach.
  const hooked = new Map<string, boolean>();
  const breachHooked = async (workspaceId: string) => {
    if (!hooked.has(workspaceId)) hooked.set(workspaceId, await subscribed(tx, workspaceId, ["handoff.breached"]));
    return hooked.get(workspaceId) ?? false;
  };
  for (const { id } of due) await escalate(tx, id, now, breachHooked);
  return due.length;
}

/**
 * One breach: record it, tell the rep and the managers, then reassign to the
 * next available rep (up to the SLA's K reassignments), else to a manager,
 * else leave it marked as breached with whoever has it.
 */
async function escalate(tx: Tx, handoffId: string, now: Date, breachHooked: (workspaceId: string) => Promise<boolean>) {
  const handoff = await tx.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  const sla = await slaVersion(tx, handoff.slaPolicyId);
  const workspaceId = handoff.workspaceId;
  const lead = await tx.lead.findUniqueOrThrow({
    where: { id: handoff.leadId },
    select: { name: true, email: true, company: true },
  });
  const params = { lead: leadLabel(lead), count: 1 };
  await tx.handoffEvent.create({
    data: { workspaceId, handoffId, kind: "BREACHED", at: now, fromUserId: handoff.assigneeId, details: {} },
  });
  const breached = await tx.handoff.update({ where: { id: handoffId }, data: { breachCount: { increment: 1 } } });
  // Sent with the assignee who let it fall due (a reassignment follows below).
  await emitHandoffEvents(tx, workspaceId, "handoff.breached", [handoffId], now, await breachHooked(workspaceId));
  if (handoff.assigneeId) {
    await notify(tx, {
      workspaceId,
      userIds: [handoff.assigneeId],
      kind: "handoffBreached",
      params,
      href: `/leads/${handoff.leadId}`,
      mail: true,
    });
  }
  await notify(tx, {
    workspaceId,
    userIds: await managerIds(tx, workspaceId),
    exceptUserId: handoff.assigneeId ?? undefined,
    kind: "handoffEscalated",
    params,
    href: `/handoffs?view=team&focus=${handoffId}`,
    mail: true,
  });

  const candidates = await lockCandidates(tx, workspaceId);
  const current = candidates.find((c) => c.userId === handoff.assigneeId);
  const exclude = new Set(handoff.assigneeId ? [handoff.assigneeId] : []);
  const rep =
    handoff.reassignCount < sla.maxReassignments
      ? chooseAssignee(candidates, { rule: null, now, exclude, repsOnly: true })
      : null;
  const manager =
    !rep && current?.role !== "MANAGER"
      ? chooseAssignee(
          candidates.filter((c) => c.role === "MANAGER"),
          { rule: null, now, exclude },
        )
      : null;
  const next = rep ?? manager;
  if (next) {
    await moveHandoff(tx, {
      handoff: breached,
      sla,
      toUserId: next.userId,
      kind: rep ? "REASSIGNED" : "ESCALATED",
      now,
      actorUserId: null,
      reason: "breach",
    });
  } else {
    // Nobody left to hand it to: it stays overdue with its assignee, flagged for managers.
    await tx.handoff.update({
      where: { id: handoffId },
      data: { breachedAt: now, dueSoonNotifiedAt: breached.dueSoonNotifiedAt ?? now },
    });
  }
}

/** Warns reps whose handoffs are about to fall due (once per assignment). */
export async function sweepDueSoon(now = new Date(), scope: SweepScope = {}, limit = 1_000): Promise<SweepResult> {
  let handled = 0;
  while (handled < limit) {
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; workspaceId: string; leadId: string; assigneeId: string | null }[]>`
        SELECT id, "workspaceId", "leadId", "assigneeId" FROM "Handoff"
        WHERE status = 'OPEN' AND "dueSoonNotifiedAt" IS NULL AND "dueSoonAt" <= ${now} AND "dueAt" > ${now}
          AND (${scope.workspaceId ?? null}::text IS NULL OR "workspaceId" = ${scope.workspaceId ?? null})
        ORDER BY "dueSoonAt" LIMIT ${Math.min(BATCH, limit - handled)}
        FOR UPDATE SKIP LOCKED`;
      for (const row of rows) {
        await tx.handoff.update({ where: { id: row.id }, data: { dueSoonNotifiedAt: now } });
        if (!row.assigneeId) continue;
        const lead = await tx.lead.findUniqueOrThrow({
          where: { id: row.leadId },
          select: { name: true, email: true, company: true },
        });
        await notify(tx, {
          workspaceId: row.workspaceId,
          userIds: [row.assigneeId],
          kind: "handoffDueSoon",
          params: { lead: leadLabel(lead), count: 1 },
          href: `/handoffs?focus=${row.id}`,
          mail: true,
        });
      }
      return rows.length;
    });
    handled += n;
    if (n === 0) break;
  }
  return { handled };
}
