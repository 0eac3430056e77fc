import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { BdiList } from "@/components/bdi-list";
import { EraseLeadButton } from "@/components/erase-lead-button";
import { ScoreExplanation } from "@/components/score-explanation";
import { TermHint } from "@/components/term-hint";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { closeWindow } from "@/server/handoffs/deals";
import { leadHandoffs } from "@/server/handoffs/queries";
import { calendarOf } from "@/server/handoffs/sla";
import { getLeadDetail } from "@/server/leads/queries";
import { found } from "@/server/page-data";
import { readTouch } from "@/server/tracking/rules";
import { workspaceTimeZone } from "@/server/workspaces/queries";
import { eventTypeOptions } from "../../event-type-options";
import { DealActions } from "./deal-actions";
import { LeadAnswer } from "./lead-answer";
import { LogActivityOpener } from "./log-activity-opener";

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("leads.read");
  const { lead, persona, campaign, owner, timeline, threshold } = await found(getLeadDetail(actor, (await params).id));
  const { handoffs, names } = can(actor.role, "handoffs.read")
    ? await leadHandoffs(actor, lead.id)
    : { handoffs: [], names: {} as Record<string, string> };
  const canProgress =
    can(actor.role, "deals.progress") &&
    (actor.role === "MANAGER" || lead.ownerId === actor.userId) &&
    (lead.stage === "SQL" || lead.stage === "OPPORTUNITY");
  const person = (id: string | null) => (id ? (names[id] ?? "—") : t("handoffs.nobody"));
  const stageReason = (reason: string) => {
    const [kind, detail] = reason.split(":", 2);
    if (kind === "handoffRejected" && detail)
      return t("handoffs.rejectedBecause", { reason: t(`handoffs.reasons.${detail}`) });
    if (kind === "lost" && detail !== undefined) return t("deals.lostBecause", { reason: reason.slice(5) });
    return t.has(`leads.reasons.${reason}`) ? t(`leads.reasons.${reason}`) : reason;
  };
  const t = await getTranslations();
  const format = await getFormatter();
  // The open handoff, when this reader may answer it here (its assignee, or a manager, as in the inbox).
  const open = handoffs.find((h) => h.status === "OPEN");
  const answerable =
    open && can(actor.role, "handoffs.answer") && (open.assigneeId === actor.userId || actor.role === "MANAGER")
      ? open
      : null;
  // Reps log on the leads they own (as the service checks); erased leads take no new activity.
  const canLog =
    can(actor.role, "leads.logActivity") && !lead.erasedAt && (actor.role !== "SALES" || lead.ownerId === actor.userId);
  const eventTypes = canLog ? await eventTypeOptions(actor) : [];
  const eventLabel = (type: string) => (t.has(`leads.eventTypes.${type}`) ? t(`leads.eventTypes.${type}`) : type);

  // Where the website says the lead came from: channel, then source and campaign as the UTM tags or referrer said.
  const touchText = (stored: unknown) => {
    const touch = readTouch(stored);
    if (!touch) return null;
    const via = [touch.source, touch.campaign].filter(Boolean).join(" / ");
    const when = format.dateTime(new Date(touch.at), { dateStyle: "medium" });
    return `${t(`channels.${touch.channel}`)}${via ? ` · ${via}` : ""} · ${when}`;
  };
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
        <h1 className="text-2xl font-semibold">
          <bdi>{lead.erasedAt ? t("privacy.erasedLead") : lead.name || lead.email}</bdi>
        </h1>
        <p className="text-slate-600">
          <BdiList items={[lead.title, lead.company]} />
        </p>
        <div className="mt-1 flex gap-2">
          <Badge tone={lead.stage === "MQL" ? "amber" : "slate"}>
            <TermHint termKey={lead.stage.toLowerCase()}>{t(`leads.stages.${lead.stage}`)}</TermHint>
          </Badge>
        </div>
      </header>
      {answerable && (
        <section className="card space-y-3 border-amber-300" aria-labelledby="answer" data-testid="lead-answer">
          <h2 id="answer" className="font-semibold">
            {t("handoffs.answerHere")}
          </h2>
          <LeadAnswer
            handoffId={answerable.id}
            dueAt={answerable.dueAt.toISOString()}
            calendar={calendarOf(answerable.slaPolicy)}
          />
        </section>
      )}
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
            {fact(t("tracking.firstTouch"), touchText(lead.firstTouch))}
            {fact(t("tracking.lastTouch"), touchText(lead.lastTouch))}
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
          <ScoreExplanation explanation={lead.scoreExplanation} qualifies={lead.qualifies} threshold={threshold} />
        </section>
      </div>
      <section className="card space-y-3" aria-labelledby="privacy">
        <h2 id="privacy" className="font-semibold">
          {t("privacy.leadSection")}
        </h2>
        {lead.erasedAt ? (
          <p className="text-sm" data-testid="erased-notice">
            {t("privacy.erasedOn", {
              date: format.dateTime(lead.erasedAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        ) : (
          <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-2 text-sm">
            <dt className="text-slate-600">{t("privacy.legalBasis")}</dt>
            <dd>{lead.legalBasis ? t(`privacy.bases.${lead.legalBasis}`) : t("privacy.notRecorded")}</dd>
            {fact(t("privacy.consentSource"), lead.consentSource)}
            {fact(
              t("privacy.recordedAt"),
              lead.consentAt ? format.dateTime(lead.consentAt, { dateStyle: "medium", timeStyle: "short" }) : null,
            )}
            {fact(t("privacy.capturedVia"), lead.captureMethod ? t(`privacy.methods.${lead.captureMethod}`) : null)}
          </dl>
        )}
        {can(actor.role, "privacy.manage") && (
          <div className="flex flex-wrap items-start gap-2">
            <a href={`/leads/${lead.id}/personal-data`} className="btn-secondary" download>
              {t("privacy.export")}
            </a>
            {!lead.erasedAt && <EraseLeadButton leadId={lead.id} />}
          </div>
        )}
      </section>
      {(canProgress || lead.wonAmount !== null || lead.opportunityAmount !== null || lead.lostReason) && (
        <section className="card space-y-3" aria-labelledby="deal">
          <h2 id="deal" className="font-semibold">
            {t("deals.title")}
          </h2>
          <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-2 text-sm">
            {fact(
              t("deals.opportunityAmount"),
              lead.opportunityAmount !== null
                ? format.number(Number(lead.opportunityAmount), { style: "currency", currency: "EUR" })
                : null,
            )}
            {fact(
              t("deals.expectedClose"),
              lead.expectedCloseDate
                ? format.dateTime(lead.expectedCloseDate, { dateStyle: "medium", timeZone: "UTC" })
                : null,
            )}
            {fact(
              t("deals.wonAmount"),
              lead.wonAmount !== null
                ? format.number(Number(lead.wonAmount), { style: "currency", currency: "EUR" })
                : null,
            )}
            {fact(t("deals.lostReason"), lead.lostReason)}
          </dl>
          {canProgress && (
            <DealActions
              leadId={lead.id}
              stage={lead.stage as "SQL" | "OPPORTUNITY"}
              opportunityAmount={lead.opportunityAmount === null ? null : Number(lead.opportunityAmount)}
              closeWindow={closeWindow(lead.stageEnteredAt, await workspaceTimeZone(actor.workspaceId))}
            />
          )}
          {persona && can(actor.role, "personas.feedback") && (
            <p className="text-sm">
              <Link href={`/personas/${persona.id}#feedback`} className="text-brand-700 underline">
                {t("deals.personaFeedback", { persona: persona.name })}
              </Link>
            </p>
          )}
        </section>
      )}
      {handoffs.length > 0 && (
        <section className="card" aria-labelledby="handoffs">
          <h2 id="handoffs" className="mb-3 font-semibold">
            {t("handoffs.leadSection")}
          </h2>
          <ol className="space-y-3 text-sm" data-testid="lead-handoffs">
            {handoffs.map((h) => (
              <li key={h.id} className="space-y-1">
                <p className="font-medium">
                  {t(`handoffs.status.${h.status}`)} · {t("handoffs.slaVersion", { version: h.slaPolicy.version })}
                  {h.rejectReason && ` · ${t(`handoffs.reasons.${h.rejectReason}`)}`}
                </p>
                {h.note && <p className="text-slate-700">“{h.note}”</p>}
                <ul className="space-y-0.5 text-slate-600">
                  {h.events.map((e) => (
                    <li key={e.id.toString()}>
                      <time dateTime={e.at.toISOString()}>
                        {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
                      </time>{" "}
                      ·{" "}
                      {t(`handoffs.events.${e.kind}`, {
                        from: person(e.fromUserId),
                        to: person(e.toUserId),
                        by: person(e.actorUserId),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      )}
      {canLog && (
        <section className="card" aria-labelledby="log-activity">
          <h2 id="log-activity" className="mb-3 font-semibold">
            {t("leads.activity.title")}
          </h2>
          <LogActivityOpener leadId={lead.id} eventTypes={eventTypes} />
        </section>
      )}
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 font-semibold">
          {t("leads.timeline")}
        </h2>
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">{t("leads.noTimeline")}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {timeline.map((item) => (
              <li key={item.id} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
                <time dateTime={item.at.toISOString()} className="shrink-0 text-slate-500 sm:w-44">
                  {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {item.kind === "event" ? (
                  <span>
                    {eventLabel(item.type)}
                    {item.note && (
                      <span className="text-slate-600">
                        {" "}
                        · <bdi>{item.note}</bdi>
                      </span>
                    )}
                  </span>
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
                      · {stageReason(item.reason)}
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
