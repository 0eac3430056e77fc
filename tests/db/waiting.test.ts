import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ZTermContent } from "@/server/glossary/schema";
import { proposeTerm } from "@/server/glossary/service";
import { rejectHandoff } from "@/server/handoffs/answer";
import { createHandoffs } from "@/server/handoffs/assignment";
import { waitingFor } from "@/server/home/waiting";
import { freshWorkspace } from "@/server/seed/factories";

const HOUR = 3_600_000;

describe("what waits for each person on the overview", () => {
  it("lists glossary changes for the side that still has to approve, handoffs to answer, and what is at risk", async () => {
    const ws = await freshWorkspace("Waiting");
    const { termId } = await proposeTerm(
      ws.marketer,
      ZTermContent.parse({
        category: "METRIC",
        en: { name: "Win rate", definition: "Won deals divided by closed deals." },
        it: { name: "Tasso di vittoria", definition: "Trattative vinte diviso trattative chiuse." },
      }),
    );
    // Marketing proposed it: sales and managers are asked, the marketer is not.
    expect((await waitingFor(ws.sales)).approvals.map((r) => r.termId)).toEqual([termId]);
    expect((await waitingFor(ws.manager)).approvals.map((r) => r.termId)).toEqual([termId]);
    expect((await waitingFor(ws.marketer)).approvalsTotal).toBe(0);
    expect((await waitingFor(ws.admin)).approvalsTotal).toBe(0);

    // Two handoffs: one overdue, one due tomorrow.
    const now = new Date();
    const leads = await db.lead.createManyAndReturn({
      data: ["late", "later"].map((name) => ({
        workspaceId: ws.workspace.id,
        email: `${name}-${now.getTime()}@acme.test`,
        name,
        channel: "EVENTS" as const,
        stage: "MQL" as const,
        mqlAt: now,
      })),
      select: { id: true, name: true },
    });
    const handoffs = await db.$transaction((tx) =>
      createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: leads.map((l) => l.id), now, actorUserId: null }),
    );
    const late = handoffs.find((h) => h.leadId === leads[0]?.id);
    if (!late) throw new Error("no handoff");
    await db.handoff.update({ where: { id: late.id }, data: { dueAt: new Date(now.getTime() - HOUR) } });
    await db.handoff.updateMany({
      where: { id: { in: handoffs.filter((h) => h.id !== late.id).map((h) => h.id) } },
      data: { dueAt: new Date(now.getTime() + 24 * HOUR) },
    });

    const rep = await waitingFor(ws.sales, now);
    expect(rep.handoffsTotal).toBe(handoffs.filter((h) => h.assigneeId === ws.sales.userId).length);
    // The manager sees the team's handoffs overdue or due within the hour: only the late one.
    const manager = await waitingFor(ws.manager, now);
    expect(manager.handoffs.map((h) => [h.lead.name, h.overdue])).toEqual([["late", true]]);

    // A return shows on the marketer's overview for the week.
    await rejectHandoff(ws.manager, late.id, { reason: "TIMING", note: "" });
    expect((await waitingFor(ws.marketer, now)).returnedThisWeek).toBe(1);
    expect((await waitingFor(ws.manager, now)).handoffsTotal).toBe(0);
  });
});
