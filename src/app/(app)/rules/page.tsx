import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { TermHint } from "@/components/term-hint";
import { Channel } from "@/generated/prisma/enums";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { db } from "@/server/db";
import { listCustomEventTypes } from "@/server/leads/event-types";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import {
  type BacktestView,
  defaultBacktestInput,
  finishedBacktests,
  latestBacktest,
} from "@/server/scoring/backtest/service";
import { runningRescore } from "@/server/scoring/rescores";
import { getScoringModels } from "@/server/scoring/service";
import { DEFAULT_SUGGESTION_PERIOD, SUGGESTION_PERIODS } from "@/server/scoring/suggestions/service";
import { eventTypeOptions } from "../event-type-options";
import { backtestSummary } from "./backtest/summary";
import { EventTypes } from "./event-types";
import { toForm } from "./model-form";
import { RestoreButton } from "./restore-button";
import { RulesEditor } from "./rules-editor";
import { SuggestionsCard, SuggestionsFallback } from "./suggestions/suggestions-card";

export async function generateMetadata() {
  const t = await getTranslations("rules");
  return { title: t("title") };
}

export default async function RulesPage({ searchParams }: { searchParams: Promise<{ suggestDays?: string }> }) {
  const actor = await pageActor("rules.read");
  const { suggestDays } = await searchParams;
  const days = SUGGESTION_PERIODS.find((d) => String(d) === suggestDays) ?? DEFAULT_SUGGESTION_PERIOD;
  const { published, draft, versions } = await getScoringModels(actor);
  const t = await getTranslations();
  const format = await getFormatter();
  const editable = can(actor.role, "rules.edit");
  const [personas, customTypes, workspace] = await Promise.all([
    db.persona.findMany({
      where: { workspaceId: actor.workspaceId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    listCustomEventTypes(actor),
    db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } }),
  ]);
  const eventTypes = await eventTypeOptions(actor, customTypes);
  const base = draft ?? published;
  const [latest, backtests, running] = await Promise.all([
    base ? latestBacktest(actor, base) : null,
    finishedBacktests(actor, versions),
    runningRescore(actor),
  ]);
  const tb = await getTranslations("backtest");
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("rules.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          {t.rich("rules.intro", { mql: (chunks) => <TermHint termKey="mql">{chunks}</TermHint> })}
        </p>
      </div>
      {published && (
        <section className="card text-sm" aria-labelledby="in-force" data-testid="rules-in-force">
          <h2 id="in-force" className="font-semibold">
            {t("rules.published", { version: published.version })}
          </h2>
          <p>{t("rules.thresholdValue", { threshold: published.definition.mqlThreshold })}</p>
          <p className="text-slate-600">
            {t("rules.rulesCount", {
              fit: published.definition.fitRules.length,
              behaviour: published.definition.behaviourRules.length,
              disqualifiers: published.definition.disqualifiers.length,
            })}
          </p>
          {published.publishedAt && (
            <p className="text-slate-600">
              {t("rules.publishedBy", {
                name: published.publishedBy ?? "—",
                date: format.dateTime(published.publishedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
              {published.note && ` · ${t("rules.publishedNote", { note: published.note })}`}
            </p>
          )}
        </section>
      )}
      {editable && base ? (
        <>
          <p className="text-sm font-medium">
            {draft ? t("rules.editing", { version: draft.version }) : t("rules.newDraft")}
          </p>
          <RulesEditor
            initial={toForm(base.definition)}
            initialNote={draft?.note ?? ""}
            hasDraft={Boolean(draft)}
            canPublish={can(actor.role, "rules.publish")}
            eventTypes={eventTypes}
            personas={personas.map((p) => ({ value: p.id, label: p.name }))}
            channels={Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            backtest={{ latest, defaults: defaultBacktestInput(workspace.timeZone) }}
            running={running}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">{t("rules.readOnly")}</p>
      )}
      <Suspense fallback={<SuggestionsFallback />}>
        <SuggestionsCard actor={actor} days={days} place="rules" />
      </Suspense>
      <EventTypes
        editable={editable}
        types={[
          ...BUILT_IN_EVENT_TYPES.map((type) => ({ key: type, label: t(`leads.eventTypes.${type}`), builtIn: true })),
          ...customTypes.map((type) => ({ key: type.key, label: type.label, builtIn: false })),
        ]}
      />
      <section className="card" aria-labelledby="versions">
        <h2 id="versions" className="mb-2 font-semibold">
          {t("rules.versions")}
        </h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{t("rules.version", { version: v.version })}</span> ·{" "}
                {t(`rules.statuses.${v.status}`)} ·{" "}
                {t("rules.thresholdValue", { threshold: v.definition.mqlThreshold })}
                {v.publishedAt &&
                  ` · ${t("rules.publishedBy", { name: v.publishedBy ?? "—", date: format.dateTime(v.publishedAt, { dateStyle: "medium" }) })}`}
                {v.note && ` · ${v.note}`}
                {backtests.has(v.id) && (
                  <span className="block text-xs text-slate-600" data-testid="version-backtest">
                    {backtestSummary(backtests.get(v.id) as BacktestView, (key, values) => tb(key, values), percent)}
                  </span>
                )}
              </span>
              {editable && v.status !== "DRAFT" && <RestoreButton version={v.version} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
