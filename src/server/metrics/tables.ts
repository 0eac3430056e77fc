import "server-only";
import { definitionChangeNote } from "@/lib/definition-change-label";
import { REJECT_REASONS } from "@/lib/reject-reasons";
import { leadsHref, type MetricsFilter, returnedHref } from "@/server/metrics/filter";
import { FUNNEL_STAGES, type FunnelMetrics } from "@/server/metrics/funnel";
import type { QualityMetrics } from "@/server/metrics/quality";
import type { RoiMetrics } from "@/server/metrics/roi";
import type { SlaMetrics } from "@/server/metrics/sla";

/**
 * Every chart's data as a table: what the page shows under each chart (the
 * accessible text alternative, with links to the leads behind each figure)
 * and what its CSV download contains. One definition, so both always agree.
 */

export type CellKind = "text" | "int" | "ratio" | "eur" | "hours";
export type Column = { key: string; label: string; kind: CellKind };
export type Table = {
  id: string;
  title: string;
  columns: Column[];
  rows: { cells: (string | number | null)[]; href?: string }[];
};

type T = (key: string, values?: Record<string, string | number>) => string;

const STAGE_REACHED = {
  LEAD: undefined,
  MQL: "MQL",
  SQL: "SQL",
  OPPORTUNITY: "OPPORTUNITY",
  CUSTOMER: "CUSTOMER",
} as const;

export function funnelTables(m: FunnelMetrics, filter: MetricsFilter, t: T): Table[] {
  const range = { ...filter, from: m.range.from, to: m.range.to };
  const stageLabel = (stage: string) => t(`leads.stages.${stage}`);
  const conversion = (counts: Record<string, number>, i: number) => {
    const prev = FUNNEL_STAGES[i - 1];
    const stage = FUNNEL_STAGES[i] as string;
    return prev && (counts[prev] ?? 0) > 0 ? (counts[stage] ?? 0) / (counts[prev] ?? 1) : null;
  };
  return [
    {
      id: "funnel-cohort",
      title: t("dashboards.funnel.cohortTitle"),
      columns: [
        { key: "stage", label: t("dashboards.columns.stage"), kind: "text" },
        { key: "count", label: t("dashboards.columns.leads"), kind: "int" },
        { key: "conversion", label: t("dashboards.columns.conversionFromPrevious"), kind: "ratio" },
        { key: "previous", label: t("dashboards.columns.previousPeriod"), kind: "int" },
      ],
      rows: FUNNEL_STAGES.map((stage, i) => {
        const reached = STAGE_REACHED[stage];
        return {
          cells: [stageLabel(stage), m.cohort.counts[stage], conversion(m.cohort.counts, i), m.cohort.previous[stage]],
          href: leadsHref(range, reached ? { reached } : {}),
        };
      }),
    },
    {
      id: "funnel-flow",
      title: t("dashboards.funnel.flowTitle"),
      columns: [
        { key: "stage", label: t("dashboards.columns.stage"), kind: "text" },
        { key: "entries", label: t("dashboards.columns.entries"), kind: "int" },
        // What the row's link lists: the leads that entered, each once ("10 leads (11 entries)").
        { key: "leads", label: t("dashboards.columns.leadsEntering"), kind: "int" },
        { key: "conversion", label: t("dashboards.columns.conversionFromPrevious"), kind: "ratio" },
        { key: "previous", label: t("dashboards.columns.previousPeriod"), kind: "int" },
        { key: "medianHours", label: t("dashboards.columns.medianTimeInStage"), kind: "hours" },
      ],
      rows: FUNNEL_STAGES.map((stage, i) => ({
        cells: [
          stageLabel(stage),
          m.flow.counts[stage],
          m.flow.leads[stage],
          conversion(m.flow.counts, i),
          m.flow.previous[stage],
          m.timeInStage[stage]?.medianHours ?? null,
        ],
        href: leadsHref(range, { entered: stage }),
      })),
    },
    {
      id: "funnel-trend",
      title: t("dashboards.funnel.trendTitle"),
      columns: [
        { key: "period", label: t("dashboards.columns.period"), kind: "text" },
        { key: "leads", label: t("dashboards.columns.newLeads"), kind: "int" },
        { key: "mql", label: stageLabel("MQL"), kind: "int" },
        { key: "sql", label: stageLabel("SQL"), kind: "int" },
        { key: "customer", label: stageLabel("CUSTOMER"), kind: "int" },
        { key: "definitionChange", label: t("dashboards.columns.definitionChange"), kind: "text" },
      ],
      rows: m.trend.map((p) => ({
        cells: [
          p.inProgress ? t("dashboards.funnel.periodInProgress", { period: p.period }) : p.period,
          p.leads,
          p.mql,
          p.sql,
          p.customer,
          p.changes.map((c) => definitionChangeNote(c, t)).join(" · "),
        ],
      })),
    },
    {
      id: "funnel-velocity",
      title: t("dashboards.funnel.velocityTitle"),
      columns: [
        { key: "month", label: t("dashboards.columns.month"), kind: "text" },
        { key: "mqls", label: t("dashboards.columns.mqls"), kind: "int" },
        { key: "rate", label: t("dashboards.columns.leadVelocity"), kind: "ratio" },
        { key: "note", label: t("dashboards.columns.note"), kind: "text" },
      ],
      rows: m.velocity.map((v) => ({
        cells: [
          v.month,
          v.mqls,
          v.rate,
          [
            v.inProgress
              ? t("dashboards.funnel.velocityPartial", {
                  day: v.inProgress.throughDay,
                  previous: v.inProgress.previousSameDays,
                })
              : "",
            v.modelChanged ? t("dashboards.funnel.modelChanged") : "",
          ]
            .filter(Boolean)
            .join(" · "),
        ],
      })),
    },
  ];
}

