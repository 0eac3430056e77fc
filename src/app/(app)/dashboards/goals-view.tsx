import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/server/auth/permissions";
import { currentMonth, goalProgress, leaderboard } from "@/server/goals/progress";
import { AlignmentCard } from "./alignment-card";
import { GoalForm, OptOutToggle } from "./goal-controls";
import { dashboardFormats, type ViewProps } from "./parts";

/** The month's shared goals with progress, the leaderboard of both teams, and the alignment index's trend. */
export async function GoalsView({ actor, monthParam }: Pick<ViewProps, "actor"> & { monthParam?: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { pct, hours, eur } = dashboardFormats(format, t);
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : await currentMonth(actor.workspaceId);
  const [progress, board] = await Promise.all([goalProgress(actor, month), leaderboard(actor, month)]);
  const value = (metric: string, v: number | null) =>
    v === null ? "—" : metric === "REVENUE" ? eur(v) : metric === "SLA_COMPLIANCE" ? pct(v) : format.number(v);
  return (
    <>
      <section className="card space-y-3" aria-labelledby="h-goals">
        <h2 id="h-goals" className="font-semibold">
          {t("dashboards.goals.title", { month })}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboards.goals.intro")}</p>
        <ul className="grid gap-3 md:grid-cols-2" data-testid="goals">
          {progress.goals.map((g) => (
            <li key={g.metric} className="rounded-md bg-slate-50 p-3">
              <p className="text-sm font-medium">{t(`dashboards.goals.metrics.${g.metric}`)}</p>
              <p className="text-xl font-semibold tabular-nums">
                {value(g.metric, g.actual)}
                {g.target !== null && (
                  <span className="text-sm font-normal text-slate-600"> / {value(g.metric, g.target)}</span>
                )}
              </p>
              {g.progress !== null ? (
                <div
                  role="progressbar"
                  aria-label={t(`dashboards.goals.metrics.${g.metric}`)}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(Math.min(1, g.progress) * 100)}
                  className="mt-2 h-2 rounded bg-slate-200"
                >
                  <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.min(100, g.progress * 100)}%` }} />
                </div>
              ) : (
                <p className="text-xs text-slate-500">{t("dashboards.goals.noGoal")}</p>
              )}
            </li>
          ))}
        </ul>
        {can(actor.role, "goals.set") && <GoalForm month={month} />}
      </section>
      <section className="card space-y-3" aria-labelledby="h-board">
        <h2 id="h-board" className="font-semibold">
          {t("dashboards.goals.leaderboard")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboards.goals.leaderboardIntro")}</p>
        <div className="grid gap-4 lg:grid-cols-2">
          <table className="data-table" data-testid="leaderboard-reps">
            <caption className="text-left font-medium">{t("dashboards.goals.reps")}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("dashboards.columns.rep")}</th>
                <th scope="col" className="text-right">
                  {t("dashboards.columns.compliance")}
                </th>
                <th scope="col" className="text-right">
                  {t("dashboards.columns.medianResponse")}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.reps.map((r, i) => (
                <tr key={r.userId}>
                  <td>{i + 1}</td>
                  <td>{r.optedOut ? `${r.name} (${t("dashboards.goals.onlyYou")})` : r.name}</td>
                  <td className="text-right tabular-nums">{pct(r.compliance)}</td>
                  <td className="text-right tabular-nums">{hours(r.medianHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table" data-testid="leaderboard-marketers">
            <caption className="text-left font-medium">{t("dashboards.goals.marketers")}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("dashboards.goals.marketer")}</th>
                <th scope="col" className="text-right">
                  {t("dashboards.goals.acceptance")}
                </th>
                <th scope="col" className="text-right">
                  {t("dashboards.columns.answered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.marketers.map((m, i) => (
                <tr key={m.userId}>
                  <td>{i + 1}</td>
                  <td>{m.optedOut ? `${m.name} (${t("dashboards.goals.onlyYou")})` : m.name}</td>
                  <td className="text-right tabular-nums">{pct(m.acceptance)}</td>
                  <td className="text-right tabular-nums">{format.number(m.answered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <OptOutToggle optedOut={board.optedOut} />
      </section>
      <AlignmentCard actor={actor} />
    </>
  );
}
