import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { BacktestOutcome } from "@/generated/prisma/enums";
import { REJECT_REASONS } from "@/lib/reject-reasons";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { type ModelFigures, modelFigures, type Outcomes } from "@/server/scoring/backtest/metrics";
import { behaviourSumsAtCutoffs, parseBehaviourSums } from "@/server/scoring/behaviour-sql";
import { type ScoringModel, scoreFromSums } from "@/server/scoring/engine";
import { ZScoringModelDefinition } from "@/server/scoring/schema";
import { rawQuery } from "@/server/sql";

const BATCH = 5_000;
/** Batches scored side by side: while PostgreSQL sums one batch's events, Node scores another. */
const WORKERS = 3;
const DAY_MS = 86_400_000;
export const MONTH_DAYS = 30.4375;

export type BacktestModelResult = ModelFigures & { modelId: string; version: number };

/** What a finished backtest keeps (ScoringBacktest.result). */
export type BacktestResult = {
  leads: number;
  /** Leads that reached the outcome, and their share. */
  reached: number;
  baseRate: number | null;
  months: number;
  /** The SLA's monthly MQL commitment when it ran (drawn on the threshold curve). */
  commitment: number | null;
  tested: BacktestModelResult;
  baseline: BacktestModelResult | null;
  durationMs: number;
};

/** What a lead reaching each outcome means, on the stage dates (the funnel's definition: a later stage implies it). */
const REACHED: Record<BacktestOutcome, Prisma.Sql> = {
  SQL: Prisma.sql`COALESCE(l."sqlAt", l."opportunityAt", l."customerAt") IS NOT NULL`,
  OPPORTUNITY: Prisma.sql`COALESCE(l."opportunityAt", l."customerAt") IS NOT NULL`,
  WON: Prisma.sql`l."customerAt" IS NOT NULL`,
};

type Run = {
  id: string;
  workspaceId: string;
  createdFrom: Date;
  createdTo: Date;
  cutoffDays: number;
  outcome: BacktestOutcome;
};

/** The leads of the window: created in it, not erased (an erased lead's fields are gone). */
function windowLeads(run: Run): Prisma.Sql {
  return Prisma.sql`l."workspaceId" = ${run.workspaceId} AND l."createdAt" >= ${run.createdFrom}::timestamp(3)
    AND l."createdAt" < ${run.createdTo}::timestamp(3) AND l."erasedAt" IS NULL`;
}

