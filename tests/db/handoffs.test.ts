import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { leaderboard } from "@/server/goals/progress";
import { acceptHandoff, reassignHandoff, rejectHandoff } from "@/server/handoffs/answer";
import { createHandoffs } from "@/server/handoffs/assignment";
import { progressDeal } from "@/server/handoffs/deals";
import { listOpenHandoffs, listReturnedLeads, openHandoffCount } from "@/server/handoffs/queries";
import { currentSla, slaInputOf, updateSla, ZSlaInput } from "@/server/handoffs/sla";
import { sweepBreaches, sweepDueSoon } from "@/server/handoffs/sweeps";
import { saveRoutingRules, setAvailability } from "@/server/handoffs/team";
import { captureLead, recordLeadEvent } from "@/server/leads/service";
import { changeMemberRole, removeMember } from "@/server/members/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { slaMetrics } from "@/server/metrics/sla";
import { addMember, freshWorkspace } from "@/server/seed/factories";
import { outcome } from "../support/outcome";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;

// Tuesday 24 November 2026, 10:00 in Rome: inside working hours.
const TUESDAY_10 = new Date("2026-11-24T09:00:00Z");
const HOUR = 3_600_000;

let serial = 0;
/** Makes `count` MQL leads directly (fast path for volume tests) and hands them off in one transaction. */
async function mqls(ws: Ws, count: number, now = TUESDAY_10, extra: { country?: string } = {}) {
  const leads = await db.lead.createManyAndReturn({
    data: Array.from({ length: count }, () => ({
      workspaceId: ws.workspace.id,
      email: `mql-${++serial}-${Math.random().toString(36).slice(2)}@acme.test`,
      name: `Lead ${serial}`,
      channel: "EVENTS" as const,
      stage: "MQL" as const,
      mqlAt: now,
      country: extra.country ?? "",
    })),
    select: { id: true },
  });
  const ids = leads.map((l) => l.id);
  await db.leadScore.updateMany({ where: { leadId: { in: ids } }, data: { qualifies: true } });
  return db.$transaction((tx) =>
    createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: ids, now, actorUserId: null }),
  );
}

/** The real path: a captured lead whose events cross the threshold. */
async function qualify(ws: Ws, email: string, now = TUESDAY_10) {
  const { lead } = await db.$transaction((tx) => captureLead(tx, ws.marketer, { email, name: "Ada" }, now));
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    await db.$transaction((tx) => recordLeadEvent(tx, ws.marketer, lead.id, { type }, now));
  }
  return lead.id;
}

