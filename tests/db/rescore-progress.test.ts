import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { publishedModel } from "@/server/leads/scoring-context";
import { scoreLead } from "@/server/scoring/engine";
import { rescoreProgress, runningRescore, runRescore, takeOverInterruptedRescores } from "@/server/scoring/rescores";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { publishDraft, publishVersion, saveDraft, startPublish } from "@/server/scoring/service";
import { freshWorkspace } from "@/server/seed/factories";
import { generateLeads } from "@/server/seed/lead-generator";

/** A model every lead scores differently under: one fit point more for everyone, and a lower threshold. */
const everyLeadChanges = {
  ...DEFAULT_SCORING_MODEL,
  mqlThreshold: 30,
  fitRules: [
    ...DEFAULT_SCORING_MODEL.fitRules,
    {
      id: "everyone",
      label: "Everyone",
      when: { attribute: "emailDomain" as const, operator: "notIn" as const, values: ["nobody.invalid"] },
      points: 1,
    },
  ],
};

async function scoresByLead(workspaceId: string) {
  const rows = await db.leadScore.findMany({
    where: { workspaceId },
    select: { leadId: true, totalScore: true, qualifies: true, scoringModelId: true, scoreExplanation: true },
  });
  return new Map(rows.map((r) => [r.leadId, r]));
}