export function slaTables(m: SlaMetrics, t: T): Table[] {
  return [
    {
      id: "sla-reps",
      title: t("dashboards.sla.repsTitle"),
      columns: [
        { key: "rep", label: t("dashboards.columns.rep"), kind: "text" },
        { key: "decided", label: t("dashboards.columns.decided"), kind: "int" },
        { key: "inTime", label: t("dashboards.columns.inTime"), kind: "int" },
        { key: "late", label: t("dashboards.sla.late"), kind: "int" },
        { key: "breaches", label: t("dashboards.columns.breaches"), kind: "int" },
        { key: "compliance", label: t("dashboards.columns.compliance"), kind: "ratio" },
        { key: "answered", label: t("dashboards.columns.answered"), kind: "int" },
        { key: "median", label: t("dashboards.columns.medianResponse"), kind: "hours" },
        { key: "reassigned", label: t("dashboards.columns.reassigned"), kind: "int" },
      ],
      // No link per rep: the leads list cannot show "the assignments this rep decided" (owners change), and a link
      // to another set than the figure misleads. The last row is the headline: the table's totals.
      rows: [
        ...m.byRep.map((r) => ({
          cells: [
            r.userId ? r.name : t("dashboards.sla.nobodyRow"),
            r.decided,
            r.inTime,
            r.late,
            r.breaches,
            r.decided > 0 ? r.inTime / r.decided : null,
            r.answered,
            r.medianHours,
            r.reassigned,
          ],
        })),
        {
          cells: [
            t("dashboards.sla.totalRow"),
            m.compliance.decided,
            m.compliance.inTime,
            m.compliance.late,
            m.compliance.breached,
            m.compliance.rate,
            m.responseHours.answered,
            m.responseHours.median,
            m.byRep.reduce((sum, r) => sum + r.reassigned, 0),
          ],
        },
      ],
    },
    {
      id: "sla-mqls",
      title: t("dashboards.sla.mqlsTitle"),
      columns: [
        { key: "month", label: t("dashboards.columns.month"), kind: "text" },
        { key: "mqls", label: t("dashboards.columns.mqlsDelivered"), kind: "int" },
        { key: "target", label: t("dashboards.columns.commitment"), kind: "int" },
        { key: "definitionChange", label: t("dashboards.columns.definitionChange"), kind: "text" },
      ],
      rows: m.mqlsDelivered.map((d) => ({
        cells: [d.month, d.mqls, d.target, d.changes.map((c) => definitionChangeNote(c, t)).join(" · ")],
      })),
    },
  ];
}