describe("handing an MQL to sales", () => {
  it("keeps the score the lead crossed the threshold with, beside today's (which decays)", async () => {
    const ws = await freshWorkspace();
    const leadId = await qualify(ws, "crossed@acme.test");
    const [handoff] = await db.handoff.findMany({ where: { leadId } });
    const score = await db.leadScore.findUniqueOrThrow({ where: { leadId } });
    expect(handoff?.scoreAtHandoff).toBe(score.totalScore);
    expect(score.totalScore).toBeGreaterThanOrEqual(60);
  });

  it("a lead crossing the threshold gets one handoff, due 4 business hours later, owned by the rep", async () => {
    const ws = await freshWorkspace();
    const leadId = await qualify(ws, "ada@acme.test");
    const handoffs = await db.handoff.findMany({ where: { leadId } });
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      status: "OPEN",
      assigneeId: ws.sales.userId,
      dueAt: new Date(TUESDAY_10.getTime() + 4 * HOUR),
      firstDueAt: new Date(TUESDAY_10.getTime() + 4 * HOUR),
      dueSoonAt: new Date(TUESDAY_10.getTime() + 3 * HOUR),
    });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
    expect(lead).toMatchObject({ stage: "MQL", ownerId: ws.sales.userId });
    const notes = await db.notification.findMany({ where: { userId: ws.sales.userId, workspaceId: ws.workspace.id } });
    expect(notes.map((n) => n.kind)).toEqual(["handoffAssigned"]);
    expect(await openHandoffCount(ws.sales)).toBe(1);
    const inbox = await listOpenHandoffs(ws.sales);
    expect(inbox.handoffs.map((h) => h.lead.id)).toEqual([leadId]);
  });

  it("the database allows one open handoff per lead; once answered, the lead can be handed off again", async () => {
    const ws = await freshWorkspace();
    const [first] = await mqls(ws, 1);
    if (!first) throw new Error("no handoff");
    const again = () =>
      db.$transaction((tx) =>
        createHandoffs(tx, {
          workspaceId: ws.workspace.id,
          leadIds: [first.leadId],
          now: TUESDAY_10,
          actorUserId: null,
        }),
      );
    await expect(again()).rejects.toThrow(/Unique constraint/);
    await rejectHandoff(ws.sales, first.id, { reason: "TIMING", note: "" });
    expect((await db.handoff.findUniqueOrThrow({ where: { id: first.id } })).openLeadId).toBeNull();
    const [second] = await again();
    expect(second?.openLeadId).toBe(first.leadId);
  });

  it("round-robin is fair when many leads qualify at once, in one batch or in concurrent transactions", async () => {
    const ws = await freshWorkspace();
    const reps = [ws.sales, await addMember(ws.workspace.id, "SALES"), await addMember(ws.workspace.id, "SALES")];
    await mqls(ws, 30);
    // Thirty concurrent single-lead transactions (as from thirty API requests).
    await Promise.all(Array.from({ length: 30 }, () => mqls(ws, 1)));
    const counts = await db.handoff.groupBy({
      by: ["assigneeId"],
      where: { workspaceId: ws.workspace.id },
      _count: true,
    });
    expect(counts.map((c) => c._count).sort()).toEqual([20, 20, 20]);
    expect(new Set(counts.map((c) => c.assigneeId))).toEqual(new Set(reps.map((r) => r.userId)));
  });

  it("skips reps marked away, routes by rule, and falls back to a manager when no rep is available", async () => {
    const ws = await freshWorkspace();
    const italy = await addMember(ws.workspace.id, "SALES", "italy");
    await saveRoutingRules(ws.manager, {
      rules: [
        {
          name: "Italy",
          personaId: null,
          countries: ["IT"],
          companySizeMin: null,
          companySizeMax: null,
          repUserIds: [italy.userId],
        },
      ],
    });
    const [it1, it2] = await mqls(ws, 2, TUESDAY_10, { country: "IT" });
    expect([it1?.assigneeId, it2?.assigneeId]).toEqual([italy.userId, italy.userId]);
    const [other] = await mqls(ws, 1, TUESDAY_10, { country: "FR" });
    // No rule for France: round-robin over every rep; the Italy rep has had two already.
    expect(other?.assigneeId).toBe(ws.sales.userId);

    await setAvailability(italy, { userId: italy.userId, away: true, awayUntil: null }, TUESDAY_10);
    const [whileAway] = await mqls(ws, 1, TUESDAY_10, { country: "IT" });
    expect(whileAway?.assigneeId).toBe(ws.sales.userId);

    await setAvailability(ws.manager, { userId: ws.sales.userId, away: true, awayUntil: null }, TUESDAY_10);
    const [nobodyLeft] = await mqls(ws, 1);
    expect(nobodyLeft?.assigneeId).toBe(ws.manager.userId);
    // A rep cannot mark someone else away.
    expect(await outcome(setAvailability(italy, { userId: ws.sales.userId, away: false, awayUntil: null }))).toBe(
      "forbidden",
    );
  });
});

describe("when a rep leaves", () => {
  it("their open handoffs go to the other reps at once (removal or a role without handoffs)", async () => {
    const ws = await freshWorkspace();
    const second = await addMember(ws.workspace.id, "SALES");
    const third = await addMember(ws.workspace.id, "SALES");
    await mqls(ws, 6);
    const held = await db.handoff.findMany({ where: { workspaceId: ws.workspace.id, assigneeId: ws.sales.userId } });
    expect(held).toHaveLength(2);
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, userId: ws.sales.userId },
    });
    await removeMember(ws.admin, { membershipId: membership.id });
    const after = await db.handoff.findMany({ where: { id: { in: held.map((h) => h.id) } } });
    expect(after.map((h) => h.assigneeId).sort()).toEqual([second.userId, third.userId].sort());
    expect(after.every((h) => h.reassignCount === 1)).toBe(true);

    const secondMembership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, userId: second.userId },
    });
    await changeMemberRole(ws.admin, { membershipId: secondMembership.id, role: "MARKETER" });
    expect(await db.handoff.count({ where: { assigneeId: second.userId, status: "OPEN" } })).toBe(0);
    expect(await db.handoff.count({ where: { workspaceId: ws.workspace.id, assigneeId: third.userId } })).toBe(6);
  });
});

