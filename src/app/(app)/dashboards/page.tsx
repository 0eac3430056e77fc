import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterDisclosure } from "@/components/filter-disclosure";
import { FilterDate, FilterSelect } from "@/components/filter-select";
import { LeadDimensionFilters } from "@/components/lead-dimension-filters";
import { pageActor } from "@/server/auth/current-actor";
import { leadFilterOptions } from "@/server/leads/list";
import { resolveRange, ZMetricsFilter } from "@/server/metrics/filter";
import { workspaceTimeZone } from "@/server/workspaces/queries";
import { FunnelView } from "./funnel-view";
import { GoalsView } from "./goals-view";
import { QualityView } from "./quality-view";
import { RoiView } from "./roi-view";
import { SlaView } from "./sla-view";

export async function generateMetadata() {
  const t = await getTranslations("dashboards");
  return { title: t("heading") };
}

const VIEWS = ["funnel", "quality", "sla", "roi", "goals"] as const;
type View = (typeof VIEWS)[number];

/** One set of numbers for both teams: funnel, SLA and ROI with the same filters, every figure traceable. */
export default async function DashboardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("metrics.read");
  const params = await searchParams;
  const view: View = VIEWS.includes(params.view as View) ? (params.view as View) : "funnel";
  const parsed = ZMetricsFilter.parse(params);
  // The period in effect, resolved once: the date fields show it, and every figure, link and CSV uses it.
  const [timeZone, options, t, format] = await Promise.all([
    workspaceTimeZone(actor.workspaceId),
    leadFilterOptions(actor),
    getTranslations(),
    getFormatter(),
  ]);
  const range = resolveRange(parsed, timeZone);
  const filter = { ...parsed, from: range.fromDate, to: range.toDate };
  const filterQuery = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const query = `${filterQuery}&view=${view}`;
  const dimensionsSet = (["channel", "campaignId", "personaId", "ownerId"] as const).filter((k) => filter[k]).length;
  const periodText = format.dateTimeRange(range.from, new Date(range.to.getTime() - 1), {
    dateStyle: "medium",
    timeZone,
  });

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
        <FilterDisclosure
          summary={dimensionsSet > 0 ? `${periodText} · ${t("filters.active", { count: dimensionsSet })}` : periodText}
        >
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
        </FilterDisclosure>
      )}
      {view === "funnel" && <FunnelView actor={actor} filter={filter} query={query} />}
      {view === "quality" && <QualityView actor={actor} filter={filter} query={query} />}
      {view === "sla" && <SlaView actor={actor} filter={filter} query={query} />}
      {view === "roi" && <RoiView actor={actor} filter={filter} query={query} />}
      {view === "goals" && <GoalsView actor={actor} monthParam={params.month} />}
    </div>
  );
}
