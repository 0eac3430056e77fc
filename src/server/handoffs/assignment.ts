import "server-only";
import type { Handoff, SlaPolicy } from "@/generated/prisma/client";
import type { HandoffEventKind, Role } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { type Candidate, chooseAssignee, matchRule } from "@/server/handoffs/routing";
import { clockFor, currentSla, slaVersion } from "@/server/handoffs/sla";
import { notify } from "@/server/notifications/service";

/**
 * Handing MQLs to reps. Every assignment locks the workspace's sales reps and
 * managers (Membership rows, in one order) for the rest of its transaction, so
 * concurrent qualifications — from any number of app servers — take turns and
 * round-robin stays fair: each pick reads the `lastAssignedAt` the previous
 * one wrote.
 */

async function lockCandidates(tx: Tx, workspaceId: string): Promise<Candidate[]> {
  const rows = await tx.$queryRaw<
    { userId: string; role: Role; away: boolean; awayUntil: Date | null; lastAssignedAt: Date | null }[]
  >`SELECT "userId", role, away, "awayUntil", "lastAssignedAt" FROM "Membership"
    WHERE "workspaceId" = ${workspaceId} AND role IN ('SALES', 'MANAGER')
    ORDER BY "userId" FOR UPDATE`;
  return rows.map((r) => ({ ...r, lastAssignedAt: r.lastAssignedAt?.getTime() ?? null }));
}

/**
 * Records picks in memory (for the next pick of the same batch) and writes
 * them back. The stamps form a logical clock: each is later than every stamp
 * already stored, so the order holds even when picks share `now` or app
 * servers' clocks disagree by a few milliseconds.
 */
function recorder(candidates: Candidate[], now: Date) {
  let next = Math.max(now.getTime(), ...candidates.map((c) => (c.lastAssignedAt ?? 0) + 1));
  const touched = new Map<string, Date>();
  return {
    take(candidate: Candidate) {
      candidate.lastAssignedAt = next;
      touched.set(candidate.userId, new Date(next++));
    },
    async save(tx: Tx, workspaceId: string) {
      for (const [userId, at] of touched) {
        await tx.membership.update({
          where: { workspaceId_userId: { workspaceId, userId } },
          data: { lastAssignedAt: at },
        });
      }
    },
  };
}

async function managerIds(tx: Tx, workspaceId: string): Promise<string[]> {
  const managers = await tx.membership.findMany({
    where: { workspaceId, role: "MANAGER" },
    select: { userId: true },
  });
  return managers.map((m) => m.userId);
}

const leadLabel = (lead: { name: string; email: string; company: string }) =>
  [lead.name || lead.email, lead.company].filter(Boolean).join(" · ");

/**
 * Hands each lead (just become MQL, locked by the caller) to one rep under the
 * SLA in force. Runs in the transaction that made the leads MQL.
 */
export async function createHandoffs(
  tx: Tx,
  input: { workspaceId: string; leadIds: string[]; now: Date; actorUserId: string | null },
): Promise<Handoff[]> {
  if (input.leadIds.length === 0) return [];
  const { workspaceId, now } = input;
  const sla = await currentSla(tx, workspaceId);
  const { dueAt, dueSoonAt } = clockFor(sla, now);
  const rules = await tx.routingRule.findMany({ where: { workspaceId }, orderBy: { position: "asc" } });
  const leads = await tx.lead.findMany({
    where: { workspaceId, id: { in: input.leadIds } },
    select: {
      id: true,
      personaId: true,
      country: true,
      companySize: true,
      name: true,
      email: true,
      company: true,
      score: { select: { totalScore: true } },
    },
    orderBy: { id: "asc" },
  });
  const candidates = await lockCandidates(tx, workspaceId);
  const picks = recorder(candidates, now);
  const planned = leads.map((lead) => {
    const rule = matchRule(rules, lead);
    const assignee = chooseAssignee(candidates, { rule, now });
    if (assignee) picks.take(assignee);
    return { lead, rule, assigneeId: assignee?.userId ?? null };
  });
  const handoffs = await tx.handoff.createManyAndReturn({
    data: planned.map((p) => ({
      workspaceId,
      leadId: p.lead.id,
      openLeadId: p.lead.id,
      slaPolicyId: sla.id,
      assigneeId: p.assigneeId,
      routingRuleId: p.rule?.id ?? null,
      handedOffAt: now,
      scoreAtHandoff: p.lead.score?.totalScore ?? null,
      assignedAt: now,
      dueAt,
      firstDueAt: dueAt,
      dueSoonAt,
    })),
  });
  await tx.handoffEvent.createMany({
    data: handoffs.map((h) => ({
      workspaceId,
      handoffId: h.id,
      kind: "ASSIGNED" as const,
      at: now,
      actorUserId: input.actorUserId,
      toUserId: h.assigneeId,
      details: { routingRuleId: h.routingRuleId, slaVersion: sla.version },
    })),
  });
  await picks.save(tx, workspaceId);

  const byAssignee = new Map<string | null, { handoff: Handoff; lead: (typeof leads)[number] }[]>();
  const leadById = new Map(leads.map((l) => [l.id, l]));
  for (const handoff of handoffs) {
    const lead = leadById.get(handoff.leadId);
    if (!lead) continue;
    const list = byAssignee.get(handoff.assigneeId) ?? [];
    list.push({ handoff, lead });
    byAssignee.set(handoff.assigneeId, list);
  }
  for (const [assigneeId, items] of byAssignee) {
    if (assigneeId) {
      await tx.lead.updateMany({
        where: { workspaceId, id: { in: items.map((i) => i.lead.id) } },
        data: { ownerId: assigneeId },
      });
    }
    const first = items[0];
    if (!first) continue;
    const single = items.length === 1;
    await notify(tx, {
      workspaceId,
      userIds: assigneeId ? [assigneeId] : await managerIds(tx, workspaceId),
      kind: assigneeId ? (single ? "handoffAssigned" : "handoffsAssigned") : "handoffUnassigned",
      params: single ? { lead: leadLabel(first.lead), count: 1 } : { lead: leadLabel(first.lead), count: items.length },
      href: single ? `/handoffs?focus=${first.handoff.id}` : "/handoffs",
      mail: true,
    });
  }
  return handoffs;
}

