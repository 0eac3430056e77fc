import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { isolate } from "@/lib/bidi";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { found } from "@/server/page-data";
import { getPersona, personaPerformance } from "@/server/personas/queries";
import { PersonaAvatar } from "../avatar";
import { FeedbackForm, PersonaActions } from "./persona-controls";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("personas.read");
  const data = await getPersona(actor, (await params).id).catch(() => null);
  return { title: data?.persona.name };
}

export default async function PersonaPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("personas.read");
  const { persona, feedback, averageRating, versions } = await found(getPersona(actor, (await params).id));
  const performance = await personaPerformance(actor, persona.id);
  const percent = (value: number | null) =>
    value === null ? "–" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const t = await getTranslations();
  const format = await getFormatter();
  const range = (min: number | null, max: number | null) =>
    min === null && max === null ? t("personas.any") : `${min ?? 0} – ${max ?? "∞"}`;
  const editable = can(actor.role, "personas.edit");

  const section = (title: string, body: string) =>
    body ? (
      <div>
        <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
        <p className="whitespace-pre-wrap text-sm">{body}</p>
      </div>
    ) : null;

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-4">
          <PersonaAvatar initials={persona.initials} color={persona.color} size="lg" />
          <div>
            <p className="text-sm">
              <Link href="/personas" className="text-brand-700 underline">
                {t("personas.title")}
              </Link>
            </p>
            <h1 className="text-2xl font-semibold">{persona.name}</h1>
            <p className="text-slate-600">
              {[persona.title, persona.seniority, persona.industry, persona.region].filter(Boolean).join(" · ")}
            </p>
            {persona.archivedAt && <Badge>{t("personas.archived")}</Badge>}
            <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("personas.matchingNote")}</p>
          </div>
        </div>
        {editable && (
          <div className="flex flex-wrap items-start gap-2">
            <Link href={`/personas/${persona.id}/edit`} className="btn-primary">
              {t("personas.edit")}
            </Link>
            <PersonaActions personaId={persona.id} archived={Boolean(persona.archivedAt)} />
          </div>
        )}
      </header>

      <section className="card grid gap-4 md:grid-cols-2" aria-label={persona.name}>
        {section(t("personas.goals"), persona.goals)}
        {section(t("personas.pains"), persona.pains)}
        {section(t("personas.objections"), persona.objections)}
        {section(t("personas.buyingTriggers"), persona.buyingTriggers)}
        <div>
          <h3 className="text-sm font-semibold text-slate-700">{t("personas.companySize")}</h3>
          <p className="text-sm">{range(persona.companySizeMin, persona.companySizeMax)}</p>
        </div>
        {persona.preferredChannels.length > 0 && (
          <div>
            <h3 className="text-sm font-semibold text-slate-700">{t("personas.preferredChannels")}</h3>
            <p className="text-sm">{persona.preferredChannels.map((c) => t(`channels.${c}`)).join(", ")}</p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="performance">
        <h2 id="performance" className="mb-3 font-semibold">
          {t("personas.performance")}
        </h2>
        {performance.leads === 0 ? (
          <p className="text-sm text-slate-600">{t("personas.performanceNone")}</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="persona-performance">
              {[
                [t("personas.performanceLeads"), format.number(performance.leads)],
                [t("personas.performanceMqls"), format.number(performance.mqls)],
                [t("personas.performanceAcceptance"), percent(performance.acceptanceRate)],
                [t("personas.performanceWinRate"), percent(performance.winRate)],
                [
                  t("personas.performanceRevenue"),
                  format.number(performance.revenue, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
                ],
              ].map(([label, value]) => (
                <div key={label} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
            <Link href={`/leads?persona=${persona.id}`} className="mt-2 inline-block text-sm text-brand-700 underline">
              {t("personas.viewLeads")}
            </Link>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="fit">
        <h2 id="fit" className="font-semibold">
          {t("personas.fit")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("personas.fitHint")}</p>
        <dl className="grid gap-2 text-sm md:grid-cols-2">
          <dt className="font-medium">{t("personas.fitIndustries")}</dt>
          <dd>{persona.fitIndustries.join(", ") || t("personas.any")}</dd>
          <dt className="font-medium">{t("personas.fitSize")}</dt>
          <dd>{range(persona.fitSizeMin, persona.fitSizeMax)}</dd>
          <dt className="font-medium">{t("personas.fitTitleKeywords")}</dt>
          <dd>{persona.fitTitleKeywords.join(", ") || t("personas.any")}</dd>
          <dt className="font-medium">{t("personas.fitCountries")}</dt>
          <dd>{persona.fitCountries.join(", ") || t("personas.any")}</dd>
        </dl>
      </section>

      <section className="card space-y-4" aria-labelledby="feedback">
        <div>
          <h2 id="feedback" className="font-semibold">
            {t("personas.feedback")}
          </h2>
          <p className="text-sm text-slate-600">
            {t("personas.feedbackIntro")}{" "}
            {averageRating !== null &&
              t("personas.averageRating", {
                rating: format.number(averageRating, { maximumFractionDigits: 1 }),
                count: feedback.length,
              })}
          </p>
        </div>
        {can(actor.role, "personas.feedback") && <FeedbackForm personaId={persona.id} />}
        {feedback.length === 0 ? (
          <p className="text-sm text-slate-600">{t("personas.feedbackNone")}</p>
        ) : (
          <ul className="space-y-3" data-testid="persona-feedback">
            {feedback.map((f) => (
              <li key={f.id} className="rounded-md bg-slate-50 p-3 text-sm">
                <p className="text-xs text-slate-500">
                  <bdi>{f.author.name}</bdi> · {t("personas.ratingValue", { rating: f.rating })} ·{" "}
                  {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                <p className="whitespace-pre-wrap" dir="auto">
                  {f.body}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="versions">
        <h2 id="versions" className="mb-2 font-semibold">
          {t("personas.versions")}
        </h2>
        <ol className="space-y-1 text-sm">
          {versions.map((v) => (
            <li key={v.version}>
              {t("personas.versionBy", { version: v.version, name: v.editor ? isolate(v.editor) : "—" })} ·{" "}
              {format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