/** The window's lead ids in batches (keyset on creation time and id, read from the leads' index alone). */
async function* idBatches(run: Run): AsyncGenerator<string[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows: { id: string; createdAt: Date }[] = await rawQuery(
      db,
      Prisma.sql`SELECT l.id, l."createdAt" FROM "Lead" l WHERE ${windowLeads(run)}
        ${after ? Prisma.sql`AND (l."createdAt", l.id) > (${after.at}::timestamp(3), ${after.id})` : Prisma.empty}
        ORDER BY l."createdAt", l.id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    if (rows.length < BATCH) return;
    const last = rows.at(-1) as { id: string; createdAt: Date };
    after = { at: last.createdAt, id: last.id };
  }
}

type BatchRow = {
  id: string;
  email: string;
  industry: string;
  companySize: number | null;
  country: string;
  title: string;
  channel: string;
  personaId: string | null;
  sums: string | null;
  reached: boolean;
  accepted: boolean;
  rejections: number;
  answered: boolean;
};

/** Per lead of the batch: the model's score and whether a disqualifier matched, and what became of the lead. */
type ScoredBatch = {
  scores: Float64Array[];
  disqualified: Uint8Array[];
  reached: Uint8Array;
  accepted: Uint8Array;
  rejections: Uint16Array;
  answered: Uint8Array;
};

/**
 * Scores one batch as each lead stood at its cut-off (creation + N days): the behaviour sums count only events
 * up to that moment, decayed to it, so nothing that happened later reaches the score. The fields are the lead's
 * own (they change only when the same address is captured again); the persona is the one matched to it.
 */
async function scoreBatch(run: Run, ids: string[], models: ScoringModel[]): Promise<ScoredBatch> {
  const rules = models.flatMap((m) => m.behaviourRules);
  const batch = Prisma.sql`(SELECT id, cutoff, "cutoffMs" FROM batch)`;
  const sums =
    rules.length === 0
      ? Prisma.sql`SELECT NULL::text AS "leadId", NULL::text AS sums WHERE false`
      : behaviourSumsAtCutoffs(batch, rules);
  const reasons = Prisma.sql`ARRAY[${Prisma.join(REJECT_REASONS.map((r) => Prisma.sql`${r}`))}]::text[]`;
  const rows = await rawQuery<BatchRow>(
    db,
    Prisma.sql`
    WITH cut AS (
      -- The cut-off: creation + N days, or the moment sales accepted the lead if sooner — what sales did with it
      -- after accepting (meetings, demos it logged) cannot count towards predicting that acceptance.
      SELECT l.*, LEAST(l."createdAt" + make_interval(days => ${run.cutoffDays}::int),
                        COALESCE(l."sqlAt", l."opportunityAt", l."customerAt")) AS cutoff
      FROM "Lead" l
      WHERE l.id = ANY(${ids}::text[]) AND ${windowLeads(run)}
    ), batch AS MATERIALIZED (
      SELECT l.id, l.email, l.industry, l."companySize", l.country, l.title, l.channel::text, l."personaId",
        l.cutoff, round(date_part('epoch', l.cutoff) * 1000) AS "cutoffMs",
        ${REACHED[run.outcome]} AS reached, ${REACHED.SQL} AS accepted
      FROM cut l
    )
    SELECT b.id, b.email, b.industry, b."companySize", b.country, b.title, b.channel, b."personaId", b.reached,
      b.accepted, s.sums,
      COALESCE((SELECT bit_or(1 << (array_position(${reasons}, h."rejectReason"::text) - 1))
                FROM "Handoff" h WHERE h."leadId" = b.id AND h.status = 'REJECTED' AND h."rejectReason" IS NOT NULL), 0)
        AS rejections,
      EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = b.id AND h.status IN ('ACCEPTED', 'REJECTED')) AS answered
    FROM batch b LEFT JOIN (${sums}) s ON s."leadId" = b.id`,
  );
  const n = rows.length;
  const scored: ScoredBatch = {
    scores: models.map(() => new Float64Array(n)),
    disqualified: models.map(() => new Uint8Array(n)),
    reached: new Uint8Array(n),
    accepted: new Uint8Array(n),
    rejections: new Uint16Array(n),
    answered: new Uint8Array(n),
  };
  rows.forEach((row, i) => {
    const sums = parseBehaviourSums(row.sums, rules.length);
    let offset = 0;
    models.forEach((model, m) => {
      const own = sums.slice(offset, offset + model.behaviourRules.length);
      offset += model.behaviourRules.length;
      const result = scoreFromSums(row, own, model);
      (scored.scores[m] as Float64Array)[i] = result.total;
      (scored.disqualified[m] as Uint8Array)[i] = result.disqualifiedBy.length > 0 ? 1 : 0;
    });
    scored.reached[i] = row.reached ? 1 : 0;
    scored.accepted[i] = row.accepted ? 1 : 0;
    scored.rejections[i] = row.rejections;
    scored.answered[i] = row.answered ? 1 : 0;
  });
  return scored;
}

/** The batches' arrays end to end (lead i of the window is element i). */
function concat<T extends Float64Array | Uint8Array | Uint16Array>(
  parts: (T | undefined)[],
  make: (n: number) => T,
): T {
  const present = parts.filter((p): p is T => p !== undefined);
  const out = make(present.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of present) {
    out.set(part as never, at);
    at += part.length;
  }
  return out;
}

class Cancelled extends Error {}

/**
 * Runs a backtest to its end (or its cancellation): reads the window in batches, scores each lead under the
 * tested model and the baseline, writes its progress with every batch (and learns there whether it was
 * cancelled), then keeps both models' figures on the run.
 */
export async function runBacktest(id: string): Promise<void> {
  const started = performance.now();
  try {
    const run = await db.scoringBacktest.findUniqueOrThrow({ where: { id } });
    const versions = await db.scoringModel.findMany({
      where: { workspaceId: run.workspaceId, id: { in: [run.modelId, run.baselineModelId ?? run.modelId] } },
    });
    const version = (modelId: string) => {
      const found = versions.find((v) => v.id === modelId);
      if (!found) throw new Error(`Scoring model ${modelId} is gone`);
      return { id: found.id, version: found.version, model: ZScoringModelDefinition.parse(found.definition) };
    };
    const tested = version(run.modelId);
    const baseline = run.baselineModelId ? version(run.baselineModelId) : null;
    const models = baseline ? [tested.model, baseline.model] : [tested.model];

    const [{ total } = { total: 0 }] = await rawQuery<{ total: number }>(
      db,
      Prisma.sql`SELECT count(*)::int AS total FROM "Lead" l WHERE ${windowLeads(run)}`,
    );
    await db.scoringBacktest.update({ where: { id }, data: { total } });

    // Batches finish out of order: each keeps its place so that lead i is the same lead in every array.
    const parts: ScoredBatch[] = [];
    let cancelled = false;
    const ids = idBatches(run);
    let place = 0;
    const worker = async () => {
      try {
        await scoreBatches();
      } catch (error) {
        cancelled = true; // the other workers stop at their next batch
        throw error;
      }
    };
    const scoreBatches = async () => {
      for (let next = await ids.next(); !next.done && !cancelled; next = await ids.next()) {
        const at = place++;
        parts[at] = await scoreBatch(run, next.value, models);
        // An increment: the workers finish their batches in any order.
        const progress = await db.scoringBacktest.update({
          where: { id },
          data: { processed: { increment: parts[at].reached.length }, heartbeatAt: new Date() },
          select: { cancelRequested: true },
        });
        if (progress.cancelRequested) cancelled = true;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    if (cancelled) throw new Cancelled();

    // Whole local days (a daylight-saving change makes one of them 23 or 25 hours long).
    const months = Math.round((run.createdTo.getTime() - run.createdFrom.getTime()) / DAY_MS) / MONTH_DAYS;
    const outcomes: Outcomes = {
      reached: concat(
        parts.map((p) => p.reached),
        (n) => new Uint8Array(n),
      ),
      accepted: concat(
        parts.map((p) => p.accepted),
        (n) => new Uint8Array(n),
      ),
      rejections: concat(
        parts.map((p) => p.rejections),
        (n) => new Uint16Array(n),
      ),
      answered: concat(
        parts.map((p) => p.answered),
        (n) => new Uint8Array(n),
      ),
      months,
    };
    // Both curves on one grid: up to the highest score either model gives, with both thresholds on it.
    let top = 0;
    for (const part of parts)
      for (const scores of part?.scores ?? []) for (const score of scores) top = Math.max(top, score);
    const grid = { max: top, extra: models.map((m) => m.mqlThreshold) };
    const figures = (m: number, of: { id: string; version: number; model: ScoringModel }): BacktestModelResult => ({
      modelId: of.id,
      version: of.version,
      ...modelFigures(
        {
          scores: concat<Float64Array>(
            parts.map((p) => p.scores[m]),
            (n) => new Float64Array(n),
          ),
          disqualified: concat<Uint8Array>(
            parts.map((p) => p.disqualified[m]),
            (n) => new Uint8Array(n),
          ),
          threshold: of.model.mqlThreshold,
        },
        outcomes,
        grid,
      ),
    });
    const reached = outcomes.reached.reduce((n, r) => n + r, 0);
    const sla = await db.slaPolicy.findFirst({
      where: { workspaceId: run.workspaceId },
      orderBy: { version: "desc" },
      select: { mqlMonthlyTarget: true },
    });
    const result: BacktestResult = {
      leads: outcomes.reached.length,
      reached,
      baseRate: outcomes.reached.length === 0 ? null : reached / outcomes.reached.length,
      months,
      commitment: sla?.mqlMonthlyTarget ?? null,
      tested: figures(0, tested),
      baseline: baseline ? figures(1, baseline) : null,
      durationMs: Math.round(performance.now() - started),
    };
    await db.scoringBacktest.update({
      where: { id },
      data: {
        status: "DONE",
        processed: result.leads,
        result: result as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
    logger.info("backtest.done", { id, leads: result.leads, durationMs: result.durationMs });
  } catch (error) {
    const isCancel = error instanceof Cancelled;
    if (!isCancel) logger.error("backtest.failed", { id, error });
    await db.scoringBacktest
      .update({
        where: { id },
        data: {
          status: isCancel ? "CANCELLED" : "FAILED",
          error: isCancel ? "" : "failed",
          finishedAt: new Date(),
        },
      })
      .catch((writeError: unknown) => logger.error("backtest.statusNotSaved", { id, error: writeError }));
  }
}