export function roiTables(m: RoiMetrics, filter: MetricsFilter, t: T): Table[] {
  const range = { ...filter, from: m.range.from, to: m.range.to };
  const columns = (first: Column): Column[] => [
    first,
    { key: "spend", label: t("dashboards.columns.spend"), kind: "eur" },
    { key: "leads", label: t("dashboards.columns.leads"), kind: "int" },
    { key: "mqls", label: t("dashboards.columns.mqls"), kind: "int" },
    { key: "sqls", label: t("dashboards.columns.sqls"), kind: "int" },
    { key: "customers", label: t("dashboards.columns.customers"), kind: "int" },
    { key: "revenueFirst", label: t("dashboards.columns.revenueFirstTouch"), kind: "eur" },
    { key: "revenueLast", label: t("dashboards.columns.revenueLastTouch"), kind: "eur" },
    { key: "revenueLinear", label: t("dashboards.columns.revenueLinear"), kind: "eur" },
    { key: "cpl", label: t("dashboards.columns.cpl"), kind: "eur" },
    { key: "costPerMql", label: t("dashboards.columns.costPerMql"), kind: "eur" },
    { key: "costPerSql", label: t("dashboards.columns.costPerSql"), kind: "eur" },
    { key: "cac", label: t("dashboards.columns.cac"), kind: "eur" },
    { key: "roiFirst", label: t("dashboards.columns.roiFirstTouch"), kind: "ratio" },
    { key: "roiLast", label: t("dashboards.columns.roiLastTouch"), kind: "ratio" },
  ];
  const cells = (r: RoiMetrics["total"]) => [
    r.spend,
    r.leads,
    r.mqls,
    r.sqls,
    r.customers,
    r.revenueFirstTouch,
    r.revenueLastTouch,
    r.revenueLinear,
    r.cpl,
    r.costPerMql,
    r.costPerSql,
    r.cac,
    r.roiFirstTouch,
    r.roiLastTouch,
  ];
  // By the lead's own channel: one revenue (a lead has one channel, so every attribution agrees), spend of the
  // campaigns of that channel (said in its header).
  const channelColumns: Column[] = [
    { key: "channel", label: t("dashboards.roi.leadChannel"), kind: "text" },
    { key: "spend", label: t("dashboards.roi.spendOfChannelCampaigns"), kind: "eur" },
    { key: "leads", label: t("dashboards.columns.leads"), kind: "int" },
    { key: "mqls", label: t("dashboards.columns.mqls"), kind: "int" },
    { key: "sqls", label: t("dashboards.columns.sqls"), kind: "int" },
    { key: "customers", label: t("dashboards.columns.customers"), kind: "int" },
    { key: "revenue", label: t("dashboards.roi.wonRevenue"), kind: "eur" },
    { key: "cpl", label: t("dashboards.columns.cpl"), kind: "eur" },
    { key: "costPerMql", label: t("dashboards.columns.costPerMql"), kind: "eur" },
    { key: "costPerSql", label: t("dashboards.columns.costPerSql"), kind: "eur" },
    { key: "cac", label: t("dashboards.columns.cac"), kind: "eur" },
    { key: "roi", label: t("dashboards.roi.roi"), kind: "ratio" },
  ];
  const channelCells = (r: RoiMetrics["total"]) => [
    r.spend,
    r.leads,
    r.mqls,
    r.sqls,
    r.customers,
    r.revenueLastTouch,
    r.cpl,
    r.costPerMql,
    r.costPerSql,
    r.cac,
    r.roiLastTouch,
  ];
  return [
    {
      id: "roi-channels",
      title: t("dashboards.roi.channelsTitle"),
      columns: channelColumns,
      rows: [
        ...m.byChannel.map((r) => ({
          cells: [t(`channels.${r.channel}`), ...channelCells(r)],
          href: leadsHref({ ...range, channel: r.channel }),
        })),
        { cells: [t("dashboards.total"), ...channelCells(m.total)] },
      ],
    },
    {
      id: "roi-campaigns",
      title: t("dashboards.roi.campaignsTitle"),
      columns: columns({ key: "campaign", label: t("leads.campaign"), kind: "text" }),
      rows: m.byCampaign.map((r) => ({
        cells: [r.name, ...cells(r)],
        href: leadsHref({ ...range, campaignId: r.campaignId ?? undefined }),
      })),
    },
  ];
}

export function qualityTables(m: QualityMetrics, filter: MetricsFilter, t: T): Table[] {
  const range = { ...filter, from: m.range.from, to: m.range.to };
  const slice = (
    id: string,
    title: string,
    first: string,
    groups: QualityMetrics["byChannel"],
    label: (key: string) => string,
    href: (key: string) => string | undefined,
  ): Table => ({
    id,
    title,
    columns: [
      { key: "group", label: first, kind: "text" },
      { key: "accepted", label: t("dashboards.quality.accepted"), kind: "int" },
      { key: "rejected", label: t("dashboards.quality.rejected"), kind: "int" },
      { key: "acceptance", label: t("dashboards.quality.acceptance"), kind: "ratio" },
      ...REJECT_REASONS.map((r) => ({ key: r, label: t(`handoffs.reasons.${r}`), kind: "int" as const })),
    ],
    rows: groups.map((g) => ({
      cells: [label(g.key), g.accepted, g.rejected, g.acceptance, ...REJECT_REASONS.map((r) => g.reasons[r] ?? 0)],
      href: href(g.key),
    })),
  });
  return [
    slice(
      "quality-channels",
      t("dashboards.quality.byChannel"),
      t("leads.channel"),
      m.byChannel,
      (k) => t(`channels.${k}`),
      (k) => returnedHref({ ...range, channel: k as MetricsFilter["channel"] }),
    ),
    slice(
      "quality-campaigns",
      t("dashboards.quality.byCampaign"),
      t("leads.campaign"),
      m.byCampaign,
      (k) => k || t("dashboards.quality.noCampaign"),
      () => undefined,
    ),
    slice(
      "quality-personas",
      t("dashboards.quality.byPersona"),
      t("leads.persona"),
      m.byPersona,
      (k) => k || t("dashboards.quality.noPersona"),
      () => undefined,
    ),
  ];
}
