import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filter-select";
import { pageActor } from "@/server/auth/current-actor";
import { closeWindow } from "@/server/handoffs/deals";
import { type PipelineStage, pipeline } from "@/server/handoffs/pipeline";
import { listAssignees } from "@/server/handoffs/queries";
import { workspaceTimeZone } from "@/server/workspaces/queries";
import { DealActions } from "../../leads/[id]/deal-actions";
import { HandoffTabs } from "../handoff-tabs";

export async function generateMetadata() {
  const t = await getTranslations("pipeline");
  return { title: t("heading") };
}

const COLUMNS: PipelineStage[] = ["SQL", "OPPORTUNITY", "CUSTOMER", "LOST"];

/** The deals a rep works: accepted leads by stage, moved on in one or two actions from the card. */
export default async function PipelinePage({ searchParams }: { searchParams: Promise<{ owner?: string }> }) {
  const actor = await pageActor("deals.progress");
  const { owner } = await searchParams;
  const manager = actor.role === "MANAGER";
  const [board, people, t, format, timeZone] = await Promise.all([
    pipeline(actor, { ownerId: owner || undefined }),
    manager ? listAssignees(actor) : Promise.resolve([]),
    getTranslations(),
    getFormatter(),
    workspaceTimeZone(actor.workspaceId),
  ]);
  const eur = (v: number | null) =>
    v === null ? null : format.number(v, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("pipeline.heading")}</h1>
        <p className="text-slate-600">{t("pipeline.intro", { days: board.closedDays })}</p>
      </header>
      <HandoffTabs actor={actor} current="pipeline" />
      {manager && (
        <form method="get" className="flex flex-wrap items-end gap-2">
          <FilterSelect
            name="owner"
            label={t("leads.owner")}
            value={owner}
            anyLabel={t("handoffs.everyone")}
            options={people.map((p) => ({ value: p.userId, label: p.name }))}
          />
          <button type="submit" className="btn-secondary">
            {t("handoffs.filter")}
          </button>
        </form>
      )}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4" data-testid="pipeline">
        {COLUMNS.map((stage) => {
          const leads = board[stage];
          const total = leads.reduce(
            (sum, l) => sum + ((stage === "CUSTOMER" ? l.wonAmount : l.opportunityAmount) ?? 0),
            0,
          );
          return (
            <section
              key={stage}
              className="space-y-3 rounded-lg bg-slate-100 p-3"
              aria-labelledby={`col-${stage}`}
              data-testid={`pipeline-${stage}`}
            >
              <h2 id={`col-${stage}`} className="flex items-baseline justify-between gap-2 font-semibold">
                <span>
                  {t(`pipeline.columns.${stage}`)} <span className="text-slate-500">({leads.length})</span>
                </span>
                {total > 0 && <span className="text-sm font-normal tabular-nums text-slate-700">{eur(total)}</span>}
              </h2>
              {leads.length === 0 && <p className="text-sm text-slate-600">{t("pipeline.empty")}</p>}
              <ol className="space-y-2">
                {leads.map((lead) => (
                  <li key={lead.id} className="card space-y-2 p-3 md:p-3" data-testid="pipeline-card">
                    <p className="font-medium">
                      <Link href={`/leads/${lead.id}`} className="text-brand-800 underline">
                        <bdi>{lead.name || lead.email}</bdi>
                      </Link>
                    </p>
                    {lead.company && (
                      <p className="text-sm text-slate-600">
                        <bdi>{lead.company}</bdi>
                      </p>
                    )}
                    <p className="text-xs text-slate-600">
                      {t("pipeline.since", { date: day(lead.stageEnteredAt) })}
                      {stage === "OPPORTUNITY" && lead.opportunityAmount !== null && (
                        <>
                          {" · "}
                          {eur(lead.opportunityAmount)}
                          {lead.expectedCloseDate &&
                            ` · ${t("pipeline.expectedClose", { date: day(lead.expectedCloseDate) })}`}
                        </>
                      )}
                      {stage === "CUSTOMER" && lead.wonAmount !== null && ` · ${eur(lead.wonAmount)}`}
                      {stage === "LOST" && lead.lostReason && (
                        <>
                          {" · "}
                          <bdi>{lead.lostReason}</bdi>
                        </>
                      )}
                    </p>
                    {(stage === "SQL" || stage === "OPPORTUNITY") && (
                      <DealActions
                        leadId={lead.id}
                        stage={stage}
                        opportunityAmount={lead.opportunityAmount}
                        closeWindow={closeWindow(lead.stageEnteredAt, timeZone)}
                        compact
                      />
                    )}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