describe("a publish's re-score in batches, with progress", { timeout: 120_000 }, () => {
  it("records progress batch by batch; half way, every lead is wholly under one model or the other", async () => {
    const ws = await freshWorkspace("Rescore progress");
    await generateLeads({ workspaceId: ws.workspace.id, count: 60, seed: 23 });
    const before = await scoresByLead(ws.workspace.id);
    const oldModel = (await db.$transaction((tx) => publishedModel(tx, ws.workspace.id))).id;

    await saveDraft(ws.marketer, { definition: everyLeadChanges, note: "Everyone +1" });
    // The publish as the page makes it, but run here with batches of 20 and one writer, looking after the first.
    const { rescoreId, total } = await startPublishWithoutRunning(ws.marketer);
    expect(total).toBe(60);
    const rescore = await db.rescore.findUniqueOrThrow({ where: { id: rescoreId } });
    expect(await runningRescore(ws.sales)).toMatchObject({ id: rescoreId, done: 0, total: 60 });

    let halfWay: Awaited<ReturnType<typeof scoresByLead>> | null = null;
    let progressHalfWay: Awaited<ReturnType<typeof rescoreProgress>> | null = null;
    const summary = await runRescore(rescore, {
      batchSize: 20,
      writers: 1,
      afterBatch: async () => {
        if (halfWay) return;
        halfWay = await scoresByLead(ws.workspace.id);
        progressHalfWay = await rescoreProgress(ws.sales, rescoreId);
      },
    });
    expect(summary).toMatchObject({ leads: 60, rewritten: 60, stopped: false });
    expect(progressHalfWay).toMatchObject({ done: 20, total: 60, finishedAt: null });

    // Half way: 20 leads carry the new model's scores (and its id), the 40 others are untouched; no lead is mixed.
    const newModel = rescore.scoringModelId;
    const mid = halfWay as unknown as Awaited<ReturnType<typeof scoresByLead>>;
    const moved = [...mid.values()].filter((s) => s.scoringModelId === newModel);
    expect(moved).toHaveLength(20);
    for (const [leadId, score] of mid) {
      if (score.scoringModelId === newModel) continue;
      expect(score).toEqual(before.get(leadId));
    }
    const leads = await db.lead.findMany({
      where: { id: { in: moved.map((s) => s.leadId) } },
      include: { events: true },
    });
    for (const lead of leads) {
      const expected = scoreLead(lead, lead.events, everyLeadChanges, new Date());
      const score = mid.get(lead.id);
      expect(score?.totalScore).toBeCloseTo(expected.total, 0);
      expect(score?.qualifies).toBe(expected.qualifies);
    }
    expect(oldModel).not.toBe(newModel);

    const done = await rescoreProgress(ws.sales, rescoreId);
    expect(done).toMatchObject({ done: 60, total: 60, outcome: "DONE", version: 2 });
    expect(done.finishedAt).not.toBeNull();
    expect(await runningRescore(ws.sales)).toBeNull();
    // Another workspace cannot read it.
    const other = await freshWorkspace("Rescore other");
    await expect(rescoreProgress(other.sales, rescoreId)).rejects.toMatchObject({ code: "notFound" });
  });

  it("stops after its batch when a newer version is published; the newer one re-scores every lead", async () => {
    const ws = await freshWorkspace("Rescore superseded");
    await generateLeads({ workspaceId: ws.workspace.id, count: 50, seed: 24 });
    await saveDraft(ws.marketer, { definition: everyLeadChanges, note: "first" });
    const { rescoreId } = await startPublishWithoutRunning(ws.marketer);
    const first = await db.rescore.findUniqueOrThrow({ where: { id: rescoreId } });
    let second: Awaited<ReturnType<typeof publishDraft>> | null = null;
    const stopped = await runRescore(first, {
      batchSize: 10,
      writers: 1,
      afterBatch: async () => {
        if (second) return;
        await saveDraft(ws.marketer, { definition: DEFAULT_SCORING_MODEL, note: "back" });
        second = await publishDraft(ws.marketer, { note: "back" });
      },
    });
    // The batch after the newer publish writes nothing (it would overwrite the newer scores), and it stops.
    expect(stopped).toMatchObject({ leads: 10, stopped: true });
    expect(await db.rescore.findUniqueOrThrow({ where: { id: rescoreId } })).toMatchObject({ outcome: "STOPPED" });
    expect(second).toMatchObject({ leads: 50, stopped: false });
    // Every lead ends under the newer model's rules (the defaults).
    const leads = await db.lead.findMany({
      where: { workspaceId: ws.workspace.id },
      include: { events: true, score: true },
    });
    for (const lead of leads) {
      const expected = scoreLead(lead, lead.events, DEFAULT_SCORING_MODEL, new Date());
      expect(lead.score?.totalScore).toBeCloseTo(expected.total, 0);
    }
  });

  it("a re-score whose server stopped is taken over by the scheduler, under the model published now", async () => {
    const ws = await freshWorkspace("Rescore interrupted");
    await generateLeads({ workspaceId: ws.workspace.id, count: 30, seed: 25 });
    await saveDraft(ws.marketer, { definition: everyLeadChanges, note: "first" });
    const { rescoreId } = await startPublishWithoutRunning(ws.marketer);
    // Its server went away three minutes ago, after 10 leads.
    await db.rescore.update({
      where: { id: rescoreId },
      data: { done: 10, heartbeatAt: new Date(Date.now() - 3 * 60_000) },
    });
    expect(await runningRescore(ws.marketer)).toBeNull();
    const taken = await takeOverInterruptedRescores();
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(await db.rescore.findUniqueOrThrow({ where: { id: rescoreId } })).toMatchObject({
      outcome: "INTERRUPTED",
    });
    // A second server's tick finds nothing left to take.
    const restarted = await db.rescore.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, id: { not: rescoreId } },
    });
    expect(restarted).toMatchObject({ reason: "PUBLISH", total: 30, scoringModelId: expect.any(String) });
    for (let i = 0; i < 100; i++) {
      const state = await db.rescore.findUniqueOrThrow({ where: { id: restarted.id } });
      if (state.finishedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db.rescore.findUniqueOrThrow({ where: { id: restarted.id } })).toMatchObject({
      outcome: "DONE",
      done: 30,
    });
  });

  it("the page's publish returns at once with the re-score to follow", async () => {
    const ws = await freshWorkspace("Rescore background");
    await generateLeads({ workspaceId: ws.workspace.id, count: 40, seed: 26 });
    await saveDraft(ws.marketer, { definition: everyLeadChanges, note: "bg" });
    const started = await startPublish(ws.marketer, { note: "bg" });
    expect(started).toMatchObject({ version: 2, total: 40 });
    let progress = await rescoreProgress(ws.marketer, started.rescoreId);
    for (let i = 0; i < 200 && !progress.finishedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await rescoreProgress(ws.marketer, started.rescoreId);
    }
    expect(progress).toMatchObject({ outcome: "DONE", done: 40, total: 40 });
  });
});

/** The publish as the page makes it, without starting its re-score (the test runs it with small batches). */
async function startPublishWithoutRunning(actor: Parameters<typeof publishVersion>[0]) {
  const { rescore } = await publishVersion(actor, { note: "" });
  return { rescoreId: rescore.id, total: rescore.total };
}