describe("answering a handoff", () => {
  it("accept moves the lead to SQL with events and an audit entry", async () => {
    const ws = await freshWorkspace();
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    await acceptHandoff(ws.sales, handoff.id, new Date(TUESDAY_10.getTime() + HOUR));
    const lead = await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } });
    expect(lead.stage).toBe("SQL");
    expect(lead.sqlAt).not.toBeNull();
    const after = await db.handoff.findUniqueOrThrow({
      where: { id: handoff.id },
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    expect(after).toMatchObject({ status: "ACCEPTED", answeredById: ws.sales.userId, responseMinutes: 60 });
    expect(after.events.map((e) => e.kind)).toEqual(["ASSIGNED", "ACCEPTED"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: handoff.id, action: "handoff.accepted" } });
    expect(audit.after).toMatchObject({ withinSla: true });
    const log = await db.leadStageChange.findMany({ where: { leadId: lead.id } });
    expect(log.map((c) => [c.fromStage, c.toStage, c.reason])).toEqual([["MQL", "SQL", "handoffAccepted"]]);
  });

  it("a return tells the marketer who captured the lead (in-app and by mail), and every marketer when nobody did", async () => {
    const ws = await freshWorkspace();
    const other = await addMember(ws.workspace.id, "MARKETER");
    const captured = await qualify(ws, "returned@acme.test");
    const handoff = await db.handoff.findFirstOrThrow({ where: { leadId: captured, status: "OPEN" } });
    await rejectHandoff(handoff.assigneeId === ws.manager.userId ? ws.manager : ws.sales, handoff.id, {
      reason: "NO_BUDGET",
      note: "",
    });
    const notes = await db.notification.findMany({ where: { workspaceId: ws.workspace.id, kind: "handoffReturned" } });
    expect(notes.map((n) => [n.userId, n.params, n.href])).toEqual([
      [ws.marketer.userId, { lead: "Ada", reason: "NO_BUDGET" }, `/leads/${captured}`],
    ]);

    // Handed off without a capturing marketer (made directly): every marketer hears of it.
    const [orphan] = await mqls(ws, 1);
    if (!orphan) throw new Error("no handoff");
    await rejectHandoff(ws.manager, orphan.id, { reason: "SPAM", note: "" });
    const forOrphan = await db.notification.findMany({
      where: { workspaceId: ws.workspace.id, kind: "handoffReturned", href: `/leads/${orphan.leadId}` },
    });
    expect(forOrphan.map((n) => n.userId).sort()).toEqual([ws.marketer.userId, other.userId].sort());
    // An accept tells nobody in marketing.
    const [accepted] = await mqls(ws, 1);
    if (!accepted) throw new Error("no handoff");
    await acceptHandoff(ws.manager, accepted.id);
    expect(await db.notification.count({ where: { href: `/leads/${accepted.leadId}`, kind: "handoffReturned" } })).toBe(
      0,
    );
  });

  it("reject sends the lead back to marketing or out of the funnel by reason, and shows in Returned leads", async () => {
    const ws = await freshWorkspace();
    const [timing, spam] = await mqls(ws, 2);
    if (!timing || !spam) throw new Error("no handoffs");
    await rejectHandoff(ws.sales, timing.id, { reason: "TIMING", note: "Budget opens in Q2" });
    await rejectHandoff(ws.manager, spam.id, { reason: "SPAM", note: "" });
    const stages = await db.lead.findMany({
      where: { id: { in: [timing.leadId, spam.leadId] } },
      select: { id: true, stage: true },
    });
    expect(Object.fromEntries(stages.map((s) => [s.id, s.stage]))).toEqual({
      [timing.leadId]: "NURTURE",
      [spam.leadId]: "DISQUALIFIED",
    });
    const returned = await listReturnedLeads(ws.marketer, {});
    expect(returned.rows.map((r) => [r.lead.id, r.rejectReason, r.note])).toEqual(
      expect.arrayContaining([
        [timing.leadId, "TIMING", "Budget opens in Q2"],
        [spam.leadId, "SPAM", ""],
      ]),
    );
    expect((await listReturnedLeads(ws.marketer, { reason: "SPAM" })).rows.map((r) => r.lead.id)).toEqual([
      spam.leadId,
    ]);
  });

  it("only the assignee or a manager answers; other workspaces see nothing", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const otherRep = await addMember(ws.workspace.id, "SALES");
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    // The second rep was added after the assignment, so the handoff is the first rep's.
    expect(handoff.assigneeId).toBe(ws.sales.userId);
    expect(await outcome(acceptHandoff(otherRep, handoff.id))).toBe("forbidden");
    expect(await outcome(acceptHandoff(ws.marketer, handoff.id))).toBe("forbidden");
    expect(await outcome(acceptHandoff(other.sales, handoff.id))).toBe("notFound");
    expect(await outcome(acceptHandoff(other.manager, handoff.id))).toBe("notFound");
    expect(await outcome(reassignHandoff(ws.sales, handoff.id, otherRep.userId))).toBe("forbidden");
    expect(await outcome(reassignHandoff(ws.manager, handoff.id, other.sales.userId))).toBe("validation");
    await reassignHandoff(ws.manager, handoff.id, otherRep.userId);
    expect(await outcome(acceptHandoff(ws.sales, handoff.id))).toBe("forbidden");
    expect(await outcome(acceptHandoff(otherRep, handoff.id))).toBe("ok");
    expect(await outcome(rejectHandoff(otherRep, handoff.id, { reason: "TIMING", note: "" }))).toBe("alreadyAnswered");
  });

  it("50 concurrent accepts of one handoff: exactly one succeeds", async () => {
    const ws = await freshWorkspace();
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    const results = await Promise.all(Array.from({ length: 50 }, () => outcome(acceptHandoff(ws.sales, handoff.id))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "alreadyAnswered")).toHaveLength(49);
    expect(await db.handoffEvent.count({ where: { handoffId: handoff.id, kind: "ACCEPTED" } })).toBe(1);
    expect(await db.leadStageChange.count({ where: { leadId: handoff.leadId } })).toBe(1);
  });

  it("1,000 handoffs each raced by the rep (accept) and a manager (reject): state and events agree", async () => {
    const ws = await freshWorkspace();
    const handoffs = await mqls(ws, 1_000);
    for (let i = 0; i < handoffs.length; i += 50) {
      await Promise.all(
        handoffs.slice(i, i + 50).map(async (h) => {
          const results = await Promise.all([
            outcome(acceptHandoff(ws.sales, h.id)),
            outcome(rejectHandoff(ws.manager, h.id, { reason: "NO_BUDGET", note: "" })),
          ]);
          expect(results.filter((r) => r === "ok")).toHaveLength(1);
          expect(results.filter((r) => r === "alreadyAnswered")).toHaveLength(1);
        }),
      );
    }
    const rows = await db.$queryRaw<{ bad: bigint }[]>`
      SELECT count(*) AS bad FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId"
      WHERE h."workspaceId" = ${ws.workspace.id} AND (
        NOT ((h.status = 'ACCEPTED' AND l.stage = 'SQL') OR (h.status = 'REJECTED' AND l.stage = 'NURTURE'))
        OR (SELECT count(*) FROM "HandoffEvent" e WHERE e."handoffId" = h.id AND e.kind IN ('ACCEPTED', 'REJECTED')) <> 1
        OR (SELECT count(*) FROM "LeadStageChange" c WHERE c."leadId" = h."leadId") <> 1)`;
    expect(Number(rows[0]?.bad)).toBe(0);
    expect(await db.handoff.count({ where: { workspaceId: ws.workspace.id, status: "OPEN" } })).toBe(0);
  }, 120_000);
});

