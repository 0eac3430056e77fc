import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarList } from "@/components/charts/bar-list";
import { TermHint } from "@/components/term-hint";
import { definitionChangeLabel } from "@/lib/definition-change-label";
import { slaMetrics } from "@/server/metrics/sla";
import { slaTables } from "@/server/metrics/tables";
import { COLORS, dashboardFormats, Kpi, looseT, MetricSection, type ViewProps } from "./parts";

/** The SLA: compliance, response times, each rep, marketing's MQLs against the commitment, what is at risk now. */
export async function SlaView({ actor, filter, query }: ViewProps) {
  const m = await slaMetrics(actor, filter);
  const t = await getTranslations();
  const format = await getFormatter();
  const { pct, hours, count } = dashboardFormats(format, t);
  const [repsTable, mqlsTable] = slaTables(m, looseT(t));
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="sla-kpis">
        <Kpi
          label={<TermHint termKey="sla-compliance">{t("dashboards.sla.compliance")}</TermHint>}
          value={pct(m.compliance.rate)}
          sub={t("dashboards.sla.complianceSub", { inTime: m.compliance.inTime, decided: m.compliance.decided })}
        />
        <Kpi
          label={<TermHint termKey="response-time">{t("dashboards.sla.medianResponse")}</TermHint>}
          value={hours(m.responseHours.median)}
          sub={t("dashboards.sla.answered", { count: m.responseHours.answered })}
        />
        <Kpi
          label={<TermHint termKey="response-time">{t("dashboards.sla.p90Response")}</TermHint>}
          value={hours(m.responseHours.p90)}
        />
        <Kpi
          label={t("dashboards.sla.atRisk")}
          value={m.atRiskInRange ? count(m.atRiskCount) : "—"}
          href={m.atRiskInRange ? "#h-at-risk" : undefined}
        />
      </dl>
      {repsTable && (
        <MetricSection
          table={repsTable}
          query={query}
          chart={
            <BarList
              testId="chart-sla-reps"
              series={[
                { key: "inTime", label: t("dashboards.columns.inTime"), color: COLORS.green },
                { key: "late", label: t("dashboards.sla.late"), color: COLORS.amber },
                { key: "breaches", label: t("dashboards.columns.breaches"), color: COLORS.red },
              ]}
              rows={m.byRep.map((r) => {
                const values = { inTime: r.inTime, late: r.late, breaches: r.breaches };
                return {
                  label: r.userId ? r.name : t("dashboards.sla.nobodyRow"),
                  values,
                  shown: { inTime: count(values.inTime), late: count(values.late), breaches: count(values.breaches) },
                };
              })}
            />
          }
        />
      )}
      {mqlsTable && (
        <MetricSection
          table={mqlsTable}
          query={query}
          note={<p className="text-sm text-slate-600">{t("dashboards.sla.marketingSide")}</p>}
          chart={
            <BarList
              testId="chart-sla-mqls"
              series={[
                { key: "mqls", label: t("dashboards.columns.mqlsDelivered"), color: COLORS.blue },
                { key: "target", label: t("dashboards.columns.commitment"), color: COLORS.slate },
              ]}
              rows={m.mqlsDelivered.map((d) => ({
                label: d.month,
                values: { mqls: d.mqls, target: d.target ?? 0 },
                shown: { mqls: count(d.mqls), target: d.target === null ? "—" : count(d.target) },
                note:
                  d.changes.length > 0
                    ? d.changes.map((c) => definitionChangeLabel(c, (k, v) => t(k, v))).join(", ")
                    : undefined,
              }))}
            />
          }
        />
      )}
      <section className="card space-y-2" aria-labelledby="h-at-risk">
        <h2 id="h-at-risk" className="font-semibold">
          {t("dashboards.sla.atRiskTitle")}
        </h2>
        {!m.atRiskInRange ? (
          <p className="text-sm text-slate-600">{t("dashboards.sla.atRiskOutOfRange")}</p>
        ) : m.atRisk.length === 0 ? (
          <p className="text-sm text-slate-600">{t("dashboards.sla.noneAtRisk")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="at-risk">
            {m.atRisk.map((h) => (
              <li key={h.id}>
                <Link href={`/leads/${h.lead.id}`} className="text-brand-700 underline">
                  <bdi>{h.lead.name || h.lead.email}</bdi>
                </Link>{" "}
                · <bdi>{h.assignee ?? t("handoffs.nobody")}</bdi> ·{" "}
                {h.overdue
                  ? t("dashboards.sla.overdueSince", { at: when(h.dueAt) })
                  : t("handoffs.dueAt", { at: when(h.dueAt) })}
                {/* After a reassignment the clock restarted: the first due time (the breach) is said too. */}
                {h.firstDueAt < h.dueAt && ` · ${t("dashboards.sla.firstDueAt", { at: when(h.firstDueAt) })}`}
              </li>
            ))}
          </ul>
        )}
        {m.atRiskCount > m.atRisk.length && (
          <p className="text-sm text-slate-600">
            {t("dashboards.sla.atRiskMore", { shown: m.atRisk.length, count: m.atRiskCount })}
          </p>
        )}
      </section>
    </>
  );
}
