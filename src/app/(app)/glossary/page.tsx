import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, TERM_STATUS_TONE } from "@/components/badges";
import { FilterSelect } from "@/components/filter-select";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { sideOf } from "@/server/glossary/agreement";
import { type Locale, listTerms, localized } from "@/server/glossary/queries";
import { TERM_CATEGORIES, ZTermFilter } from "@/server/glossary/schema";
import { starterSetStatus } from "@/server/glossary/service";
import { ApproveStarterSet } from "./starter-set";

export async function generateMetadata() {
  const t = await getTranslations("glossary");
  return { title: t("title") };
}

export default async function GlossaryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("glossary.read");
  const filter = ZTermFilter.parse(await searchParams);
  const t = await getTranslations("glossary");
  const locale = (await getLocale()) as Locale;
  const [terms, starter] = await Promise.all([listTerms(actor, filter, locale), starterSetStatus(actor)]);
  const side = sideOf(actor.role);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/glossary/new" className="btn-primary">
          {t("propose")}
        </Link>
      </div>
      {starter.pending > 0 && (
        <section className="card space-y-2 border-amber-200 bg-amber-50" aria-labelledby="starter-set">
          <h2 id="starter-set" className="font-semibold">
            {t("starterTitle", { count: starter.pending })}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t("starterIntro")}</p>
          {starter.approvable > 0 && can(actor.role, "glossary.approve") ? (
            <ApproveStarterSet
              count={starter.approvable}
              side={side === "marketing" || side === "sales" ? t(`side_${side}`) : t("starterAsManager")}
            />
          ) : (
            <p className="text-sm text-slate-700">{t("starterWaiting")}</p>
          )}
        </section>
      )}
      <search>
        <form key={JSON.stringify(filter)} method="get" className="card flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <label htmlFor="q" className="label">
              {t("search")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filter.q}
              placeholder={t("searchPlaceholder")}
              className="input"
            />
          </div>
          <FilterSelect
            name="category"
            label={t("category")}
            value={filter.category}
            anyLabel={t("allCategories")}
            options={TERM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          />
          <FilterSelect
            name="status"
            label={t("status")}
            value={filter.status}
            anyLabel={t("allStatuses")}
            options={(["PROPOSED", "AGREED", "DEPRECATED"] as const).map((s) => ({
              value: s,
              label: t(`statuses.${s}`),
            }))}
          />
          <button type="submit" className="btn-secondary">
            {t("filter")}
          </button>
          {(filter.q || filter.category || filter.status) && (
            <Link href="/glossary" className="btn text-brand-700 underline">
              {t("clear")}
            </Link>
          )}
        </form>
      </search>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("count", { count: terms.length })}
      </p>
      {terms.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="term-list">
          {terms.map((term) => {
            const text = localized(term, locale);
            return (
              <li key={term.id} className="card">
                <div className="mb-1 flex flex-wrap items-center gap-2">
                  <Link href={`/glossary/${term.id}`} className="font-semibold text-brand-700 hover:underline">
                    {text.name}
                  </Link>
                  <Badge tone={TERM_STATUS_TONE[term.status]}>{t(`statuses.${term.status}`)}</Badge>
                  <Badge tone="blue">{t(`categories.${term.category}`)}</Badge>
                  {term.status === "AGREED" && term._count.revisions > 0 && (
                    <Badge tone="amber">{t("changePending")}</Badge>
                  )}
                </div>
                <p className="line-clamp-3 text-sm text-slate-700">{text.definition}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