describe("SLA enforcement", () => {
  it("a breach found after downtime is escalated once: reassigned to the next rep with a fresh clock", async () => {
    const ws = await freshWorkspace();
    const second = await addMember(ws.workspace.id, "SALES");
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    // The app was down from Tuesday 11:00 until Wednesday 15:00 (the handoff fell due at 14:00 on Tuesday).
    const restart = new Date("2026-11-25T14:00:00Z");
    const scope = { workspaceId: ws.workspace.id };
    expect(await sweepBreaches(new Date(TUESDAY_10.getTime() + 3 * HOUR), scope)).toEqual({ handled: 0 });
    expect(await sweepBreaches(restart, scope)).toEqual({ handled: 1 });
    expect(await sweepBreaches(restart, scope)).toEqual({ handled: 0 });
    const after = await db.handoff.findUniqueOrThrow({
      where: { id: handoff.id },
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    expect(after).toMatchObject({
      assigneeId: second.userId,
      reassignCount: 1,
      breachCount: 1,
      // Wednesday 15:00 Rome + 4 business hours = Thursday 10:00 Rome.
      dueAt: new Date("2026-11-26T09:00:00Z"),
      firstDueAt: handoff.firstDueAt,
    });
    expect(after.events.map((e) => e.kind)).toEqual(["ASSIGNED", "BREACHED", "REASSIGNED"]);
    const kinds = async (userId: string) =>
      (await db.notification.findMany({ where: { userId, workspaceId: ws.workspace.id } })).map((n) => n.kind).sort();
    expect(await kinds(ws.sales.userId)).toEqual(["handoffAssigned", "handoffBreached", "handoffReassignedAway"]);
    expect(await kinds(second.userId)).toEqual(["handoffAssigned"]);
    expect(await kinds(ws.manager.userId)).toEqual(["handoffEscalated"]);
    expect((await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } })).ownerId).toBe(second.userId);
  });

  it("after K reassignments the handoff goes to a manager; a manager's breach is only flagged", async () => {
    const ws = await freshWorkspace();
    await addMember(ws.workspace.id, "SALES");
    const current = slaInputOf(await currentSla(db, ws.workspace.id));
    await updateSla(ws.manager, ZSlaInput.parse({ ...current, maxReassignments: 1 }));
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    const day = 24 * HOUR;
    const scope = { workspaceId: ws.workspace.id };
    await sweepBreaches(new Date(TUESDAY_10.getTime() + day), scope); // → second rep
    await sweepBreaches(new Date(TUESDAY_10.getTime() + 2 * day), scope); // → manager
    await sweepBreaches(new Date(TUESDAY_10.getTime() + 3 * day), scope); // flagged
    expect(await sweepBreaches(new Date(TUESDAY_10.getTime() + 4 * day), scope)).toEqual({ handled: 0 });
    const after = await db.handoff.findUniqueOrThrow({
      where: { id: handoff.id },
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    expect(after.assigneeId).toBe(ws.manager.userId);
    expect(after.breachCount).toBe(3);
    expect(after.breachedAt).not.toBeNull();
    expect(after.events.map((e) => e.kind)).toEqual([
      "ASSIGNED",
      "BREACHED",
      "REASSIGNED",
      "BREACHED",
      "ESCALATED",
      "BREACHED",
    ]);
  });

  it("two workers sweeping at once escalate each breach once", async () => {
    const ws = await freshWorkspace();
    await addMember(ws.workspace.id, "SALES");
    const handoffs = await mqls(ws, 150);
    const later = new Date(TUESDAY_10.getTime() + 24 * HOUR);
    const scope = { workspaceId: ws.workspace.id };
    const [a, b] = await Promise.all([sweepBreaches(later, scope), sweepBreaches(later, scope)]);
    expect((a?.handled ?? 0) + (b?.handled ?? 0)).toBe(150);
    const breached = await db.handoffEvent.groupBy({
      by: ["handoffId"],
      where: { workspaceId: ws.workspace.id, kind: "BREACHED" },
      _count: true,
    });
    expect(breached).toHaveLength(handoffs.length);
    expect(breached.every((g) => g._count === 1)).toBe(true);
  });

  it("warns the rep once when the due time is near", async () => {
    const ws = await freshWorkspace();
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    const soon = new Date(TUESDAY_10.getTime() + 3.5 * HOUR);
    await sweepDueSoon(soon, { workspaceId: ws.workspace.id });
    await sweepDueSoon(soon, { workspaceId: ws.workspace.id });
    const warnings = await db.notification.count({
      where: { userId: ws.sales.userId, workspaceId: ws.workspace.id, kind: "handoffDueSoon" },
    });
    expect(warnings).toBe(1);
  });

  it("a new SLA version applies to new handoffs; open ones keep theirs", async () => {
    const ws = await freshWorkspace();
    const [before] = await mqls(ws, 1);
    const v1 = await currentSla(db, ws.workspace.id);
    const v2 = await updateSla(ws.manager, ZSlaInput.parse({ ...slaInputOf(v1), responseHours: 1, note: "Faster" }));
    expect(v2.version).toBe(2);
    const [after] = await mqls(ws, 1);
    expect(before?.slaPolicyId).toBe(v1.id);
    expect(after?.slaPolicyId).toBe(v2.id);
    expect(after?.dueAt).toEqual(new Date(TUESDAY_10.getTime() + HOUR));
    expect(await outcome(updateSla(ws.sales, slaInputOf(v1)))).toBe("forbidden");
    expect(await db.auditLog.count({ where: { workspaceId: ws.workspace.id, action: "sla.updated" } })).toBe(1);
  });
});

describe("after the handoff", () => {
  it("the owner moves an SQL to opportunity and won; other reps cannot", async () => {
    const ws = await freshWorkspace();
    const otherRep: Actor = await addMember(ws.workspace.id, "SALES");
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    await acceptHandoff(ws.sales, handoff.id);
    expect(
      await outcome(progressDeal(ws.sales, handoff.leadId, { step: "won", amount: 1, closedOn: romeDay(new Date()) })),
    ).toBe("ok");
    const [second] = await mqls(ws, 1);
    if (!second) throw new Error("no handoff");
    const owner = second.assigneeId === ws.sales.userId ? ws.sales : otherRep;
    const notOwner = owner === ws.sales ? otherRep : ws.sales;
    await acceptHandoff(owner, second.id);
    expect(
      await outcome(
        progressDeal(notOwner, second.leadId, { step: "opportunity", amount: 5000, expectedCloseDate: "2027-01-31" }),
      ),
    ).toBe("forbidden");
    await progressDeal(owner, second.leadId, { step: "opportunity", amount: 5000, expectedCloseDate: "2027-01-31" });
    expect(
      await outcome(
        progressDeal(owner, second.leadId, { step: "opportunity", amount: 1, expectedCloseDate: "2027-01-31" }),
      ),
    ).toBe("conflict");
    await progressDeal(owner, second.leadId, { step: "won", amount: 4800, closedOn: romeDay(new Date()) });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: second.leadId } });
    expect(lead.stage).toBe("CUSTOMER");
    expect(Number(lead.wonAmount)).toBe(4800);
    expect(Number(lead.opportunityAmount)).toBe(5000);
    const log = await db.leadStageChange.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(log.map((c) => c.toStage)).toEqual(["SQL", "OPPORTUNITY", "CUSTOMER"]);
  });

  it("dates a win within its window: not before the current stage, not in the future; today is the moment of the action", async () => {
    const ws = await freshWorkspace();
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    await acceptHandoff(ws.sales, handoff.id);
    const accepted = await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } });
    const day = (offset: number) => romeDay(new Date(accepted.stageEnteredAt.getTime() + offset * 86_400_000));
    const won = (closedOn: string, now?: Date) =>
      progressDeal(ws.sales, handoff.leadId, { step: "won", amount: 900, closedOn }, now);
    await expect(won(day(-1))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "step.closedOn": ["closeBeforeStage"] },
    });
    await expect(won(day(1))).rejects.toMatchObject({ fieldErrors: { "step.closedOn": ["closeInFuture"] } });
    expect((await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } })).stage).toBe("SQL");

    // Marked won three days later for the day after the acceptance: noon of that day in the workspace's zone.
    const later = new Date(accepted.stageEnteredAt.getTime() + 3 * 86_400_000);
    await won(day(1), later);
    const lead = await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } });
    expect(lead.customerAt).toEqual(fromZonedTime(`${day(1)}T12:00:00`, "Europe/Rome"));
    expect(lead.stageEnteredAt).toEqual(lead.customerAt);
  });

  it("records a win dated today at the moment it is marked, not at noon", async () => {
    const ws = await freshWorkspace();
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    await acceptHandoff(ws.sales, handoff.id);
    const before = Date.now();
    await progressDeal(ws.sales, handoff.leadId, { step: "won", amount: 900, closedOn: romeDay(new Date()) });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: handoff.leadId } });
    expect(lead.customerAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(lead.customerAt?.getTime()).toBeLessThanOrEqual(Date.now());
    const change = await db.leadStageChange.findFirstOrThrow({ where: { leadId: lead.id, toStage: "CUSTOMER" } });
    expect(change.at).toEqual(lead.customerAt);
  });
});

