import "server-only";
import type { Rescore, RescoreReason } from "@/generated/prisma/client";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { notFound } from "@/server/errors";
import { personaFits, publishedModel } from "@/server/leads/scoring-context";
import { logger } from "@/server/logger";
import { type RescoreSummary, rescoreWorkspace } from "@/server/scoring/rescore";

/**
 * Re-scores with a progress row (`Rescore`): what the rules page shows while a publish is being applied.
 *
 * What people see meanwhile: the re-score is applied in batches of leads, each batch one transaction, so a lead's
 * score, qualification, explanation and stage always agree with each other; until the last batch commits, the
 * leads not reached yet keep the score of the previous model (the list and the dashboards read a mix, and the
 * page says how far it is). A publish made meanwhile stops the older re-score after its current batch and
 * re-scores every lead itself. A re-score whose server stopped is taken over by another server's scheduler.
 */

/** A re-score whose heartbeat (written with every batch, a second or so apart) is older than this has stopped. */
export const RESCORE_STALE_MS = 2 * 60_000;

/** How many leads a re-score of the workspace covers (erased leads keep their score). */
async function leadsToScore(client: Tx | typeof db, workspaceId: string) {
  const rows = await client.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Lead" WHERE "workspaceId" = ${workspaceId} AND "erasedAt" IS NULL`;
  return Number(rows[0]?.n ?? 0);
}

/** The progress row of a re-score about to start (written in the caller's transaction: a publish has one). */
export async function createRescore(
  tx: Tx,
  input: { workspaceId: string; scoringModelId: string; reason: RescoreReason; startedById: string | null },
) {
  return tx.rescore.create({ data: { ...input, total: await leadsToScore(tx, input.workspaceId) } });
}

type RunOptions = Pick<Parameters<typeof rescoreWorkspace>[0], "batchSize" | "writers" | "afterBatch" | "now">;

/** Runs a re-score recorded by createRescore, and records how it ended. */
export async function runRescore(rescore: Rescore, options: RunOptions = {}): Promise<RescoreSummary> {
  try {
    const published = await db.$transaction((tx) => publishedModel(tx, rescore.workspaceId));
    // Superseded before it began: the newer publish's own re-score covers every lead.
    if (published.id !== rescore.scoringModelId) {
      await finish(rescore.id, "STOPPED");
      return { leads: 0, rewritten: 0, becameMql: 0, durationMs: 0, stopped: true, longestBatchMs: 0 };
    }
    const summary = await rescoreWorkspace({
      workspaceId: rescore.workspaceId,
      model: published,
      personas: await personaFits(db, rescore.workspaceId),
      actorUserId: rescore.startedById,
      rescoreId: rescore.id,
      ...options,
    });
    await finish(rescore.id, summary.stopped ? "STOPPED" : "DONE");
    return summary;
  } catch (error) {
    await finish(rescore.id, "FAILED", error instanceof Error ? error.message : String(error)).catch(() => {});
    throw error;
  }
}

async function finish(id: string, outcome: "DONE" | "STOPPED" | "FAILED", error = "") {
  await db.rescore.update({ where: { id }, data: { finishedAt: new Date(), outcome, error: error.slice(0, 2000) } });
}

/** Starts a recorded re-score on this server and returns at once (the page polls its progress). */
export function startInBackground(rescore: Rescore) {
  void runRescore(rescore).catch((error) =>
    logger.error("rescore.failed", { rescoreId: rescore.id, workspaceId: rescore.workspaceId, error }),
  );
}

export type RescoreView = {
  id: string;
  reason: RescoreReason;
  version: number;
  total: number;
  done: number;
  becameMql: number;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: Rescore["outcome"];
};

async function view(rescore: Rescore): Promise<RescoreView> {
  const model = await db.scoringModel.findUnique({
    where: { id: rescore.scoringModelId },
    select: { version: true },
  });
  return {
    id: rescore.id,
    reason: rescore.reason,
    version: model?.version ?? 0,
    total: rescore.total,
    done: Math.min(rescore.done, rescore.total),
    becameMql: rescore.becameMql,
    startedAt: rescore.startedAt,
    finishedAt: rescore.finishedAt,
    outcome: rescore.outcome,
  };
}

/** One re-score of the actor's workspace, as the rules page polls it. */
export async function rescoreProgress(actor: Actor, id: string): Promise<RescoreView> {
  requirePermission(actor, "rules.read");
  const rescore = await db.rescore.findFirst({ where: { id, workspaceId: actor.workspaceId } });
  if (!rescore) throw notFound();
  return view(rescore);
}

/** The workspace's re-score in progress, if any (the rules page shows it on load, whoever started it). */
export async function runningRescore(actor: Actor): Promise<RescoreView | null> {
  requirePermission(actor, "rules.read");
  const rescore = await db.rescore.findFirst({
    where: {
      workspaceId: actor.workspaceId,
      finishedAt: null,
      heartbeatAt: { gte: new Date(Date.now() - RESCORE_STALE_MS) },
    },
    orderBy: { startedAt: "desc" },
  });
  return rescore ? view(rescore) : null;
}

/**
 * Re-scores whose server stopped (no heartbeat for RESCORE_STALE_MS) are marked INTERRUPTED and started again on
 * this server, under the model published now; SKIP LOCKED lets one server take each. Scores already written are
 * not rewritten (an unchanged score is left alone), so starting over costs reading, not writing.
 */
export async function takeOverInterruptedRescores(now = new Date()): Promise<number> {
  const stale = await db.$queryRaw<{ id: string; workspaceId: string; reason: RescoreReason; startedById: string }[]>`
    UPDATE "Rescore" SET "finishedAt" = ${now}, outcome = 'INTERRUPTED'
    WHERE id IN (SELECT id FROM "Rescore" WHERE "finishedAt" IS NULL
                   AND "heartbeatAt" < ${new Date(now.getTime() - RESCORE_STALE_MS)}
                 FOR UPDATE SKIP LOCKED)
    RETURNING id, "workspaceId", reason, "startedById"`;
  for (const interrupted of stale) {
    const restarted = await db.$transaction(async (tx) => {
      const model = await publishedModel(tx, interrupted.workspaceId);
      return createRescore(tx, {
        workspaceId: interrupted.workspaceId,
        scoringModelId: model.id,
        reason: interrupted.reason,
        startedById: interrupted.startedById,
      });
    });
    logger.warn("rescore.taken_over", { interrupted: interrupted.id, rescoreId: restarted.id });
    startInBackground(restarted);
  }
  return stale.length;
}
