import "server-only";
import { createHash } from "node:crypto";
import { formatInTimeZone } from "date-fns-tz";
import { z } from "zod";
import type { ScoringBacktest } from "@/generated/prisma/client";
import { addDays, localDays } from "@/lib/local-days";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { type BacktestResult, runBacktest } from "@/server/scoring/backtest/run";
import type { ScoringModel } from "@/server/scoring/engine";
import { ZScoringModelDefinition } from "@/server/scoring/schema";

/** A run whose heartbeat is older than this stopped with its server: it is shown (and kept) as failed. */
const STALE_MS = 2 * 60_000;
const MAX_WINDOW_DAYS = 5 * 366;

const isoDate = z.iso.date("invalidDate");

export const ZBacktestInput = z
  .object({
    createdFrom: isoDate,
    createdTo: isoDate,
    cutoffDays: z.number().int("integer").min(1, "cutoffRange").max(365, "cutoffRange"),
    outcome: z.enum(["SQL", "OPPORTUNITY", "WON"]),
  })
  .refine((input) => input.createdFrom <= input.createdTo, { path: ["createdTo"], message: "toBeforeFrom" })
  .refine((input) => input.createdTo <= addDays(input.createdFrom, MAX_WINDOW_DAYS), {
    path: ["createdFrom"],
    message: "windowTooLong",
  });
export type BacktestInput = z.infer<typeof ZBacktestInput>;

/** Hash of a definition as validated (zod gives its keys in a fixed order): a draft saved since differs. */
export function definitionHash(model: ScoringModel): string {
  return createHash("sha256")
    .update(JSON.stringify(ZScoringModelDefinition.parse(model)))
    .digest("hex");
}

async function workspaceZone(workspaceId: string) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  return workspace.timeZone;
}

/** The window the form starts with: leads created 12 to 3 months ago (and at least the cut-off ago). */
export function defaultBacktestInput(timeZone: string, now = new Date()): BacktestInput {
  const today = formatInTimeZone(now, timeZone, "yyyy-MM-dd");
  return { createdFrom: addDays(today, -365), createdTo: addDays(today, -91), cutoffDays: 30, outcome: "SQL" };
}

/**
 * Starts a backtest of the draft (or, without one, of the published model) against the published model, and
 * returns at once: it runs in the background on this server. One runs at a time per workspace.
 */
