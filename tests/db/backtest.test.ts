import { describe, expect, it } from "vitest";
import type { Channel } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { currentSla } from "@/server/handoffs/sla";
import { runBacktest } from "@/server/scoring/backtest/run";
import {
  type BacktestInput,
  finishedBacktests,
  getBacktest,
  latestBacktest,
  startBacktest,
} from "@/server/scoring/backtest/service";
import type { ScoringModel } from "@/server/scoring/engine";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { freshWorkspace } from "@/server/seed/factories";

const DAY = 86_400_000;

/** Published: a demo request is worth 50, MQL at 50. */
const demoModel: ScoringModel = {
  mqlThreshold: 50,
  fitRules: [],
  behaviourRules: [
    { id: "demo", label: "Demo", eventType: "DEMO_REQUESTED", points: 50, cap: null, decay: { mode: "none" } },
  ],
  disqualifiers: [],
};
/** Draft: retail is worth 50, students are out. */
const retailModel: ScoringModel = {
  mqlThreshold: 50,
  fitRules: [
    { id: "retail", label: "Retail", when: { attribute: "industry", operator: "in", values: ["retail"] }, points: 50 },
  ],
  behaviourRules: [],
  disqualifiers: [
    { id: "student", label: "Student", when: { attribute: "title", operator: "containsAny", values: ["student"] } },
  ],
};

const MARCH: BacktestInput = { createdFrom: "2026-03-01", createdTo: "2026-03-31", cutoffDays: 30, outcome: "SQL" };

