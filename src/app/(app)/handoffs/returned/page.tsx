import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { FilterDisclosure } from "@/components/filter-disclosure";
import { FilterDate, FilterSelect } from "@/components/filter-select";
import { LeadDimensionFilters } from "@/components/lead-dimension-filters";
import { ScrollRegion } from "@/components/scroll-region";
import { REJECT_DESTINATION, REJECT_REASONS } from "@/lib/reject-reasons";
import { pageActor } from "@/server/auth/current-actor";
import { listReturnedLeads, ZReturnedFilter } from "@/server/handoffs/queries";
import { leadFilterOptions } from "@/server/leads/list";
import { HandoffTabs } from "../handoff-tabs";

export async function generateMetadata() {
  const t = await getTranslations("handoffs");
  return { title: t("returnedHeading") };
}

/** Marketing's view of what sales sent back, and why: the feedback loop for targeting. */
export default async function ReturnedLeadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("handoffs.read");
  const params = await searchParams;
  const filter = ZReturnedFilter.parse(params);
  const [{ rows, nextCursor }, options] = await Promise.all([
    listReturnedLeads(actor, filter),
    leadFilterOptions(actor),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const kept = Object.entries(params).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "after",
  );
  const nextHref = nextCursor ? `/handoffs/returned?${new URLSearchParams([...kept, ["after", nextCursor]])}` : null;

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("handoffs.returnedHeading")}</h1>
        <p className="text-slate-600">{t("handoffs.returnedIntro")}</p>
      </header>
      <HandoffTabs actor={actor} current="returned" />
      <FilterDisclosure summary={t("filters.active", { count: kept.length })}>
        <form method="get" className="card flex flex-wrap items-end gap-3" aria-label={t("handoffs.filters")}>
          <FilterSelect
            name="reason"
            label={t("handoffs.rejectReason")}
            value={filter.reason}
            anyLabel={t("leads.any")}
            options={REJECT_REASONS.map((r) => ({ value: r, label: t(`handoffs.reasons.${r}`) }))}
          />
          <LeadDimensionFilters values={filter} campaigns={options.campaigns} personas={options.personas} />
          {/* The dashboards' owner filter has no field here: kept while the other filters change. */}
          {filter.ownerId && <input type="hidden" name="ownerId" value={filter.ownerId} />}
          <FilterDate name="from" label={t("handoffs.returnedFrom")} value={filter.from} />
          <FilterDate name="to" label={t("handoffs.returnedTo")} value={filter.to} />
          <button type="submit" className="btn-secondary">
            {t("handoffs.filter")}
          </button>
        </form>
      </FilterDisclosure>
      {rows.length === 0 ? (
        <p className="card text-slate-600">{t("handoffs.noReturned")}</p>
      ) : (
        <ScrollRegion label={t("handoffs.returnedHeading")}>
          <table className="data-table" data-testid="returned-leads">
            <thead>
              <tr>
                <th scope="col">{t("handoffs.lead")}</th>
                <th scope="col">{t("handoffs.rejectReason")}</th>
                <th scope="col">{t("handoffs.noteColumn")}</th>
                <th scope="col">{t("leads.channel")}</th>
                <th scope="col">{t("leads.campaign")}</th>
                <th scope="col">{t("leads.persona")}</th>
                <th scope="col">{t("handoffs.returnedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/leads/${r.lead.id}`} className="text-brand-700 underline">
                      <bdi>{r.lead.name || r.lead.email}</bdi>
                    </Link>
                    <span className="block text-xs text-slate-500">{r.lead.company}</span>
                  </td>
                  <td>
                    {r.rejectReason && (
                      <>
                        {t(`handoffs.reasons.${r.rejectReason}`)}
                        <span className="block">
                          <Badge tone={REJECT_DESTINATION[r.rejectReason] === "NURTURE" ? "amber" : "slate"}>
                            {t(`leads.stages.${REJECT_DESTINATION[r.rejectReason]}`)}
                          </Badge>
                        </span>
                      </>
                    )}
                  </td>
                  <td className="max-w-xs break-words">{r.note}</td>
                  <td>{t(`channels.${r.lead.channel}`)}</td>
                  <td>{r.lead.campaign?.name}</td>
                  <td>{r.personaName}</td>
                  <td>
                    {r.answeredByName}
                    {r.answeredAt && (
                      <time dateTime={r.answeredAt.toISOString()} className="block text-xs text-slate-500">
                        {format.dateTime(r.answeredAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {nextHref && (
        <p>
          <Link href={nextHref} className="btn-secondary">
            {t("handoffs.nextPage")}
          </Link>
        </p>
      )}
    </div>
  );
}
