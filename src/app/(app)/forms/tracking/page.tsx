import { getFormatter, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { CopyButton } from "@/components/copy-button";
import { appUrl } from "@/env";
import { trackingSnippet } from "@/lib/website-snippets";
import { pageActor } from "@/server/auth/current-actor";
import { trackingSettings } from "@/server/tracking/service";
import { eventTypeOptions } from "../../event-type-options";
import { TrackingEditor } from "./tracking-editor";

export async function generateMetadata() {
  const t = await getTranslations("tracking");
  return { title: t("title") };
}

/** The website snippet, its consent and sites, and the rules that read page views (marketers, managers, admins). */
export default async function TrackingPage() {
  const actor = await pageActor("tracking.edit");
  const t = await getTranslations("tracking");
  const format = await getFormatter();
  const [settings, eventTypes] = await Promise.all([trackingSettings(actor), eventTypeOptions(actor)]);
  const snippet = trackingSnippet(appUrl(), settings.publicKey, settings.requireConsent);
  const stats = [
    { label: t("anonymousViews"), value: settings.stats.anonymousViews30d },
    { label: t("leadViews"), value: settings.stats.leadPageViews30d },
    { label: t("identifiedVisitors"), value: settings.stats.identifiedVisitors },
  ];
  return (
    <div className="space-y-4">
      <BackLink href="/forms" label={t("back")} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <section className="card space-y-3" aria-labelledby="snippet-title">
        <h2 id="snippet-title" className="text-lg font-semibold">
          {t("snippetTitle")}
        </h2>
        <p id="snippet-hint" className="text-sm text-slate-600">
          {t("snippetHint")}
        </p>
        <textarea
          readOnly
          rows={3}
          value={snippet}
          aria-label={t("snippetTitle")}
          aria-describedby="snippet-hint"
          data-testid="tracking-snippet"
          className="input font-mono text-xs"
        />
        <CopyButton value={snippet} label={t("copySnippet")} />
      </section>
      <section className="card" aria-labelledby="stats-title">
        <h2 id="stats-title" className="mb-2 font-semibold">
          {t("stats")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          {stats.map((stat) => (
            <div key={stat.label}>
              <dt className="text-slate-600">{stat.label}</dt>
              <dd className="text-lg font-semibold">{format.number(stat.value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <TrackingEditor
        initial={{
          requireConsent: settings.requireConsent,
          allowedOrigins: settings.allowedOrigins,
          urlRules: settings.urlRules,
          channelRules: settings.channelRules,
        }}
        eventTypes={eventTypes}
      />
    </div>
  );
}
