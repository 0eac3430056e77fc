import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { FilterDisclosure } from "@/components/filter-disclosure";
import { FilterSelect } from "@/components/filter-select";
import { ScrollRegion } from "@/components/scroll-region";
import { Channel, LeadStage } from "@/generated/prisma/enums";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { leadFilterOptions, listLeads, ZLeadFilter } from "@/server/leads/list";
import { listSavedViews } from "@/server/leads/views";
import { isErasedEmail } from "@/server/privacy/service";
import { runningRescore } from "@/server/scoring/rescores";
import { SavedViews } from "./saved-views";

export async function generateMetadata() {
  const t = await getTranslations("leads");
  return { title: t("heading") };
}

export default async function LeadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("leads.read");
  const params = await searchParams;
  const filter = ZLeadFilter.parse(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const [{ leads, count, nextAfter }, options, views, rescore] = await Promise.all([
    listLeads(actor, filter),
    leadFilterOptions(actor),
    listSavedViews(actor),
    runningRescore(actor),
  ]);
  const personaName = new Map(options.personas.map((p) => [p.id, p.name]));
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "after"),
  );
  // What the phone's folded filter button says is set (the sort and the page are not filters).
  const activeFilters = [...query.keys()].filter((k) => k !== "sort" && k !== "reached" && k !== "entered").length;
  const nextHref = nextAfter
    ? `/leads?${new URLSearchParams({ ...Object.fromEntries(query), after: nextAfter })}`
    : null;

  const select = (name: keyof typeof filter, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect
      name={name}
      label={label}
      value={filter[name] === undefined ? undefined : String(filter[name])}
      anyLabel={t("leads.any")}
      options={options}
    />
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("leads.heading")}</h1>
          <p className="text-sm text-slate-600">{t("leads.intro")}</p>
        </div>
        <div className="flex gap-2">
          <a href={`/leads/export.csv?${query}`} className="btn-secondary">
            {t("leads.export")}
          </a>
          {can(actor.role, "leads.write") && (
            <Link href="/leads/import" className="btn-secondary">
              {t("leads.importCsv")}
            </Link>
          )}
          {can(actor.role, "leads.write") && (
            <Link href="/leads/new" className="btn-primary">
              {t("leads.new")}
            </Link>
          )}
        </div>
      </div>
      {rescore && (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rescore-notice">
          {t("leads.rescoring", {
            version: rescore.version,
            percent: format.number(rescore.total > 0 ? rescore.done / rescore.total : 0, { style: "percent" }),
          })}
        </p>
      )}
      {(filter.reached || filter.entered) && (
        <p className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="stage-filter">
          {filter.reached
            ? t("leads.reachedFilter", { stage: t(`leads.stages.${filter.reached}`) })
            : t("leads.enteredFilter", { stage: t(`leads.stages.${filter.entered as string}`) })}{" "}
          <Link
            href={`/leads?${new URLSearchParams([...query].filter(([k]) => k !== "reached" && k !== "entered"))}`}
            className="underline"
          >
            {t("leads.clearFilter")}
          </Link>
        </p>
      )}
      <search>
        <FilterDisclosure summary={t("filters.active", { count: activeFilters })}>
          {/* Keyed by the query: a client-side navigation to another filter resets the fields. */}
          <form key={query.toString()} method="get" className="card grid gap-3 md:grid-cols-4">
            {filter.reached && <input type="hidden" name="reached" value={filter.reached} />}
            {filter.entered && <input type="hidden" name="entered" value={filter.entered} />}
            <div className="md:col-span-2">
              <label htmlFor="f-q" className="label">
                {t("leads.search")}
              </label>
              <input
                id="f-q"
                name="q"
                type="search"
                defaultValue={filter.q}
                placeholder={t("leads.searchPlaceholder")}
                className="input"
              />
            </div>
            {select(
              "stage",
              t("leads.stage"),
              Object.values(LeadStage).map((s) => ({ value: s, label: t(`leads.stages.${s}`) })),
            )}
            {select(
              "channel",
              t("leads.channel"),
              Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) })),
            )}
            {select("persona", t("leads.persona"), [
              { value: "none", label: t("leads.noPersona") },
              ...options.personas.map((p) => ({ value: p.id, label: p.name })),
            ])}
            {select(
              "campaign",
              t("leads.campaign"),
              options.campaigns.map((c) => ({ value: c.id, label: c.name })),
            )}
            {select("owner", t("leads.owner"), [
              { value: "none", label: t("leads.unassigned") },
              ...options.owners.map((o) => ({ value: o.id, label: o.name })),
            ])}
            <div className="grid grid-cols-2 gap-2">
              <div>
                <label htmlFor="f-min" className="label">
                  {t("leads.minScore")}
                </label>
                <input
                  id="f-min"
                  name="minScore"
                  type="number"
                  step="any"
                  defaultValue={filter.minScore}
                  className="input"
                />
              </div>
              <div>
                <label htmlFor="f-max" className="label">
                  {t("leads.maxScore")}
                </label>
                <input
                  id="f-max"
                  name="maxScore"
                  type="number"
                  step="any"
                  defaultValue={filter.maxScore}
                  className="input"
                />
              </div>
            </div>
            <div className="grid grid-cols-2 gap-2">
              <div>
                <label htmlFor="f-from" className="label">
                  {t("leads.from")}
                </label>
                <input id="f-from" name="from" type="date" defaultValue={filter.from} className="input" />
              </div>
              <div>
                <label htmlFor="f-to" className="label">
                  {t("leads.to")}
                </label>
                <input id="f-to" name="to" type="date" defaultValue={filter.to} className="input" />
              </div>
            </div>
            <div>
              <label htmlFor="f-sort" className="label">
                {t("leads.sort")}
              </label>
              <select id="f-sort" name="sort" defaultValue={filter.sort} className="input">
                {(["newest", "oldest", "score"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`leads.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex items-end gap-2">
              <button type="submit" className="btn-primary">
                {t("leads.filter")}
              </button>
              <Link href="/leads" className="btn-secondary">
                {t("leads.clear")}
              </Link>
            </div>
          </form>
        </FilterDisclosure>
      </search>
      <SavedViews views={views.map((v) => ({ id: v.id, name: v.name, query: v.query }))} query={query.toString()} />
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="lead-count">
        {count.capped ? t("leads.countCapped", { count: count.value }) : t("leads.count", { count: count.value })}
      </p>
      {leads.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("leads.none")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <ScrollRegion label={t("leads.heading")}>
            <table className="data-table" data-testid="leads-table">
              <thead>
                <tr>
                  <th scope="col">{t("leads.name")}</th>
                  <th scope="col">{t("leads.company")}</th>
                  <th scope="col">{t("leads.stage")}</th>
                  <th scope="col">{t("leads.score")}</th>
                  <th scope="col">{t("leads.persona")}</th>
                  <th scope="col">{t("leads.channel")}</th>
                  <th scope="col">{t("leads.created")}</th>
                </tr>
              </thead>
              <tbody>
                {leads.map((lead) => (
                  <tr key={lead.id}>
                    <td>
                      <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                        <bdi>{isErasedEmail(lead.email) ? t("privacy.erasedLead") : lead.name || lead.email}</bdi>
                      </Link>
                      {lead.name && <span className="block text-xs text-slate-500">{lead.email}</span>}
                    </td>
                    <td>{lead.company}</td>
                    <td>
                      <Badge tone={lead.stage === "MQL" ? "amber" : lead.stage === "CUSTOMER" ? "green" : "slate"}>
                        {t(`leads.stages.${lead.stage}`)}
                      </Badge>
                    </td>
                    <td className="tabular-nums">
                      {format.number(lead.totalScore, { maximumFractionDigits: 1 })}
                      {lead.disqualified && (
                        <span className="ml-1">
                          <Badge tone="red">{t("leads.disqualifiedBadge")}</Badge>
                        </span>
                      )}
                    </td>
                    <td>{lead.personaId ? (personaName.get(lead.personaId) ?? "") : ""}</td>
                    <td>{t(`channels.${lead.channel}`)}</td>
                    <td className="whitespace-nowrap">{format.dateTime(lead.createdAt, { dateStyle: "medium" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      <nav className="flex gap-4 text-sm" aria-label={t("leads.heading")}>
        {filter.after && (
          <Link href={`/leads?${query}`} className="text-brand-700 underline">
            {t("leads.firstPage")}
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className="text-brand-700 underline" rel="next">
            {t("leads.nextPage")}
          </Link>
        )}
      </nav>
    </div>
  );
}
