import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { describeFinding, localName } from "@/server/scoring/suggestions/describe";
import { suggestionNames } from "@/server/scoring/suggestions/names";
import { listSuggestions, SUGGESTION_PERIODS, type SuggestionPeriod } from "@/server/scoring/suggestions/service";
import { OpenSuggestionButton } from "./open-suggestion-button";

/**
 * Where sales and the model disagree: the groups of MQLs sales returned far
 * more often than the average in the period, each as a concrete change that
 * opens a draft with its backtest. On the rules page (with the period to
 * choose) and on a manager's overview.
 */
export async function SuggestionsCard({
  actor,
  days,
  place,
}: {
  actor: Actor;
  days: SuggestionPeriod;
  place: "rules" | "overview";
}) {
  const t = await getTranslations("suggestions");
  const tr = await getTranslations("backtest.reasons");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const suggestions = await listSuggestions(actor, days, await suggestionNames());
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const canOpen = can(actor.role, "rules.edit");
  return (
    <section className="card space-y-3" aria-labelledby="suggestions" data-testid="suggestions">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="suggestions" className="font-semibold">
            {t("title")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">
            {suggestions.handoffs === 0
              ? suggestions.since
                ? t("noHandoffsSince", {
                    version: suggestions.since.version,
                    date: format.dateTime(suggestions.since.publishedAt, { dateStyle: "medium" }),
                  })
                : t("noHandoffs", { days })
              : t(suggestions.since ? "periodSince" : "period", {
                  version: suggestions.since?.version ?? 0,
                  date: suggestions.since
                    ? format.dateTime(suggestions.since.publishedAt, { dateStyle: "medium" })
                    : "",
                  days,
                  handoffs: suggestions.handoffs,
                  rejected: suggestions.rejected,
                  rate: percent(suggestions.rejected / suggestions.handoffs),
                })}
          </p>
        </div>
        {place === "rules" ? (
          <form method="get" action="/rules#suggestions" className="flex items-end gap-2">
            <div>
              <label htmlFor="suggest-days" className="label">
                {t("periodLabel")}
              </label>
              <select id="suggest-days" name="suggestDays" defaultValue={String(days)} className="input">
                {SUGGESTION_PERIODS.map((d) => (
                  <option key={d} value={d}>
                    {t("lastDays", { days: d })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              {t("show")}
            </button>
          </form>
        ) : (
          <Link href="/rules#suggestions" className="text-sm text-brand-700 underline">
            {t("toRules")}
          </Link>
        )}
      </div>
      {suggestions.handoffs > 0 && suggestions.findings.length === 0 && (
        <p className="text-sm text-slate-700">{t("none", { min: 10 })}</p>
      )}
      <ul className="space-y-3">
        {suggestions.findings.map((finding) => (
          <li key={finding.key} className="rounded-md border border-slate-200 p-3" data-testid="suggestion">
            <p className="font-medium">
              {describeFinding(
                finding,
                (k, v) => t(k, v),
                (r) => tr(r),
                localName(tAll),
              )}
            </p>
            <p className="text-sm text-slate-600">
              {t("evidence", {
                rate: percent(finding.rate),
                low: percent(finding.low),
                high: percent(finding.high),
                average: percent(finding.average),
              })}
            </p>
            <p className="text-sm text-slate-600">
              {t("reasons")}{" "}
              {Object.entries(finding.reasons)
                .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
                .map(([reason, n]) => `${tr(reason)} ${format.number(n ?? 0)}`)
                .join(", ")}
            </p>
            {finding.change && canOpen && <OpenSuggestionButton days={days} suggestionKey={finding.key} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The card's place while the period's handoffs are read (the rest of the page does not wait for them). */
export async function SuggestionsFallback() {
  const t = await getTranslations("suggestions");
  return (
    <section className="card space-y-2" aria-busy="true" aria-labelledby="suggestions">
      <h2 id="suggestions" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-500">{t("loading")}</p>
    </section>
  );
}
