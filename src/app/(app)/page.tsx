import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { TermHint } from "@/components/term-hint";
import { isolate } from "@/lib/bidi";
import { listAuditEntries } from "@/server/audit/queries";
import { pageActor } from "@/server/auth/current-actor";
import { can, ROLES } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { glossaryCounts } from "@/server/glossary/queries";
import { memberCountsByRole } from "@/server/members/queries";
import { DEFAULT_SUGGESTION_PERIOD } from "@/server/scoring/suggestions/service";
import { AlignmentCard } from "./dashboards/alignment-card";
import { SuggestionsCard, SuggestionsFallback } from "./rules/suggestions/suggestions-card";
import { WaitingCard } from "./waiting-card";

const STAGES = ["lead", "mql", "sql", "opportunity", "customer"] as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await pageActor("workspace.read");
  const { denied } = await searchParams;
  const session = await getSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const [counts, terms] = await Promise.all([memberCountsByRole(actor), glossaryCounts(actor)]);
  const showActivity = can(actor.role, "audit.read");
  const activity = showActivity ? (await listAuditEntries(actor, {})).entries.slice(0, 8) : [];

  return (
    <div className="space-y-6">
      {denied && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("home.denied", { role: t(`roles.${actor.role}`) })}
        </p>
      )}
      <div>
        <h1 className="text-2xl font-semibold">{t("home.welcome", { name: isolate(session?.user.name ?? "") })}</h1>
        <p className="text-slate-600">
          {t("home.yourRole", {
            workspace: isolate(session?.active?.workspaceName ?? ""),
            role: t(`roles.${actor.role}`),
          })}
        </p>
        <p className="mt-1 text-sm text-slate-500">{t(`roleDescriptions.${actor.role}`)}</p>
      </div>
      <WaitingCard actor={actor} />
      {actor.role === "MANAGER" && (
        // Managers review how the agreement is kept and where sales and the rules disagree here; marketers see the
        // suggestions on the rules page.
        <>
          <AlignmentCard actor={actor} />
          <Suspense fallback={<SuggestionsFallback />}>
            <SuggestionsCard actor={actor} days={DEFAULT_SUGGESTION_PERIOD} place="overview" />
          </Suspense>
        </>
      )}
      <section className="card" aria-labelledby="lifecycle">
        <h2 id="lifecycle" className="mb-3 font-semibold">
          {t("glossary.lifecycle")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("home.lifecycleHint")}</p>
        <ol className="flex flex-wrap items-center gap-2 text-sm" data-testid="lifecycle">
          {STAGES.map((stage, index) => (
            <li key={stage} className="flex items-center gap-2">
              {index > 0 && <span aria-hidden="true">→</span>}
              <span className="rounded-md bg-brand-50 px-3 py-1">
                <TermHint termKey={stage}>{t(`home.stages.${stage}`)}</TermHint>
              </span>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-slate-600">
          {t("home.glossaryStatus")}:{" "}
          {t("home.glossaryCounts", { agreed: terms.AGREED ?? 0, proposed: terms.PROPOSED ?? 0 })} ·{" "}
          <Link href="/glossary" className="text-brand-700 underline">
            {t("home.openGlossary")}
          </Link>
        </p>
      </section>
      <section className="card" aria-labelledby="members-by-role">
        <h2 id="members-by-role" className="mb-3 font-semibold">
          {t("home.membersByRole")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {ROLES.map((role) => (
            <div key={role} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t(`roles.${role}`)}</dt>
              <dd className="text-2xl font-semibold">{format.number(counts[role] ?? 0)}</dd>
            </div>
          ))}
        </dl>
        <Link href="/settings/members" className="mt-3 inline-block text-sm text-brand-700 underline">
          {t("settings.members")}
        </Link>
      </section>
      {showActivity && (
        <section className="card" aria-labelledby="recent-activity">
          <h2 id="recent-activity" className="mb-3 font-semibold">
            {t("home.recentActivity")}
          </h2>
          {activity.length === 0 ? (
            <p className="text-sm text-slate-600">{t("home.noActivity")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {activity.map((entry) => (
                <li key={entry.id} className="flex justify-between gap-4 py-2">
                  <span>
                    <span className="font-medium">{entry.actorName ?? t("audit.system")}</span> · {entry.action}
                  </span>
                  <time dateTime={entry.createdAt.toISOString()} className="text-slate-500">
                    {format.relativeTime(entry.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
