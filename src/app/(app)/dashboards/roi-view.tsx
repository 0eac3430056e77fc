import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BarList } from "@/components/charts/bar-list";
import { TermHint } from "@/components/term-hint";
import { formulaLine } from "@/server/metrics/definitions";
import { roiMetrics } from "@/server/metrics/roi";
import { roiTables } from "@/server/metrics/tables";
import { COLORS, dashboardFormats, Kpi, looseT, MetricSection, type ViewProps } from "./parts";

/** ROI: spend against won revenue by channel and campaign, CAC and ROI. */
export async function RoiView({ actor, filter, query }: ViewProps) {
  const m = await roiMetrics(actor, filter);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const { pct, eur } = dashboardFormats(format, t);
  const [channelsTable, campaignsTable] = roiTables(m, filter, looseT(t));

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="roi-kpis">
        <Kpi label={t("dashboards.columns.spend")} value={eur(m.total.spend)} />
        <Kpi
          label={t("dashboards.roi.revenue")}
          value={eur(m.total.revenueLastTouch)}
          sub={t("dashboards.roi.customers", { count: m.total.customers })}
        />
        <Kpi label={<TermHint termKey="cac">CAC</TermHint>} value={eur(m.total.cac)} sub={formulaLine("cac", locale)} />
        <Kpi
          label={<TermHint termKey="roi">ROI</TermHint>}
          value={pct(m.total.roiLastTouch)}
          sub={formulaLine("roi", locale)}
        />
      </dl>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="roi-marketing">
        <Kpi
          label={<TermHint termKey="attribution">{t("dashboards.roi.sourced")}</TermHint>}
          value={eur(m.marketingRevenue.sourced)}
          sub={t("dashboards.roi.sourcedSub")}
        />
        <Kpi
          label={<TermHint termKey="attribution">{t("dashboards.roi.influenced")}</TermHint>}
          value={eur(m.marketingRevenue.influenced)}
          sub={t("dashboards.roi.influencedSub")}
        />
      </dl>
      {!m.spendFiltered && <p className="text-sm text-amber-900">{t("dashboards.roi.spendNotFiltered")}</p>}
      {channelsTable && (
        <MetricSection
          table={channelsTable}
          query={query}
          note={<p className="text-sm text-slate-600">{t("dashboards.roi.channelsNote")}</p>}
          chart={
            <BarList
              testId="chart-roi-channels"
              series={[
                { key: "spend", label: t("dashboards.roi.spendOfChannelCampaigns"), color: COLORS.amber },
                { key: "revenue", label: t("dashboards.roi.wonRevenue"), color: COLORS.green },
              ]}
              rows={m.byChannel.map((r, i) => ({
                label: t(`channels.${r.channel}`),
                values: { spend: r.spend, revenue: r.revenueLastTouch },
                shown: { spend: eur(r.spend), revenue: eur(r.revenueLastTouch) },
                href: channelsTable.rows[i]?.href,
              }))}
            />
          }
        />
      )}
      {campaignsTable && (
        <MetricSection
          table={campaignsTable}
          query={query}
          note={<p className="text-sm text-slate-600">{t("dashboards.roi.attributionNote")}</p>}
        />
      )}
    </>
  );
}