/**
 * Moves an open, locked handoff to another person with a fresh clock under its
 * own SLA version. `kind` says why (REASSIGNED by a manager or after a breach,
 * ESCALATED to a manager). Notifies both sides.
 */
export async function moveHandoff(
  tx: Tx,
  input: {
    handoff: Handoff;
    sla: SlaPolicy;
    toUserId: string;
    kind: Extract<HandoffEventKind, "REASSIGNED" | "ESCALATED">;
    now: Date;
    actorUserId: string | null;
    reason: string;
  },
) {
  const { handoff, now } = input;
  const { dueAt, dueSoonAt } = clockFor(input.sla, now);
  const updated = await tx.handoff.update({
    where: { id: handoff.id },
    data: {
      assigneeId: input.toUserId,
      assignedAt: now,
      dueAt,
      dueSoonAt,
      dueSoonNotifiedAt: null,
      breachedAt: null,
      reassignCount: { increment: 1 },
    },
  });
  const candidates = await lockCandidates(tx, handoff.workspaceId);
  const target = candidates.find((c) => c.userId === input.toUserId);
  if (target) {
    const picks = recorder(candidates, now);
    picks.take(target);
    await picks.save(tx, handoff.workspaceId);
  }
  await tx.lead.update({ where: { id: handoff.leadId }, data: { ownerId: input.toUserId } });
  await tx.handoffEvent.create({
    data: {
      workspaceId: handoff.workspaceId,
      handoffId: handoff.id,
      kind: input.kind,
      at: now,
      actorUserId: input.actorUserId,
      fromUserId: handoff.assigneeId,
      toUserId: input.toUserId,
      details: { reason: input.reason },
    },
  });
  const lead = await tx.lead.findUniqueOrThrow({
    where: { id: handoff.leadId },
    select: { name: true, email: true, company: true },
  });
  const params = { lead: leadLabel(lead), count: 1 };
  const href = `/handoffs?focus=${handoff.id}`;
  await notify(tx, {
    workspaceId: handoff.workspaceId,
    userIds: [input.toUserId],
    exceptUserId: input.actorUserId ?? undefined,
    kind: "handoffAssigned",
    params,
    href,
    mail: true,
  });
  if (handoff.assigneeId && handoff.assigneeId !== input.toUserId) {
    await notify(tx, {
      workspaceId: handoff.workspaceId,
      userIds: [handoff.assigneeId],
      exceptUserId: input.actorUserId ?? undefined,
      kind: "handoffReassignedAway",
      params,
      href: `/leads/${handoff.leadId}`,
    });
  }
  return updated;
}

export { leadLabel, lockCandidates, managerIds };

/**
 * A member who can no longer answer handoffs (removed, or given a role without
 * handoffs) hands their open ones to the next available rep — or a manager —
 * at once, with a fresh clock, instead of leaving them to breach.
 */
export async function handOverOpenHandoffs(
  tx: Tx,
  input: { workspaceId: string; userId: string; now: Date; actorUserId: string | null },
) {
  const open = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Handoff"
    WHERE "workspaceId" = ${input.workspaceId} AND "assigneeId" = ${input.userId} AND status = 'OPEN'
    ORDER BY "dueAt" FOR UPDATE`;
  const exclude = new Set([input.userId]);
  for (const { id } of open) {
    const handoff = await tx.handoff.findUniqueOrThrow({ where: { id } });
    const sla = await slaVersion(tx, handoff.slaPolicyId);
    // Read again each time: the previous move stamped its pick.
    const candidates = await lockCandidates(tx, input.workspaceId);
    const next = chooseAssignee(candidates, { rule: null, now: input.now, exclude });
    if (next) {
      await moveHandoff(tx, {
        handoff,
        sla,
        toUserId: next.userId,
        kind: "REASSIGNED",
        now: input.now,
        actorUserId: input.actorUserId,
        reason: "memberLeft",
      });
    } else {
      await tx.handoff.update({ where: { id }, data: { assigneeId: null } });
      const lead = await tx.lead.findUniqueOrThrow({
        where: { id: handoff.leadId },
        select: { name: true, email: true, company: true },
      });
      await notify(tx, {
        workspaceId: input.workspaceId,
        userIds: await managerIds(tx, input.workspaceId),
        kind: "handoffUnassigned",
        params: { lead: leadLabel(lead), count: 1 },
        href: `/handoffs?view=team&focus=${id}`,
        mail: true,
      });
    }
  }
  return open.length;
}
