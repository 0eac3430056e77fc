import { getFormatter, getTranslations } from "next-intl/server";
import { BarList } from "@/components/charts/bar-list";
import { LazyTrendChart as TrendChart } from "@/components/charts/lazy";
import { TermHint } from "@/components/term-hint";
import { definitionChangeLabel, definitionChangeNote } from "@/lib/definition-change-label";
import { leadsHref } from "@/server/metrics/filter";
import { FUNNEL_STAGES, funnelMetrics } from "@/server/metrics/funnel";
import { funnelTables } from "@/server/metrics/tables";
import { COLORS, dashboardFormats, Kpi, looseT, MetricSection, type ViewProps } from "./parts";

/** The funnel: cohort and flow by stage, the trend, lead velocity. */
export async function FunnelView({ actor, filter, query }: ViewProps) {
  const m = await funnelMetrics(actor, filter);
  const t = await getTranslations();
  const format = await getFormatter();
  const { pct, count } = dashboardFormats(format, t);
  const range = { ...filter, from: m.range.from, to: m.range.to };
  const [cohortTable, flowTable, trendTable, velocityTable] = funnelTables(m, filter, looseT(t));
  const delta = (now: number, before: number) =>
    before > 0 ? t("dashboards.vsPrevious", { change: pct((now - before) / before) }) : t("dashboards.noPrevious");
  const stage = (s: string) => t(`leads.stages.${s}`);
  // The last period, when partial, says so on the axis too: its dip is not a drop.
  const trendLabel = (p: (typeof m.trend)[number]) =>
    p.inProgress ? t("dashboards.funnel.periodInProgress", { period: p.period }) : p.period;
  const ofPrevious = (counts: Record<string, number>, i: number) => {
    const prev = FUNNEL_STAGES[i - 1];
    if (!prev || !(counts[prev] ?? 0)) return undefined;
    return t("dashboards.funnel.ofPrevious", {
      share: pct((counts[FUNNEL_STAGES[i] as string] ?? 0) / (counts[prev] ?? 1)),
      stage: stage(prev),
    });
  };

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="funnel-kpis">
        <Kpi
          label={t("dashboards.funnel.newLeads")}
          value={count(m.cohort.counts.LEAD)}
          sub={delta(m.cohort.counts.LEAD, m.cohort.previous.LEAD)}
          href={leadsHref(range)}
        />
        <Kpi
          label={
            <>
              <TermHint termKey="mql">MQL</TermHint> {t("dashboards.funnel.leadsUnit")}
            </>
          }
          value={count(m.cohort.counts.MQL)}
          sub={delta(m.cohort.counts.MQL, m.cohort.previous.MQL)}
          href={leadsHref(range, { reached: "MQL" })}
        />
        <Kpi
          label={
            <>
              <TermHint termKey="sql">SQL</TermHint> {t("dashboards.funnel.leadsUnit")}
            </>
          }
          value={count(m.cohort.counts.SQL)}
          sub={delta(m.cohort.counts.SQL, m.cohort.previous.SQL)}
          href={leadsHref(range, { reached: "SQL" })}
        />
        <Kpi
          label={<TermHint termKey="conversion-rate">{t("dashboards.funnel.reachSql")}</TermHint>}
          value={pct(m.cohort.conversions.leadToSql)}
          sub={t("dashboards.funnel.tenPercentLine")}
        />
      </dl>
      {cohortTable && (
        <MetricSection
          table={cohortTable}
          query={query}
          note={
            <p className="text-sm text-slate-600">
              {t("dashboards.funnel.cohortNote", { from: m.range.from, to: m.range.to })}
            </p>
          }
          chart={
            <BarList
              testId="chart-funnel-cohort"
              series={[{ key: "value", label: t("dashboards.columns.leads"), color: COLORS.blue }]}
              rows={FUNNEL_STAGES.map((s, i) => ({
                label: stage(s),
                values: { value: m.cohort.counts[s] },
                shown: { value: count(m.cohort.counts[s]) },
                note: ofPrevious(m.cohort.counts, i),
                href: cohortTable.rows[i]?.href,
              }))}
            />
          }
        />
      )}
      {flowTable && (
        <MetricSection
          table={flowTable}
          query={query}
          note={<p className="text-sm text-slate-600">{t("dashboards.funnel.flowNote")}</p>}
          chart={
            <BarList
              testId="chart-funnel-flow"
              series={[
                { key: "value", label: t("dashboards.thisPeriod"), color: COLORS.blue },
                { key: "previous", label: t("dashboards.columns.previousPeriod"), color: COLORS.slate },
              ]}
              rows={FUNNEL_STAGES.map((s, i) => ({
                label: stage(s),
                values: { value: m.flow.counts[s], previous: m.flow.previous[s] },
                shown: { value: count(m.flow.counts[s]), previous: count(m.flow.previous[s]) },
                href: flowTable.rows[i]?.href,
              }))}
            />
          }
        />
      )}
      {trendTable && (
        <MetricSection
          table={trendTable}
          query={query}
          note={
            m.changes.length > 0 && (
              <div className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="definition-changes">
                <p>{t("dashboards.changes.acrossChange")}</p>
                <ul className="list-disc ps-5">
                  {m.changes.map((c) => (
                    <li key={`${c.kind}-${c.term ?? ""}-${c.version}`}>{definitionChangeNote(c, (k, v) => t(k, v))}</li>
                  ))}
                </ul>
              </div>
            )
          }
          chart={
            <TrendChart
              markers={m.trend
                .filter((p) => p.changes.length > 0)
                .map((p) => ({
                  x: trendLabel(p),
                  label: p.changes.map((c) => definitionChangeLabel(c, (k, v) => t(k, v))).join(", "),
                }))}
              data={m.trend.map((p) => ({
                label: trendLabel(p),
                leads: p.leads,
                mql: p.mql,
                sql: p.sql,
                customer: p.customer,
              }))}
              series={[
                { key: "leads", label: t("dashboards.columns.newLeads"), color: COLORS.slate },
                { key: "mql", label: "MQL", color: COLORS.blue },
                { key: "sql", label: "SQL", color: COLORS.amber },
                { key: "customer", label: stage("CUSTOMER"), color: COLORS.green },
              ]}
            />
          }
        />
      )}
      {velocityTable && (
        <MetricSection
          table={velocityTable}
          query={query}
          note={<p className="text-sm text-slate-600">{t("dashboards.funnel.velocityNote")}</p>}
        />
      )}
    </>
  );
}
