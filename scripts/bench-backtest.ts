/**
 * The backtest (issue 21) on the bench workspace: a draft that differs from the
 * published model in every behaviour rule's points, run over the leads created
 * between 13 months and 31 days ago with a 30-day cut-off, from the start
 * action to the stored result (as the rules page waits for it). Beside it, the
 * floor: the same point-in-time behaviour sums of both models for the same
 * leads at the same cut-offs in one plain SQL statement (aggregated in PostgreSQL, nothing shipped).
 */
import { formatInTimeZone } from "date-fns-tz";
import { Prisma } from "@/generated/prisma/client";
import { addDays, localDays } from "@/lib/local-days";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { publishedModel } from "@/server/leads/scoring-context";
import { getBacktest, startBacktest } from "@/server/scoring/backtest/service";
import { behaviourSumsAtCutoffs } from "@/server/scoring/behaviour-sql";
import { saveDraft } from "@/server/scoring/service";
import { rawQuery } from "@/server/sql";
import { type Figure, ratio, time } from "./lib/bench-stats";

const GROUP = "Qualification that proves itself (issue 21)";
const CUTOFF_DAYS = 30;

export async function benchBacktest(marketer: Actor): Promise<Figure[]> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: marketer.workspaceId } });
  const published = await db.$transaction((tx) => publishedModel(tx, marketer.workspaceId));
  const draft = {
    ...published.model,
    behaviourRules: published.model.behaviourRules.map((rule) => ({ ...rule, points: rule.points + 1 })),
  };
  await saveDraft(marketer, { definition: draft, note: "bench: backtest" });
  const today = formatInTimeZone(new Date(), workspace.timeZone, "yyyy-MM-dd");
  const input = {
    createdFrom: addDays(today, -400),
    createdTo: addDays(today, -(CUTOFF_DAYS + 1)),
    cutoffDays: CUTOFF_DAYS,
    outcome: "SQL" as const,
  };

  const runs: number[] = [];
  let last: Awaited<ReturnType<typeof getBacktest>> | null = null;
  for (let i = 0; i < 3; i++) {
    const [view, took] = await time(async () => {
      const { id } = await startBacktest(marketer, input);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const current = await getBacktest(marketer, id);
        if (current.status !== "RUNNING") return current;
      }
    });
    if (view.status !== "DONE" || !view.result) throw new Error(`backtest ended ${view.status}`);
    runs.push(took);
    last = view;
  }
  if (!last?.result) throw new Error("no backtest result");

  // The floor: both models' sums at each lead's cut-off, for the same leads, in one statement.
  const { from, to } = localDays(input.createdFrom, input.createdTo, workspace.timeZone) as { from: Date; to: Date };
  const batch = Prisma.sql`(SELECT c.id, c.cutoff, round(date_part('epoch', c.cutoff) * 1000) AS "cutoffMs" FROM (
      SELECT l.id, LEAST(l."createdAt" + make_interval(days => ${CUTOFF_DAYS}::int),
                         COALESCE(l."sqlAt", l."opportunityAt", l."customerAt")) AS cutoff
      FROM "Lead" l WHERE l."workspaceId" = ${marketer.workspaceId} AND l."createdAt" >= ${from}::timestamp(3)
        AND l."createdAt" < ${to}::timestamp(3) AND l."erasedAt" IS NULL) c)`;
  const rules = [...draft.behaviourRules, ...published.model.behaviourRules];
  const floors: number[] = [];
  for (let i = 0; i < 2; i++) {
    const [, took] = await time(() =>
      rawQuery(db, Prisma.sql`SELECT count(*), sum(length(s.sums)) FROM (${behaviourSumsAtCutoffs(batch, rules)}) s`),
    );
    floors.push(took);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[1] as number;
  const floor = Math.min(...floors);
  const events = await rawQuery<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM "LeadEvent" e JOIN "Lead" l ON l.id = e."leadId"
      WHERE l."workspaceId" = ${marketer.workspaceId} AND l."createdAt" >= ${from}::timestamp(3)
        AND l."createdAt" < ${to}::timestamp(3)`,
  );
  const result = last.result;
  return [
    {
      key: "backtest.run",
      group: GROUP,
      name: `Backtest of a draft against the published model, start to stored result (${result.leads.toLocaleString("en")} leads created in the window, their ${(events[0]?.n ?? 0).toLocaleString("en")} events, cut-off ${CUTOFF_DAYS} days, both models; 3 runs)`,
      target: "< 60 s",
      app: `median ${(median / 1000).toFixed(1)} s (${sorted.map((t) => (t / 1000).toFixed(1)).join(", ")} s)`,
      floor: `${(floor / 1000).toFixed(1)} s (both models' point-in-time sums for the same leads, one SQL statement)`,
      ratio: ratio(median, floor),
    },
  ];
}
