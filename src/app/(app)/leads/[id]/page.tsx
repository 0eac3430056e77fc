import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { TermHint } from "@/components/term-hint";
import { pageActor } from "@/server/auth/current-actor";
import { getLeadDetail } from "@/server/leads/queries";

type Explanation = {
  contributions?: { ruleId: string; label: string; kind: string; points: number; events?: number }[];
  disqualifiedBy?: { ruleId: string; label: string }[];
  threshold?: number;
};

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("leads.read");
  const { lead, persona, campaign, owner, timeline } = await getLeadDetail(actor, (await params).id);
  const t = await getTranslations();
  const format = await getFormatter();
  const explanation = (lead.scoreExplanation ?? {}) as Explanation;
  const points = (n: number) => `${n > 0 ? "+" : ""}${format.number(n, { maximumFractionDigits: 2 })}`;
  const eventLabel = (type: string) => (t.has(`leads.eventTypes.${type}`) ? t(`leads.eventTypes.${type}`) : type);

  const fact = (label: string, value: React.ReactNode) =>
    value ? (
      <>
        <dt className="text-slate-600">{label}</dt>
        <dd className="min-w-0 break-words">{value}</dd>
      </>
    ) : null;

  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/leads" className="text-brand-700 underline">
            {t("leads.heading")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{lead.name || lead.email}</h1>
        <p className="text-slate-600">{[lead.title, lead.company].filter(Boolean).join(" · ")}</p>
        <div className="mt-1 flex gap-2">
          <Badge tone={lead.stage === "MQL" ? "amber" : "slate"}>
            <TermHint termKey={lead.stage.toLowerCase()}>{t(`leads.stages.${lead.stage}`)}</TermHint>
          </Badge>
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts" className="mb-3 font-semibold">
            {t("leads.facts")}
          </h2>
          <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-2 text-sm">
            {fact(t("leads.email"), lead.email)}
            {fact(t("leads.phone"), lead.phone)}
            {fact(t("leads.industry"), lead.industry)}
            {fact(t("leads.companySize"), lead.companySize !== null ? format.number(lead.companySize) : null)}
            {fact(t("leads.country"), lead.country)}
            {fact(t("leads.channel"), t(`channels.${lead.channel}`))}
            {fact(t("leads.campaign"), campaign?.name)}
            {fact(
              t("leads.persona"),
              persona ? (
                <Link href={`/personas/${persona.id}`} className="text-brand-700 underline">
                  {persona.name}
                </Link>
              ) : null,
            )}
            {fact(t("leads.owner"), owner?.name)}
            {fact(t("leads.created"), format.dateTime(lead.createdAt, { dateStyle: "medium", timeStyle: "short" }))}
          </dl>
        </section>
        <section className="card" aria-labelledby="score">
          <h2 id="score" className="mb-3 font-semibold">
            {t("leads.scoreTitle")}
          </h2>
          <dl className="mb-3 grid grid-cols-3 gap-3 text-center">
            {[
              [t("leads.fit"), lead.fitScore],
              [t("leads.engagement"), lead.engagementScore],
              [t("leads.total"), lead.totalScore],
            ].map(([label, value]) => (
              <div key={String(label)} className="rounded-md bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{label}</dt>
                <dd className="text-xl font-semibold tabular-nums">
                  {format.number(Number(value), { maximumFractionDigits: 1 })}
                </dd>
              </div>
            ))}
          </dl>
          <p className={`text-sm ${lead.qualifies ? "text-green-800" : "text-slate-600"}`} data-testid="qualifies">
            {lead.qualifies ? t("leads.qualifies") : t("leads.doesNotQualify")}
            {explanation.threshold !== undefined && ` · ${t("leads.threshold", { threshold: explanation.threshold })}`}
          </p>
          {explanation.disqualifiedBy && explanation.disqualifiedBy.length > 0 && (
            <p className="text-sm text-red-800">
              {t("leads.disqualified", { rules: explanation.disqualifiedBy.map((d) => d.label).join(", ") })}
            </p>
          )}
          <h3 className="mt-4 mb-1 text-sm font-semibold">{t("leads.why")}</h3>
          {explanation.contributions && explanation.contributions.length > 0 ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="score-explanation">
              {explanation.contributions.map((c) => (
                <li key={c.ruleId} className="flex justify-between py-1">
                  <span>
                    {c.label}
                    {c.events !== undefined && (
                      <span className="text-slate-500"> ({t("leads.events", { count: c.events })})</span>
                    )}
                  </span>
                  <span className={`tabular-nums ${c.points < 0 ? "text-red-700" : "text-green-800"}`}>
                    {points(c.points)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("leads.noRules")}</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 font-semibold">
          {t("leads.timeline")}
        </h2>
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">{t("leads.noTimeline")}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {timeline.map((item) => (
              <li key={item.id} className="flex gap-3">
                <time dateTime={item.at.toISOString()} className="w-44 shrink-0 text-slate-500">
                  {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {item.kind === "event" ? (
                  <span>{eventLabel(item.type)}</span>
                ) : (
                  <span className="font-medium">
                    {item.from
                      ? t("leads.stageChange", {
                          from: t(`leads.stages.${item.from}`),
                          to: t(`leads.stages.${item.to}`),
                        })
                      : t("leads.stageStart", { to: t(`leads.stages.${item.to}`) })}
                    <span className="font-normal text-slate-500">
                      {" "}
                      · {t.has(`leads.reasons.${item.reason}`) ? t(`leads.reasons.${item.reason}`) : item.reason}
                      {item.by && ` · ${item.by}`}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