describe("SLA figures: each assignment on its own clock, the headline equals the table", () => {
  it("a breach stays with the rep who let it happen; the next rep's fast answer is in time, timed from their assignment", async () => {
    const ws = await freshWorkspace();
    const repB = await addMember(ws.workspace.id, "SALES");
    const current = slaInputOf(await currentSla(db, ws.workspace.id));
    await updateSla(ws.manager, ZSlaInput.parse({ ...current, responseHours: 0.25, dueSoonMinutes: 5 }));
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    const repA = handoff.assigneeId === ws.sales.userId ? ws.sales : repB;
    const other = repA === ws.sales ? repB : ws.sales;
    // A lets the 15 business minutes pass: the sweep breaches it and hands it to B with a fresh clock.
    const breachAt = new Date(TUESDAY_10.getTime() + 16 * 60_000);
    await sweepBreaches(breachAt, { workspaceId: ws.workspace.id });
    const moved = await db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(moved.assigneeId).toBe(other.userId);
    // B answers 2 min 48 s after their assignment.
    await acceptHandoff(other, handoff.id, new Date(breachAt.getTime() + 168_000));
    // And a second handoff answered by A within seconds: it counts at once, not when its due time passes.
    const [fast] = await mqls(ws, 1, new Date(breachAt.getTime() + 200_000));
    if (!fast) throw new Error("no handoff");
    const fastAnswerer = fast.assigneeId === repA.userId ? repA : other;
    await acceptHandoff(fastAnswerer, fast.id, new Date(breachAt.getTime() + 208_000));

    const now = new Date(breachAt.getTime() + 300_000);
    const m = await slaMetrics(ws.manager, ZMetricsFilter.parse({ from: "2026-11-24", to: "2026-11-24" }), now);
    const rowOf = (actor: Actor) => m.byRep.find((r) => r.userId === actor.userId);
    expect(rowOf(repA)).toMatchObject({ breaches: 1, reassigned: 1 });
    const b = rowOf(other);
    expect(b).toMatchObject({ breaches: 0 });
    // B's answer: in time on B's own clock, 2.8 minutes from B's assignment (not 18.8 from the handoff).
    const bResponse = await db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(bResponse.responseMinutes).toBeCloseTo(2.8, 6);
    expect(m.compliance).toEqual({ decided: 3, inTime: 2, late: 0, breached: 1, rate: 2 / 3 });
    // The headline is the table's totals.
    const sum = (key: "decided" | "inTime" | "late" | "breaches") => m.byRep.reduce((total, r) => total + r[key], 0);
    expect([sum("decided"), sum("inTime"), sum("late"), sum("breaches")]).toEqual([
      m.compliance.decided,
      m.compliance.inTime,
      m.compliance.late,
      m.compliance.breached,
    ]);
    // The goals leaderboard ranks on the same per-rep figures: B is not charged A's breach.
    const board = await leaderboard(ws.manager, "2026-11", now);
    const ranked = board.reps.find((r) => r.userId === other.userId);
    expect(ranked?.compliance).toBe(1);
  });

  it("an answer after the same rep's own breach stays one breach, not also a late answer", async () => {
    const ws = await freshWorkspace();
    const current = slaInputOf(await currentSla(db, ws.workspace.id));
    // Nobody to reassign to: the breach is only flagged and the rep keeps the handoff.
    await updateSla(
      ws.manager,
      ZSlaInput.parse({ ...current, responseHours: 0.25, dueSoonMinutes: 5, maxReassignments: 0 }),
    );
    await setAvailability(ws.manager, { userId: ws.manager.userId, away: true, awayUntil: null });
    const [handoff] = await mqls(ws, 1);
    if (!handoff) throw new Error("no handoff");
    expect(handoff.assigneeId).toBe(ws.sales.userId);
    await sweepBreaches(new Date(TUESDAY_10.getTime() + 20 * 60_000), { workspaceId: ws.workspace.id });
    expect(await db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({
      assigneeId: ws.sales.userId,
      breachCount: 1,
    });
    await acceptHandoff(ws.sales, handoff.id, new Date(TUESDAY_10.getTime() + 40 * 60_000));
    const m = await slaMetrics(
      ws.manager,
      ZMetricsFilter.parse({ from: "2026-11-24", to: "2026-11-24" }),
      new Date(TUESDAY_10.getTime() + HOUR),
    );
    expect(m.compliance).toMatchObject({ decided: 1, inTime: 0, late: 0, breached: 1 });
    expect(m.responseHours.answered).toBe(1);
  });
});

function romeDay(at: Date): string {
  return formatInTimeZone(at, "Europe/Rome", "yyyy-MM-dd");
}
