import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarList } from "@/components/charts/bar-list";
import { ScrollRegion } from "@/components/scroll-region";
import { TermHint } from "@/components/term-hint";
import { REJECT_REASONS } from "@/lib/reject-reasons";
import { returnedHref } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { qualityTables } from "@/server/metrics/tables";
import { listPersonas, personaPerformance } from "@/server/personas/queries";
import { COLORS, dashboardFormats, Kpi, looseT, MetricSection, type ViewProps } from "./parts";

/** Lead quality: acceptance, why sales returns leads, and how each persona performs. */
export async function QualityView({ actor, filter, query }: ViewProps) {
  const [m, funnel, personas] = await Promise.all([
    qualityMetrics(actor, filter),
    funnelMetrics(actor, filter),
    listPersonas(actor).then((list) =>
      Promise.all(list.map(async (p) => ({ id: p.id, name: p.name, ...(await personaPerformance(actor, p.id)) }))),
    ),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const { pct, eur, count } = dashboardFormats(format, t);
  const tables = qualityTables(m, filter, looseT(t));
  const leadToSql = funnel.cohort.conversions.leadToSql;
  const period = { from: m.range.from, to: m.range.to };

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="quality-kpis">
        <Kpi
          label={<TermHint termKey="acceptance-rate">{t("dashboards.quality.acceptance")}</TermHint>}
          value={pct(m.acceptance)}
          sub={t("dashboards.quality.answered", { accepted: m.accepted, rejected: m.rejected })}
        />
        <Kpi
          label={t("dashboards.quality.rejected")}
          value={count(m.rejected)}
          href={returnedHref({ ...filter, ...period })}
        />
        <Kpi
          label={t("dashboards.funnel.reachSql")}
          value={pct(leadToSql)}
          sub={t("dashboards.funnel.tenPercentLine")}
        />
        <Kpi
          label={t("dashboards.quality.vsTenPercent")}
          value={
            leadToSql === null ? "—" : leadToSql >= 0.1 ? t("dashboards.quality.above") : t("dashboards.quality.below")
          }
        />
      </dl>
      <section className="card space-y-3" aria-labelledby="h-reasons">
        <h2 id="h-reasons" className="font-semibold">
          {t("dashboards.quality.reasonsTitle")}
        </h2>
        <BarList
          testId="chart-quality-reasons"
          series={[{ key: "value", label: t("dashboards.quality.rejected"), color: COLORS.red }]}
          rows={REJECT_REASONS.map((r) => ({
            label: t(`handoffs.reasons.${r}`),
            values: { value: m.reasons[r] ?? 0 },
            shown: { value: count(m.reasons[r] ?? 0) },
            href: returnedHref({ ...filter, ...period }, { reason: r }),
          }))}
        />
      </section>
      {tables.map((table) => (
        <MetricSection key={table.id} table={table} query={query} />
      ))}
      <section className="card space-y-3" aria-labelledby="h-personas">
        <h2 id="h-personas" className="font-semibold">
          {t("dashboards.quality.personasTitle")}
        </h2>
        <ScrollRegion label={t("dashboards.quality.personasTitle")}>
          <table className="data-table" data-testid="persona-performance">
            <thead>
              <tr>
                <th scope="col">{t("leads.persona")}</th>
                <th scope="col" className="text-right">
                  {t("personas.performanceLeads")}
                </th>
                <th scope="col" className="text-right">
                  {t("personas.performanceMqls")}
                </th>
                <th scope="col" className="text-right">
                  {t("personas.performanceAcceptance")}
                </th>
                <th scope="col" className="text-right">
                  {t("personas.performanceWinRate")}
                </th>
                <th scope="col" className="text-right">
                  {t("personas.performanceRevenue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {personas.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/personas/${p.id}`} className="text-brand-700 underline">
                      <bdi>{p.name}</bdi>
                    </Link>
                  </td>
                  <td className="text-right tabular-nums">
                    <Link href={`/leads?persona=${p.id}`} className="text-brand-700 underline">
                      {count(p.leads)}
                    </Link>
                  </td>
                  <td className="text-right tabular-nums">{count(p.mqls)}</td>
                  <td className="text-right tabular-nums">{pct(p.acceptanceRate)}</td>
                  <td className="text-right tabular-nums">{pct(p.winRate)}</td>
                  <td className="text-right tabular-nums">{eur(p.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
