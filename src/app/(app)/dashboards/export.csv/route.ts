import { getTranslations } from "next-intl/server";
import { csvRow } from "@/lib/csv";
import { routeActor } from "@/server/auth/current-actor";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { funnelTables, qualityTables, roiTables, slaTables } from "@/server/metrics/tables";

export const dynamic = "force-dynamic";

/** One chart's data as CSV (raw numbers: ratios as fractions, money in EUR, times in hours), with the page's filters. */
export async function GET(request: Request) {
  const actor = await routeActor("metrics.read");
  if (actor instanceof Response) return actor;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = ZMetricsFilter.parse(params);
  const id = params.table ?? "";
  const t = (await getTranslations()) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const tables = id.startsWith("funnel")
    ? funnelTables(await funnelMetrics(actor, filter), filter, t)
    : id.startsWith("sla")
      ? slaTables(await slaMetrics(actor, filter), t)
      : id.startsWith("roi")
        ? roiTables(await roiMetrics(actor, filter), filter, t)
        : id.startsWith("quality")
          ? qualityTables(await qualityMetrics(actor, filter), filter, t)
          : [];
  const table = tables.find((x) => x.id === id);
  if (!table) return new Response("Unknown table.", { status: 404 });
  const body = csvRow(table.columns.map((c) => c.label)) + table.rows.map((r) => csvRow(r.cells)).join("");
  return new Response(`\uFEFF${body}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.id}.csv"`,
      "cache-control": "no-store",
    },
  });
}
