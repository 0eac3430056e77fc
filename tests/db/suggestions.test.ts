import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { currentSla } from "@/server/handoffs/sla";
import { publishedModel } from "@/server/leads/scoring-context";
import { getBacktest } from "@/server/scoring/backtest/service";
import { DEFAULT_SCORING_MODEL, ZScoringModelDefinition } from "@/server/scoring/schema";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { listSuggestions, openSuggestion } from "@/server/scoring/suggestions/service";
import { freshWorkspace } from "@/server/seed/factories";

const DAY = 86_400_000;
const names = {
  channel: (c: string) => c,
  label: (dimension: string, name: string) => `${dimension} ${name}`,
};

/**
 * MQLs answered in the last month: `content` of them had downloaded content before the handoff and
 * `contentReturned` were returned NOT_A_FIT; `others` had not and `othersReturned` were returned for timing.
 */
async function answered(counts: { content: number; contentReturned: number; others: number; othersReturned: number }) {
  const ws = await freshWorkspace("Suggestions");
  const workspaceId = ws.workspace.id;
  const sla = await currentSla(db, workspaceId);
  const now = Date.now();
  // The rules in force (the default model) were published four months ago.
  await db.$transaction((tx) => publishedModel(tx, workspaceId));
  await db.scoringModel.updateMany({ where: { workspaceId }, data: { publishedAt: new Date(now - 120 * DAY) } });
  const leads = Array.from({ length: counts.content + counts.others }, (_, i) => ({
    id: `${workspaceId}-s${i}`,
    content: i < counts.content,
    returned: i < counts.content ? i < counts.contentReturned : i - counts.content < counts.othersReturned,
  }));
  await db.lead.createMany({
    data: leads.map((l) => ({ id: l.id, workspaceId, email: `${l.id}@example.com`, channel: "EMAIL" })),
  });
  await db.leadEvent.createMany({
    data: leads
      .filter((l) => l.content)
      .map((l) => ({ workspaceId, leadId: l.id, type: "CONTENT_DOWNLOADED", occurredAt: new Date(now - 20 * DAY) })),
  });
  const at = new Date(now - 10 * DAY);
  await db.handoff.createMany({
    data: leads.map((l) => ({
      workspaceId,
      leadId: l.id,
      slaPolicyId: sla.id,
      status: l.returned ? ("REJECTED" as const) : ("ACCEPTED" as const),
      rejectReason: l.returned ? (l.content ? ("NOT_A_FIT" as const) : ("TIMING" as const)) : null,
      handedOffAt: at,
      assignedAt: at,
      dueAt: at,
      firstDueAt: at,
      dueSoonAt: at,
      answeredAt: new Date(at.getTime() + 3600_000),
    })),
  });
  return ws;
}

describe("suggestions from sales' returns", { timeout: 60_000 }, () => {
  it("finds the rule whose MQLs sales returns, and opens it as a draft with its backtest", async () => {
    const ws = await answered({ content: 48, contentReturned: 31, others: 152, othersReturned: 15 });
    const found = await listSuggestions(ws.marketer, 90, names);
    expect(found).toMatchObject({ days: 90, since: null, handoffs: 200, rejected: 46 });
    expect(found.findings.map((f) => f.key)).toEqual(["rule:content"]);
    expect(found.findings[0]).toMatchObject({
      name: "Content downloaded",
      handoffs: 48,
      rejected: 31,
      reasons: { NOT_A_FIT: 31 },
      change: { kind: "lowerRule", ruleId: "content", from: 5, to: 2 },
    });
    // Another workspace's findings are its own.
    const other = await freshWorkspace("Suggestions elsewhere");
    expect((await listSuggestions(other.marketer, 90, names)).handoffs).toBe(0);

    const opened = await openSuggestion(
      ws.marketer,
      { days: 90, key: "rule:content" },
      { names, note: (f) => `Lower ${f.name}` },
    );
    const draft = await db.scoringModel.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, status: "DRAFT" } });
    expect(draft).toMatchObject({ version: opened.version, note: "Lower Content downloaded" });
    const definition = ZScoringModelDefinition.parse(draft.definition);
    expect(definition.behaviourRules.find((r) => r.id === "content")?.points).toBe(2);
    // Its backtest is under way (or done) for that draft; the published model is untouched.
    if (!opened.backtestId) throw new Error("no backtest started");
    expect(["RUNNING", "DONE"]).toContain((await getBacktest(ws.marketer, opened.backtestId)).status);
    const published = await db.scoringModel.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, status: "PUBLISHED" },
    });
    expect(
      ZScoringModelDefinition.parse(published.definition).behaviourRules.find((r) => r.id === "content")?.points,
    ).toBe(5);
    // Sales cannot open one.
    await expect(
      openSuggestion(ws.sales, { days: 90, key: "rule:content" }, { names, note: () => "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("judges only the rules in force: answers to MQLs handed off before their publish do not count", async () => {
    const ws = await answered({ content: 48, contentReturned: 31, others: 152, othersReturned: 15 });
    await saveDraft(ws.marketer, { definition: { ...DEFAULT_SCORING_MODEL, mqlThreshold: 55 }, note: "" });
    const { version } = await publishDraft(ws.marketer, { note: "Lower the bar" });
    const found = await listSuggestions(ws.marketer, 90, names);
    expect(found).toMatchObject({ handoffs: 0, findings: [], since: { version } });
  });

  it("finds nothing when content downloaders are returned as often as the rest", async () => {
    const ws = await answered({ content: 48, contentReturned: 11, others: 152, othersReturned: 35 });
    const found = await listSuggestions(ws.marketer, 90, names);
    expect(found).toMatchObject({ handoffs: 200, rejected: 46, findings: [] });
    await expect(
      openSuggestion(ws.marketer, { days: 90, key: "rule:content" }, { names, note: () => "" }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});
