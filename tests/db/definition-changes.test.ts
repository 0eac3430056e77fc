import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { slaMetrics } from "@/server/metrics/sla";
import { funnelTables } from "@/server/metrics/tables";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { freshWorkspace } from "@/server/seed/factories";

describe("definition changes on charts over time", { timeout: 60_000 }, () => {
  it("marks the period a model was published or the MQL definition agreed, with the why, and nothing else", async () => {
    const ws = await freshWorkspace("Definition changes");
    const workspaceId = ws.workspace.id;
    await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: `a-${workspaceId}@example.com`, channel: "EMAIL" })),
    );
    await saveDraft(ws.marketer, { definition: { ...DEFAULT_SCORING_MODEL, mqlThreshold: 50 }, note: "" });
    await publishDraft(ws.marketer, { note: "Reps want more leads" });
    const published = await db.scoringModel.findFirstOrThrow({ where: { workspaceId, status: "PUBLISHED" } });
    // Published on 14 October 2026 (Rome), the MQL term's revision 2 agreed on 3 November, an unrelated term's too.
    await db.scoringModel.update({
      where: { id: published.id },
      data: { publishedAt: new Date("2026-10-14T09:00:00Z") },
    });
    // The default model the first capture published goes outside the range.
    await db.scoringModel.updateMany({
      where: { workspaceId, id: { not: published.id } },
      data: { publishedAt: new Date("2026-01-01T09:00:00Z") },
    });
    for (const key of ["mql", "cac"]) {
      const term = await db.glossaryTerm.create({ data: { workspaceId, key, category: "LIFECYCLE_STAGE" } });
      await db.termRevision.create({
        data: {
          workspaceId,
          termId: term.id,
          number: 2,
          status: "AGREED",
          category: "LIFECYCLE_STAGE",
          nameEn: key,
          nameIt: key,
          synonymsEn: [],
          synonymsIt: [],
          definitionEn: "…",
          definitionIt: "…",
          note: `${key} now counts trials`,
          agreedAt: new Date("2026-11-03T10:00:00Z"),
        },
      });
    }
    // A lead's stage entries in both months, so each month is a point of the trend.
    const lead = await db.lead.findFirstOrThrow({ where: { workspaceId } });
    await db.leadStageChange.createMany({
      data: [
        { workspaceId, leadId: lead.id, fromStage: "LEAD", toStage: "MQL", at: new Date("2026-10-20T10:00:00Z") },
        { workspaceId, leadId: lead.id, fromStage: "MQL", toStage: "SQL", at: new Date("2026-11-10T10:00:00Z") },
      ],
    });

    const filter = ZMetricsFilter.parse({ from: "2026-10-01", to: "2026-11-30" });
    const m = await funnelMetrics(ws.manager, filter, new Date("2026-12-03T12:00:00Z"), "raw");
    expect(m.changes).toEqual([
      expect.objectContaining({
        day: "2026-10-14",
        kind: "model",
        version: published.version,
        why: "Reps want more leads",
      }),
      expect.objectContaining({
        day: "2026-11-03",
        kind: "term",
        term: "mql",
        version: 2,
        why: "mql now counts trials",
      }),
    ]);
    expect(m.trend.map((p) => [p.period, p.changes.map((c) => c.kind)])).toEqual([
      ["2026-10-01", ["model"]],
      ["2026-11-01", ["term"]],
    ]);
    // The trend's table (and its CSV) says so on the rows.
    const t = (key: string, values?: Record<string, string | number>) =>
      `${key}${values ? JSON.stringify(values) : ""}`;
    // The SLA dashboard's MQLs-by-month chart marks the same months.
    const sla = await slaMetrics(ws.manager, filter, new Date("2026-12-03T12:00:00Z"));
    expect(sla.mqlsDelivered.map((d) => [d.month, d.changes.map((c) => c.kind)])).toEqual([["2026-10", ["model"]]]);
    const trend = funnelTables(m, filter, t).find((table) => table.id === "funnel-trend");
    expect(trend?.rows.map((r) => r.cells.at(-1))).toEqual([
      `dashboards.changes.model{"version":${published.version}} (2026-10-14): Reps want more leads`,
      'dashboards.changes.term{"term":"MQL","version":2} (2026-11-03): mql now counts trials',
    ]);
  });
});