export async function startBacktest(actor: Actor, input: BacktestInput, now = new Date()) {
  requirePermission(actor, "rules.edit");
  const timeZone = await workspaceZone(actor.workspaceId);
  const today = formatInTimeZone(now, timeZone, "yyyy-MM-dd");
  // The window's last day ends at midnight after it: its leads' cut-offs fall by today only if it is N + 1 days ago.
  if (input.createdTo > addDays(today, -(input.cutoffDays + 1))) {
    // A lead created later has not reached its cut-off yet: its score "as of then" would be today's.
    throw new AppError("validation", "The window ends too late for the cut-off", {
      fieldErrors: { createdTo: ["windowAfterCutoff"] },
      params: { latest: addDays(today, -(input.cutoffDays + 1)) },
    });
  }
  const { from, to } = localDays(input.createdFrom, input.createdTo, timeZone) as { from: Date; to: Date };
  const run = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`backtest:${actor.workspaceId}`}, 0))`;
    if (await backtestRunning(actor.workspaceId, tx)) {
      throw new AppError("conflict", "A backtest is already running", { params: { reason: "backtestRunning" } });
    }
    const models = await tx.scoringModel.findMany({
      where: { workspaceId: actor.workspaceId, status: { in: ["DRAFT", "PUBLISHED"] } },
    });
    const draft = models.find((m) => m.status === "DRAFT");
    const published = models.find((m) => m.status === "PUBLISHED");
    const tested = draft ?? published;
    if (!tested) throw notFound();
    const created = await tx.scoringBacktest.create({
      data: {
        workspaceId: actor.workspaceId,
        modelId: tested.id,
        baselineModelId: published && published.id !== tested.id ? published.id : null,
        definitionHash: definitionHash(ZScoringModelDefinition.parse(tested.definition)),
        createdFrom: from,
        createdTo: to,
        cutoffDays: input.cutoffDays,
        outcome: input.outcome,
        createdById: actor.userId,
      },
    });
    await writeAudit(tx, actor, {
      action: "scoring.backtestStarted",
      entityType: "ScoringModel",
      entityId: tested.id,
      after: { backtestId: created.id, ...input },
    });
    return created;
  });
  // Not awaited: the page polls the run's progress. The run records its own failure; the catch is for a failure
  // to record it (the database gone), which must not become an unhandled rejection.
  runBacktest(run.id).catch((error) => logger.error("backtest.unrecorded", { id: run.id, error }));
  return { id: run.id };
}

/** Whether a backtest of the workspace is under way (running, its server alive). */
export async function backtestRunning(workspaceId: string, client: Pick<typeof db, "scoringBacktest"> = db) {
  const running = await client.scoringBacktest.count({
    where: { workspaceId, status: "RUNNING", heartbeatAt: { gte: new Date(Date.now() - STALE_MS) } },
  });
  return running > 0;
}

/** Asks a running backtest to stop; it does at its next batch (within a second or two). */
export async function cancelBacktest(actor: Actor, id: string) {
  requirePermission(actor, "rules.edit");
  const { count } = await db.scoringBacktest.updateMany({
    where: { id, workspaceId: actor.workspaceId, status: "RUNNING" },
    data: { cancelRequested: true },
  });
  if (count === 0) {
    const exists = await db.scoringBacktest.count({ where: { id, workspaceId: actor.workspaceId } });
    if (exists === 0) throw notFound();
  }
  return null;
}

export type BacktestView = {
  id: string;
  status: "RUNNING" | "DONE" | "CANCELLED" | "FAILED";
  processed: number;
  total: number;
  createdFrom: string;
  createdTo: string;
  cutoffDays: number;
  outcome: "SQL" | "OPPORTUNITY" | "WON";
  createdAt: Date;
  /** The tested version's definition changed since (the draft was saved again): the figures are of the old one. */
  stale: boolean;
  result: BacktestResult | null;
};

function toView(run: ScoringBacktest, timeZone: string, currentHash: string | null): BacktestView {
  const interrupted = run.status === "RUNNING" && Date.now() - run.heartbeatAt.getTime() > STALE_MS;
  const lastDay = new Date(run.createdTo.getTime() - 1);
  return {
    id: run.id,
    status: interrupted ? "FAILED" : run.status,
    processed: run.processed,
    total: run.total,
    createdFrom: formatInTimeZone(run.createdFrom, timeZone, "yyyy-MM-dd"),
    createdTo: formatInTimeZone(lastDay, timeZone, "yyyy-MM-dd"),
    cutoffDays: run.cutoffDays,
    outcome: run.outcome,
    createdAt: run.createdAt,
    stale: currentHash !== null && currentHash !== run.definitionHash,
    result: run.status === "DONE" ? (run.result as unknown as BacktestResult) : null,
  };
}

/** One run, for the page's polling while it runs. */
export async function getBacktest(actor: Actor, id: string): Promise<BacktestView> {
  requirePermission(actor, "rules.read");
  const run = await db.scoringBacktest.findFirst({ where: { id, workspaceId: actor.workspaceId } });
  if (!run) throw notFound();
  const model = await db.scoringModel.findFirst({ where: { id: run.modelId, workspaceId: actor.workspaceId } });
  const hash = model ? definitionHash(ZScoringModelDefinition.parse(model.definition)) : null;
  return toView(run, await workspaceZone(actor.workspaceId), hash);
}

/** The latest run of a version (running or not): what the rules page shows next to the draft. */
export async function latestBacktest(actor: Actor, model: { id: string; definition: ScoringModel }) {
  requirePermission(actor, "rules.read");
  const run = await db.scoringBacktest.findFirst({
    where: { workspaceId: actor.workspaceId, modelId: model.id },
    orderBy: { createdAt: "desc" },
  });
  return run ? toView(run, await workspaceZone(actor.workspaceId), definitionHash(model.definition)) : null;
}

/**
 * Each version's latest finished backtest of its definition as it stands (the version history shows it; a draft's
 * run done before its last save is not that version's): by model id.
 */
export async function finishedBacktests(
  actor: Actor,
  versions: { id: string; definition: ScoringModel }[],
): Promise<Map<string, BacktestView>> {
  requirePermission(actor, "rules.read");
  // The runs' keys first, then the chosen runs' results only (a draft may have been backtested many times).
  const keys = await db.scoringBacktest.findMany({
    where: { workspaceId: actor.workspaceId, modelId: { in: versions.map((v) => v.id) }, status: "DONE" },
    orderBy: { createdAt: "desc" },
    select: { id: true, modelId: true, definitionHash: true },
  });
  const chosen = new Map<string, { runId: string; hash: string }>();
  for (const version of versions) {
    const hash = definitionHash(version.definition);
    const run = keys.find((r) => r.modelId === version.id && r.definitionHash === hash);
    if (run) chosen.set(version.id, { runId: run.id, hash });
  }
  const runs = await db.scoringBacktest.findMany({ where: { id: { in: [...chosen.values()].map((c) => c.runId) } } });
  const timeZone = await workspaceZone(actor.workspaceId);
  const found = new Map<string, BacktestView>();
  for (const [versionId, { runId, hash }] of chosen) {
    const run = runs.find((r) => r.id === runId);
    if (run) found.set(versionId, toView(run, timeZone, hash));
  }
  return found;
}
