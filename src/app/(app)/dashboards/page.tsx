import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LazyBarChart as LinkedBarChart, LazyTrendChart as TrendChart } from "@/components/charts/lazy";
import { FilterDate, FilterSelect } from "@/components/filter-select";
import { LeadDimensionFilters } from "@/components/lead-dimension-filters";
import { ScrollRegion } from "@/components/scroll-region";
import { TermHint } from "@/components/term-hint";
import { REJECT_REASONS } from "@/lib/reject-reasons";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { currentMonth, goalProgress, leaderboard } from "@/server/goals/progress";
import { leadFilterOptions } from "@/server/leads/list";
import { leadsHref, ZMetricsFilter } from "@/server/metrics/filter";
import { FUNNEL_STAGES, funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { funnelTables, qualityTables, roiTables, slaTables, type Table } from "@/server/metrics/tables";
import { listPersonas, personaPerformance } from "@/server/personas/queries";
import { DataTable } from "./data-table";
import { GoalForm, OptOutToggle } from "./goal-controls";

export async function generateMetadata() {
  const t = await getTranslations("dashboards");
  return { title: t("heading") };
}

const VIEWS = ["funnel", "quality", "sla", "roi", "goals"] as const;
type View = (typeof VIEWS)[number];
const COLORS = { blue: "#1f5fd1", green: "#15803d", amber: "#b45309", slate: "#475569" };

/** One set of numbers for both teams: funnel, SLA and ROI with the same filters, every figure traceable. */
export default async function DashboardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("metrics.read");
  const params = await searchParams;
  const view: View = VIEWS.includes(params.view as View) ? (params.view as View) : "funnel";
  const filter = ZMetricsFilter.parse(params);
  const options = await leadFilterOptions(actor);
  const t = await getTranslations();
  const format = await getFormatter();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const filterQuery = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const pct = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const hours = (v: number | null) =>
    v === null ? "—" : t("dashboards.hours", { hours: format.number(v, { maximumFractionDigits: 1 }) });
  const eur = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

  const section = (table: Table, chart?: React.ReactNode, note?: React.ReactNode) => (
    <section key={table.id} className="card space-y-3" aria-labelledby={`h-${table.id}`}>
      <h2 id={`h-${table.id}`} className="font-semibold">
        {table.title}
      </h2>
      {note}
      {chart}
      <DataTable table={table} query={`${filterQuery}&view=${view}`} />
    </section>
  );
  const kpi = (label: React.ReactNode, value: string, sub?: string, href?: string) => (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="text-brand-800 hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {sub && <dd className="text-xs text-slate-600">{sub}</dd>}
    </div>
  );

  let body: React.ReactNode;
  if (view === "funnel") {
    const m = await funnelMetrics(actor, filter);
    const range = { ...filter, from: m.range.from, to: m.range.to };
    const [cohortTable, flowTable, trendTable, velocityTable] = funnelTables(m, filter, tt);
    const delta = (now: number, before: number) =>
      before > 0 ? t("dashboards.vsPrevious", { change: pct((now - before) / before) }) : t("dashboards.noPrevious");
    body = (
      <>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="funnel-kpis">
          {kpi(
            t("dashboards.funnel.newLeads"),
            format.number(m.cohort.counts.LEAD),
            delta(m.cohort.counts.LEAD, m.cohort.previous.LEAD),
            leadsHref(range),
          )}
          {kpi(
            <TermHint termKey="mql">MQL</TermHint>,
            format.number(m.cohort.counts.MQL),
            delta(m.cohort.counts.MQL, m.cohort.previous.MQL),
            leadsHref(range, { reached: "MQL" }),
          )}
          {kpi(
            <TermHint termKey="sql">SQL</TermHint>,
            format.number(m.cohort.counts.SQL),
            delta(m.cohort.counts.SQL, m.cohort.previous.SQL),
            leadsHref(range, { reached: "SQL" }),
          )}
          {kpi(
            t("dashboards.funnel.reachSql"),
            pct(m.cohort.conversions.leadToSql),
            t("dashboards.funnel.tenPercentLine"),
          )}
        </dl>
        {cohortTable &&
          section(
            cohortTable,
            <LinkedBarChart
              testId="chart-funnel-cohort"
              data={FUNNEL_STAGES.map((stage, i) => ({
                label: t(`leads.stages.${stage}`),
                value: m.cohort.counts[stage],
                href: cohortTable.rows[i]?.href,
              }))}
              series={[{ key: "value", label: t("dashboards.columns.leads"), color: COLORS.blue }]}
            />,
            <p className="text-sm text-slate-600">
              {t("dashboards.funnel.cohortNote", { from: m.range.from, to: m.range.to })}
            </p>,
          )}
        {flowTable &&
          section(
            flowTable,
            <LinkedBarChart
              testId="chart-funnel-flow"
              data={FUNNEL_STAGES.map((stage, i) => ({
                label: t(`leads.stages.${stage}`),
                value: m.flow.counts[stage],
                previous: m.flow.previous[stage],
                href: flowTable.rows[i]?.href,
              }))}
              series={[
                { key: "value", label: t("dashboards.thisPeriod"), color: COLORS.blue },
                { key: "previous", label: t("dashboards.columns.previousPeriod"), color: COLORS.slate },
              ]}
            />,
            <p className="text-sm text-slate-600">{t("dashboards.funnel.flowNote")}</p>,
          )}
        {trendTable &&
          section(
            trendTable,
            <TrendChart
              data={m.trend.map((p) => ({
                label: p.period,
                leads: p.leads,
                mql: p.mql,
                sql: p.sql,
                customer: p.customer,
              }))}
              series={[
                { key: "leads", label: t("dashboards.columns.newLeads"), color: COLORS.slate },
                { key: "mql", label: "MQL", color: COLORS.blue },
                { key: "sql", label: "SQL", color: COLORS.amber },
                { key: "customer", label: t("leads.stages.CUSTOMER"), color: COLORS.green },
              ]}
            />,
          )}
        {velocityTable &&
          section(
            velocityTable,
            undefined,
            <p className="text-sm text-slate-600">{t("dashboards.funnel.velocityNote")}</p>,
          )}
      </>
    );
  } else if (view === "sla") {
    const m = await slaMetrics(actor, filter);
    const [repsTable, mqlsTable] = slaTables(m, filter, tt);
    body = (
      <>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="sla-kpis">
          {kpi(
            t("dashboards.sla.compliance"),
            pct(m.compliance.rate),
            t("dashboards.sla.complianceSub", { inTime: m.compliance.inTime, due: m.compliance.due }),
          )}
          {kpi(
            t("dashboards.sla.medianResponse"),
            hours(m.responseHours.median),
            t("dashboards.sla.answered", { count: m.responseHours.answered }),
          )}
          {kpi(t("dashboards.sla.p90Response"), hours(m.responseHours.p90))}
          {kpi(t("dashboards.sla.atRisk"), format.number(m.atRisk.length), undefined, "/handoffs?view=team")}
        </dl>
        {repsTable &&
          section(
            repsTable,
            <LinkedBarChart
              testId="chart-sla-reps"
              data={m.byRep.map((r, i) => ({
                label: r.name,
                inTime: r.inTime,
                late: r.answered - r.inTime,
                breaches: r.breaches,
                href: repsTable.rows[i]?.href,
              }))}
              series={[
                { key: "inTime", label: t("dashboards.columns.inTime"), color: COLORS.green },
                { key: "late", label: t("dashboards.sla.late"), color: COLORS.amber },
                { key: "breaches", label: t("dashboards.columns.breaches"), color: "#b91c1c" },
              ]}
            />,
          )}
        {mqlsTable &&
          section(
            mqlsTable,
            <LinkedBarChart
              testId="chart-sla-mqls"
              data={m.mqlsDelivered.map((d) => ({ label: d.month, mqls: d.mqls, target: d.target ?? 0 }))}
              series={[
                { key: "mqls", label: t("dashboards.columns.mqlsDelivered"), color: COLORS.blue },
                { key: "target", label: t("dashboards.columns.commitment"), color: COLORS.slate },
              ]}
            />,
            <p className="text-sm text-slate-600">{t("dashboards.sla.marketingSide")}</p>,
          )}
        <section className="card space-y-2" aria-labelledby="h-at-risk">
          <h2 id="h-at-risk" className="font-semibold">
            {t("dashboards.sla.atRiskTitle")}
          </h2>
          {m.atRisk.length === 0 ? (
            <p className="text-sm text-slate-600">{t("dashboards.sla.noneAtRisk")}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="at-risk">
              {m.atRisk.map((h) => (
                <li key={h.id}>
                  <Link href={`/leads/${h.lead.id}`} className="text-brand-700 underline">
                    {h.lead.name || h.lead.email}
                  </Link>{" "}
                  · {h.assignee ?? t("handoffs.nobody")} ·{" "}
                  {h.overdue
                    ? t("dashboards.sla.overdueSince", {
                        at: format.dateTime(h.dueAt, { dateStyle: "medium", timeStyle: "short" }),
                      })
                    : t("handoffs.dueAt", {
                        at: format.dateTime(h.dueAt, { dateStyle: "medium", timeStyle: "short" }),
                      })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  } else if (view === "quality") {
    const [m, funnel, personas] = await Promise.all([
      qualityMetrics(actor, filter),
      funnelMetrics(actor, filter),
      listPersonas(actor).then((list) =>
        Promise.all(list.map(async (p) => ({ id: p.id, name: p.name, ...(await personaPerformance(actor, p.id)) }))),
      ),
    ]);
    const tables = qualityTables(m, filter, tt);
    body = (
      <>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="quality-kpis">
          {kpi(
            <TermHint termKey="acceptance-rate">{t("dashboards.quality.acceptance")}</TermHint>,
            pct(m.acceptance),
            t("dashboards.quality.answered", { accepted: m.accepted, rejected: m.rejected }),
          )}
          {kpi(
            t("dashboards.quality.rejected"),
            format.number(m.rejected),
            undefined,
            `/handoffs/returned?${new URLSearchParams({ from: m.range.from, to: m.range.to })}`,
          )}
          {kpi(
            t("dashboards.funnel.reachSql"),
            pct(funnel.cohort.conversions.leadToSql),
            t("dashboards.funnel.tenPercentLine"),
          )}
          {kpi(
            t("dashboards.quality.vsTenPercent"),
            funnel.cohort.conversions.leadToSql === null
              ? "—"
              : funnel.cohort.conversions.leadToSql >= 0.1
                ? t("dashboards.quality.above")
                : t("dashboards.quality.below"),
          )}
        </dl>
        <section className="card space-y-3" aria-labelledby="h-reasons">
          <h2 id="h-reasons" className="font-semibold">
            {t("dashboards.quality.reasonsTitle")}
          </h2>
          <LinkedBarChart
            testId="chart-quality-reasons"
            data={REJECT_REASONS.map((r) => ({
              label: t(`handoffs.reasons.${r}`),
              value: m.reasons[r] ?? 0,
              href: `/handoffs/returned?${new URLSearchParams({ reason: r, from: m.range.from, to: m.range.to })}`,
            }))}
            series={[{ key: "value", label: t("dashboards.quality.rejected"), color: "#b91c1c" }]}
          />
        </section>
        {tables.map((table) => section(table))}
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
                        {p.name}
                      </Link>
                    </td>
                    <td className="text-right tabular-nums">
                      <Link href={`/leads?persona=${p.id}`} className="text-brand-700 underline">
                        {format.number(p.leads)}
                      </Link>
                    </td>
                    <td className="text-right tabular-nums">{format.number(p.mqls)}</td>
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
  } else if (view === "goals") {
    const month = /^\d{4}-\d{2}$/.test(params.month ?? "")
      ? (params.month as string)
      : await currentMonth(actor.workspaceId);
    const [progress, board] = await Promise.all([goalProgress(actor, month), leaderboard(actor, month)]);
    const value = (metric: string, v: number | null) =>
      v === null ? "—" : metric === "REVENUE" ? eur(v) : metric === "SLA_COMPLIANCE" ? pct(v) : format.number(v);
    body = (
      <>
        <section className="card space-y-3" aria-labelledby="h-goals">
          <h2 id="h-goals" className="font-semibold">
            {t("dashboards.goals.title", { month })}
          </h2>
          <p className="text-sm text-slate-600">{t("dashboards.goals.intro")}</p>
          <ul className="grid gap-3 md:grid-cols-2" data-testid="goals">
            {progress.goals.map((g) => (
              <li key={g.metric} className="rounded-md bg-slate-50 p-3">
                <p className="text-sm font-medium">{t(`dashboards.goals.metrics.${g.metric}`)}</p>
                <p className="text-xl font-semibold tabular-nums">
                  {value(g.metric, g.actual)}
                  {g.target !== null && (
                    <span className="text-sm font-normal text-slate-600"> / {value(g.metric, g.target)}</span>
                  )}
                </p>
                {g.progress !== null ? (
                  <div
                    role="progressbar"
                    aria-label={t(`dashboards.goals.metrics.${g.metric}`)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(Math.min(1, g.progress) * 100)}
                    className="mt-2 h-2 rounded bg-slate-200"
                  >
                    <div
                      className="h-2 rounded bg-brand-600"
                      style={{ width: `${Math.min(100, g.progress * 100)}%` }}
                    />
                  </div>
                ) : (
                  <p className="text-xs text-slate-500">{t("dashboards.goals.noGoal")}</p>
                )}
              </li>
            ))}
          </ul>
          {can(actor.role, "goals.set") && <GoalForm month={month} />}
        </section>
        <section className="card space-y-3" aria-labelledby="h-board">
          <h2 id="h-board" className="font-semibold">
            {t("dashboards.goals.leaderboard")}
          </h2>
          <p className="text-sm text-slate-600">{t("dashboards.goals.leaderboardIntro")}</p>
          <div className="grid gap-4 lg:grid-cols-2">
            <table className="data-table" data-testid="leaderboard-reps">
              <caption className="text-left font-medium">{t("dashboards.goals.reps")}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("dashboards.columns.rep")}</th>
                  <th scope="col" className="text-right">
                    {t("dashboards.columns.compliance")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("dashboards.columns.medianResponse")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.reps.map((r, i) => (
                  <tr key={r.userId}>
                    <td>{i + 1}</td>
                    <td>{r.optedOut ? `${r.name} (${t("dashboards.goals.onlyYou")})` : r.name}</td>
                    <td className="text-right tabular-nums">{pct(r.compliance)}</td>
                    <td className="text-right tabular-nums">{hours(r.medianHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="data-table" data-testid="leaderboard-marketers">
              <caption className="text-left font-medium">{t("dashboards.goals.marketers")}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("dashboards.goals.marketer")}</th>
                  <th scope="col" className="text-right">
                    {t("dashboards.goals.acceptance")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("dashboards.columns.answered")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.marketers.map((m, i) => (
                  <tr key={m.userId}>
                    <td>{i + 1}</td>
                    <td>{m.optedOut ? `${m.name} (${t("dashboards.goals.onlyYou")})` : m.name}</td>
                    <td className="text-right tabular-nums">{pct(m.acceptance)}</td>
                    <td className="text-right tabular-nums">{format.number(m.answered)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <OptOutToggle optedOut={board.optedOut} />
        </section>
      </>
    );
  } else {
    const m = await roiMetrics(actor, filter);
    const [channelsTable, campaignsTable] = roiTables(m, filter, tt);
    body = (
      <>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="roi-kpis">
          {kpi(t("dashboards.columns.spend"), eur(m.total.spend))}
          {kpi(
            t("dashboards.roi.revenue"),
            eur(m.total.revenueLastTouch),
            t("dashboards.roi.customers", { count: m.total.customers }),
          )}
          {kpi(<TermHint termKey="cac">CAC</TermHint>, eur(m.total.cac))}
          {kpi(<TermHint termKey="roi">ROI</TermHint>, pct(m.total.roiLastTouch), t("dashboards.roi.formula"))}
        </dl>
        {!m.spendFiltered && <p className="text-sm text-amber-900">{t("dashboards.roi.spendNotFiltered")}</p>}
        {channelsTable &&
          section(
            channelsTable,
            <LinkedBarChart
              testId="chart-roi-channels"
              data={m.byChannel.map((r, i) => ({
                label: t(`channels.${r.channel}`),
                spend: r.spend,
                revenue: r.revenueLastTouch,
                href: channelsTable.rows[i]?.href,
              }))}
              series={[
                { key: "spend", label: t("dashboards.columns.spend"), color: COLORS.amber },
                { key: "revenue", label: t("dashboards.columns.revenueLastTouch"), color: COLORS.green },
              ]}
            />,
            <p className="text-sm text-slate-600">{t("dashboards.roi.attributionNote")}</p>,
          )}
        {campaignsTable && section(campaignsTable)}
      </>
    );
  }

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("dashboards.heading")}</h1>
        <p className="text-slate-600">{t("dashboards.intro")}</p>
      </header>
      <nav
        aria-label={t("dashboards.viewsLabel")}
        className="flex gap-1 overflow-x-auto whitespace-nowrap border-b border-slate-200"
      >
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={`/dashboards?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(filterQuery)), view: v })}`}
            aria-current={v === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${v === view ? "border-brand-600 font-semibold text-brand-900" : "border-transparent text-slate-600"}`}
          >
            {t(`dashboards.views.${v}`)}
          </Link>
        ))}
      </nav>
      {view !== "goals" && (
        <form method="get" className="card flex flex-wrap items-end gap-3" aria-label={t("dashboards.filters")}>
          <input type="hidden" name="view" value={view} />
          <FilterDate name="from" label={t("dashboards.from")} value={filter.from} />
          <FilterDate name="to" label={t("dashboards.to")} value={filter.to} />
          <LeadDimensionFilters values={filter} campaigns={options.campaigns} personas={options.personas} />
          <FilterSelect
            name="ownerId"
            label={t("leads.owner")}
            value={filter.ownerId}
            anyLabel={t("leads.any")}
            options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          {view === "funnel" && (
            <FilterSelect
              name="interval"
              label={t("dashboards.interval")}
              value={filter.interval}
              anyLabel={t("dashboards.intervals.month")}
              options={[{ value: "week", label: t("dashboards.intervals.week") }]}
            />
          )}
          <button type="submit" className="btn-secondary">
            {t("handoffs.filter")}
          </button>
        </form>
      )}
      {body}
    </div>
  );
}
