import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { BdiList } from "@/components/bdi-list";
import { ScoreExplanation } from "@/components/score-explanation";
import { TermHint } from "@/components/term-hint";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { answeredHandoff, listAssignees, listOpenHandoffs, liveSummary } from "@/server/handoffs/queries";
import { publishedThreshold } from "@/server/leads/queries";
import { HandoffActions, ReassignControl } from "./handoff-actions";
import { HandoffTabs } from "./handoff-tabs";
import { LiveRefresh } from "./live-refresh";
import { SlaCountdown } from "./sla-countdown";

export default async function HandoffsPage({
  searchParams,
}: {
  searchParams: Promise<{ view?: string; assignee?: string; focus?: string; done?: string }>;
}) {
  const actor = await pageActor("handoffs.read");
  const query = await searchParams;
  const canAssign = can(actor.role, "handoffs.assign");
  const team = query.view === "team" && canAssign;
  // Marketers and admins have no inbox of their own: they read returned leads.
  if (!team && !can(actor.role, "handoffs.answer")) redirect("/handoffs/returned");
  const [{ handoffs, total }, people, live, done, threshold] = await Promise.all([
    listOpenHandoffs(actor, { team, assigneeId: team ? query.assignee : undefined }),
    canAssign ? listAssignees(actor) : Promise.resolve([]),
    liveSummary(actor),
    query.done ? answeredHandoff(actor, query.done) : Promise.resolve(null),
    publishedThreshold(actor),
  ]);
  const returnTo = new URLSearchParams(
    team ? { view: "team", ...(query.assignee ? { assignee: query.assignee } : {}) } : {},
  ).toString();
  const t = await getTranslations();
  const format = await getFormatter();

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("handoffs.heading")}</h1>
        <p className="text-slate-600">
          {t.rich("handoffs.intro", {
            mql: (chunks) => <TermHint termKey="mql">{chunks}</TermHint>,
            sql: (chunks) => <TermHint termKey="sql">{chunks}</TermHint>,
            sla: (chunks) => (
              <Link href="/sla" className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <HandoffTabs actor={actor} current={team ? "team" : "mine"} />
      {done && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="answered">
          {done.status === "ACCEPTED"
            ? t("handoffs.acceptedMessage", { lead: done.lead.name || done.lead.email })
            : t("handoffs.rejectedMessage", { lead: done.lead.name || done.lead.email })}{" "}
          <Link href={`/leads/${done.lead.id}`} className="underline">
            {t("handoffs.openLead")}
          </Link>
        </p>
      )}
      {!team && <LiveRefresh initial={live} />}
      {team && (
        <form className="flex flex-wrap items-end gap-2" method="get">
          <input type="hidden" name="view" value="team" />
          <div>
            <label htmlFor="assignee" className="label">
              {t("handoffs.assignee")}
            </label>
            <select id="assignee" name="assignee" className="input" defaultValue={query.assignee ?? ""}>
              <option value="">{t("handoffs.everyone")}</option>
              {people.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("handoffs.filter")}
          </button>
        </form>
      )}
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="handoff-total">
        {t("handoffs.openTotal", { count: total })}
        {total > handoffs.length && ` · ${t("handoffs.showingFirst", { count: handoffs.length })}`}
      </p>
      {handoffs.length === 0 ? (
        <p className="card text-slate-600">{team ? t("handoffs.emptyTeam") : t("handoffs.emptyMine")}</p>
      ) : (
        <ol className="space-y-3" data-testid="handoff-list">
          {handoffs.map((h) => {
            const leadName = h.lead.name || h.lead.email;
            return (
              <li
                key={h.id}
                id={`handoff-${h.id}`}
                className={`card grid gap-4 lg:grid-cols-[minmax(0,1fr)_16rem] ${query.focus === h.id ? "ring-2 ring-brand-600" : ""}`}
                data-testid="handoff"
              >
                <div className="min-w-0 space-y-2">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/leads/${h.lead.id}`} className="text-brand-800 underline">
                      <bdi>{leadName}</bdi>
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-700">
                    <BdiList items={[h.lead.title, h.lead.company, h.lead.country]} />
                  </p>
                  <div className="flex flex-wrap gap-2 text-sm">
                    <Badge tone="amber">
                      <TermHint termKey="mql">{t("leads.stages.MQL")}</TermHint>
                    </Badge>
                    {h.personaName && <Badge tone="slate">{h.personaName}</Badge>}
                    <Badge tone="slate">{t(`channels.${h.lead.channel}`)}</Badge>
                    <span className="tabular-nums text-slate-700">
                      {t("handoffs.score", { score: format.number(h.lead.totalScore, { maximumFractionDigits: 1 }) })}
                      {/* Points decay: the score it crossed the threshold with is said when it differs. */}
                      {h.scoreAtHandoff !== null &&
                        Math.abs(h.scoreAtHandoff - h.lead.totalScore) >= 0.05 &&
                        ` · ${t("handoffs.scoreAtHandoff", { score: format.number(h.scoreAtHandoff, { maximumFractionDigits: 1 }) })}`}
                    </span>
                    {h.reassignCount > 0 && (
                      <Badge tone="red">{t("handoffs.reassignedTimes", { count: h.reassignCount })}</Badge>
                    )}
                  </div>
                  <p className="text-sm text-slate-600">
                    {h.lead.email}
                    {h.lead.industry && ` · ${h.lead.industry}`}
                    {h.lead.companySize !== null && ` · ${t("handoffs.employees", { count: h.lead.companySize })}`}
                  </p>
                  {team && (
                    <p className="text-sm">
                      {t("handoffs.assignedTo", { name: h.assigneeName ?? t("handoffs.nobody") })}
                    </p>
                  )}
                  <details className="text-sm">
                    <summary className="cursor-pointer text-brand-700">{t("handoffs.whyScore")}</summary>
                    <div className="mt-2">
                      <ScoreExplanation explanation={h.lead.scoreExplanation} qualifies threshold={threshold} />
                    </div>
                  </details>
                </div>
                <div className="space-y-3">
                  <SlaCountdown dueAt={h.dueAt.toISOString()} calendar={h.calendar} />
                  {(h.assigneeId === actor.userId || actor.role === "MANAGER") && (
                    <HandoffActions handoffId={h.id} returnTo={returnTo} />
                  )}
                  {canAssign && (
                    <ReassignControl
                      handoffId={h.id}
                      currentId={h.assigneeId}
                      people={people.map((p) => ({ userId: p.userId, name: p.name, away: p.away }))}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
