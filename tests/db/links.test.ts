/**
 * Every figure on the dashboards that links somewhere opens a list of exactly
 * what it counts: walked over every linked row of every dashboard table (the
 * KPIs link to the same sets as their table rows), under several filter sets.
 * A figure that counts stage entries says so; the flow's rows link the leads
 * that entered, each once, which their Leads column counts.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listReturnedLeads, ZReturnedFilter } from "@/server/handoffs/queries";
import { listLeads, ZLeadFilter } from "@/server/leads/list";
import { type MetricsFilter, ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { funnelTables, qualityTables, roiTables, slaTables, type Table } from "@/server/metrics/tables";
import { freshWorkspace } from "@/server/seed/factories";
import { generateLeads } from "@/server/seed/lead-generator";

/** Per linked table: the column whose figure its link must list. */
const FIGURE: Record<string, { key: string }> = {
  "funnel-cohort": { key: "count" },
  "funnel-flow": { key: "leads" },
  "roi-channels": { key: "leads" },
  "roi-campaigns": { key: "leads" },
  "quality-channels": { key: "rejected" },
};

const t = (key: string) => key;

async function listed(actor: Parameters<typeof listLeads>[0], href: string): Promise<number> {
  const url = new URL(href, "http://app.test");
  const params = Object.fromEntries(url.searchParams);
  if (url.pathname === "/leads") return (await listLeads(actor, ZLeadFilter.parse(params))).count.value;
  if (url.pathname === "/handoffs/returned") {
    let total = 0;
    let after: string | undefined;
    do {
      const page = await listReturnedLeads(actor, ZReturnedFilter.parse({ ...params, after }));
      total += page.rows.length;
      after = page.nextCursor ?? undefined;
    } while (after);
    return total;
  }
  throw new Error(`A figure links to ${href}: the walk does not know how to count that list`);
}

describe("every linked figure equals its list", { timeout: 180_000 }, () => {
  it("on every dashboard table, under several filters", async () => {
    const ws = await freshWorkspace("Link walk");
    await generateLeads({ workspaceId: ws.workspace.id, count: 400, months: 6, seed: 11, ownerIds: [ws.sales.userId] });
    const campaign = await db.campaign.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    const today = new Date().toISOString().slice(0, 10);
    const ninetyDaysAgo = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const filters: MetricsFilter[] = [
      ZMetricsFilter.parse({}),
      ZMetricsFilter.parse({ from: ninetyDaysAgo, to: today }),
      ZMetricsFilter.parse({ channel: "EVENTS" }),
      ZMetricsFilter.parse({ campaignId: campaign.id }),
      ZMetricsFilter.parse({ ownerId: ws.sales.userId, from: ninetyDaysAgo, to: today }),
    ];
    let walked = 0;
    for (const filter of filters) {
      const tables: Table[] = [
        ...funnelTables(await funnelMetrics(ws.manager, filter), filter, t),
        ...qualityTables(await qualityMetrics(ws.manager, filter), filter, t),
        ...roiTables(await roiMetrics(ws.manager, filter), filter, t),
        ...slaTables(await slaMetrics(ws.manager, filter), t),
      ];
      for (const table of tables) {
        for (const row of table.rows) {
          if (!row.href) continue;
          const figure = FIGURE[table.id];
          expect(figure, `${table.id} links its rows: say which figure its list must equal`).toBeDefined();
          const column = table.columns.findIndex((c) => c.key === figure?.key);
          const value = Number(row.cells[column] ?? 0);
          const count = await listed(ws.manager, row.href);
          const where = `${table.id} · ${String(row.cells[0])} · ${JSON.stringify(filter)}`;
          expect(count, where).toBe(value);
          walked++;
        }
      }
    }
    // The walk went through the dashboards' links, not past an empty workspace.
    expect(walked).toBeGreaterThan(60);
  });
});