async function finished(ws: Awaited<ReturnType<typeof freshWorkspace>>, id: string) {
  for (let i = 0; i < 300; i++) {
    const view = await getBacktest(ws.marketer, id);
    if (view.status !== "RUNNING") return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the backtest did not finish");
}

/**
 * Five leads created in March 2026 (one more in April, outside the window):
 * L1 retail, demo 5 days in, reached SQL · L2 retail student, demo 40 days in (after the cut-off), not reached
 * L3 other, demo 10 days in, returned NOT_A_FIT · L4 other, nothing, reached SQL · L5 retail, nothing.
 */
async function marchWorkspace() {
  const ws = await freshWorkspace("Backtest");
  const workspaceId = ws.workspace.id;
  await saveDraft(ws.marketer, { definition: demoModel, note: "" });
  await publishDraft(ws.marketer, { note: "Demo model" });
  await saveDraft(ws.marketer, { definition: retailModel, note: "Retail model" });
  const created = new Date("2026-03-10T10:00:00Z");
  const lead = async (key: string, fields: { industry: string; title?: string; sql?: boolean }, at = created) =>
    db.lead.create({
      data: {
        workspaceId,
        email: `${key}-${workspaceId}@example.com`,
        industry: fields.industry,
        title: fields.title ?? "",
        channel: "EMAIL" satisfies Channel,
        createdAt: at,
        sqlAt: fields.sql ? new Date(at.getTime() + 20 * DAY) : null,
      },
    });
  const demo = (leadId: string, days: number) =>
    db.leadEvent.create({
      data: { workspaceId, leadId, type: "DEMO_REQUESTED", occurredAt: new Date(created.getTime() + days * DAY) },
    });
  const l1 = await lead("l1", { industry: "retail", sql: true });
  const l2 = await lead("l2", { industry: "retail", title: "Student" });
  const l3 = await lead("l3", { industry: "other" });
  const l4 = await lead("l4", { industry: "other", sql: true });
  await lead("l5", { industry: "retail" });
  await lead("april", { industry: "retail", sql: true }, new Date("2026-04-02T10:00:00Z"));
  await demo(l1.id, 5);
  await demo(l2.id, 40);
  await demo(l3.id, 10);
  const sla = await currentSla(db, workspaceId);
  const at = new Date(created.getTime() + 12 * DAY);
  await db.handoff.create({
    data: {
      workspaceId,
      leadId: l3.id,
      slaPolicyId: sla.id,
      status: "REJECTED",
      rejectReason: "NOT_A_FIT",
      handedOffAt: at,
      assignedAt: at,
      dueAt: at,
      firstDueAt: at,
      dueSoonAt: at,
      answeredAt: at,
    },
  });
  return { ws, l2, l4, demo };
}

describe("backtest", { timeout: 60_000 }, () => {
  it("scores each lead as it stood at its cut-off under both models, with hand-computed figures", async () => {
    const { ws } = await marchWorkspace();
    const { id } = await startBacktest(ws.marketer, MARCH);
    const view = await finished(ws, id);
    expect(view).toMatchObject({ status: "DONE", processed: 5, total: 5, stale: false, ...MARCH });
    const result = view.result;
    if (!result) throw new Error("no result");
    expect(result).toMatchObject({ leads: 5, reached: 2, baseRate: 0.4, months: 31 / 30.4375 });
    // Published (demo): L1 and L3 are MQL (L2's demo came after its cut-off); L1 reached SQL; L3 was returned.
    expect(result.baseline).toMatchObject({
      mqls: 2,
      truePositives: 1,
      precision: 0.5,
      recall: 0.5,
      returned: 1,
      answered: 1,
      reasons: { NOT_A_FIT: 1 },
    });
    // L1 (50, +) beats L2 and L5 and ties L3; L4 (0, +) ties L2 and L5: (2.5 + 1) / 6.
    expect(result.baseline?.auc).toBeCloseTo(3.5 / 6, 12);
    // Draft (retail): L1 and L5 are MQL, L2 is disqualified.
    expect(result.tested).toMatchObject({ mqls: 2, disqualified: 1, truePositives: 1, precision: 0.5, recall: 0.5 });
    expect(result.tested.returned).toBe(0);
    // L1 (50, +) beats L3 and L2 (−∞), ties L5; L4 (0, +) beats L2, ties L3: (2.5 + 1.5) / 6.
    expect(result.tested.auc).toBeCloseTo(4 / 6, 12);
    expect(result.tested.version).toBeGreaterThan(result.baseline?.version ?? 0);

    // The run is the draft's; once published, the version history shows it as that version's backtest.
    const draft = await db.scoringModel.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, status: "DRAFT" } });
    await publishDraft(ws.marketer, { note: "Retail wins" });
    const history = await finishedBacktests(ws.sales, [{ id: draft.id, definition: retailModel }]);
    expect(history.get(draft.id)?.id).toBe(id);
  });

  it("never lets an event after the cut-off change a score", async () => {
    const { ws, l4, demo } = await marchWorkspace();
    const first = await finished(ws, (await startBacktest(ws.marketer, MARCH)).id);
    // L4's demo 31 days in, after its cut-off at 30: nothing changes.
    await demo(l4.id, 31);
    const second = await finished(ws, (await startBacktest(ws.marketer, MARCH)).id);
    const { durationMs: _a, ...before } = first.result ?? { durationMs: 0 };
    const { durationMs: _b, ...after } = second.result ?? { durationMs: 0 };
    expect(after).toEqual(before);
    // With a cut-off of 45 days L2's demo (day 40) counts and makes it an MQL under the published model; L4's (day 31)
    // still does not: sales had accepted L4 on day 20, and nothing after that acceptance predicts it.
    const later = await finished(ws, (await startBacktest(ws.marketer, { ...MARCH, cutoffDays: 45 })).id);
    expect(later.result?.baseline).toMatchObject({ mqls: 3, truePositives: 1 });
  });

  it("marks a draft's backtest stale once the draft changes", async () => {
    const { ws } = await marchWorkspace();
    const { id } = await startBacktest(ws.marketer, MARCH);
    await finished(ws, id);
    await saveDraft(ws.marketer, { definition: { ...retailModel, mqlThreshold: 40 }, note: "" });
    const draft = await db.scoringModel.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, status: "DRAFT" } });
    expect(
      await latestBacktest(ws.marketer, { id: draft.id, definition: { ...retailModel, mqlThreshold: 40 } }),
    ).toMatchObject({ id, stale: true });
    expect(
      await finishedBacktests(ws.marketer, [{ id: draft.id, definition: { ...retailModel, mqlThreshold: 40 } }]),
    ).toEqual(new Map());
  });

  it("stops when cancelled, runs one at a time, refuses a window that has not reached its cut-off, and is for marketers", async () => {
    const { ws } = await marchWorkspace();
    const model = await db.scoringModel.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, status: "DRAFT" } });
    const run = await db.scoringBacktest.create({
      data: {
        workspaceId: ws.workspace.id,
        modelId: model.id,
        definitionHash: "x",
        createdFrom: new Date("2026-03-01T00:00:00Z"),
        createdTo: new Date("2026-04-01T00:00:00Z"),
        cutoffDays: 30,
        outcome: "SQL",
        cancelRequested: true,
      },
    });
    // Another run is under way: a second start is refused.
    await expect(startBacktest(ws.marketer, MARCH)).rejects.toMatchObject({
      code: "conflict",
      params: { reason: "backtestRunning" },
    });
    await runBacktest(run.id);
    expect((await getBacktest(ws.marketer, run.id)).status).toBe("CANCELLED");

    // A window ending 3 November with a 30-day cut-off: its last leads reach their cut-off at midnight on 4 December.
    await expect(
      startBacktest(ws.marketer, { ...MARCH, createdTo: "2026-11-03" }, new Date("2026-12-03T12:00:00Z")),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { createdTo: ["windowAfterCutoff"] } });
    await expect(startBacktest(ws.sales, MARCH)).rejects.toMatchObject({ code: "forbidden" });
  });
});
