import "server-only";
import { formatInTimeZone } from "date-fns-tz";
import { db } from "@/server/db";
import { managerIds } from "@/server/handoffs/assignment";
import { compactIndexes } from "@/server/jobs/index-maintenance";
import { publishedModel } from "@/server/leads/scoring-context";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/service";
import { createRescore, runRescore } from "@/server/scoring/rescores";
import { pruneAnonymousViews } from "@/server/tracking/attribution";
import { pruneWebhookEvents } from "@/server/webhooks/outbox";

/**
 * Once-a-day jobs per workspace, at a local hour of its time zone. A job runs
 * for a (workspace, local date) only when this server wins the insert of its
 * `JobRun` row, so with several servers each day runs once; a server that
 * starts late still runs the day's job (catch-up).
 */

async function claim(name: string, periodKey: string): Promise<boolean> {
  const inserted = await db.jobRun.createMany({ data: [{ name, periodKey }], skipDuplicates: true });
  return inserted.count === 1;
}

async function finish(name: string, periodKey: string, error?: unknown) {
  await db.jobRun.update({
    where: { name_periodKey: { name, periodKey } },
    data: { finishedAt: new Date(), error: error ? String(error) : null },
  });
}

async function runOnce(name: string, periodKey: string, work: () => Promise<void>) {
  if (!(await claim(name, periodKey))) return false;
  try {
    await work();
    await finish(name, periodKey);
  } catch (error) {
    logger.error("job.failed", { job: name, periodKey, error });
    await finish(name, periodKey, error);
  }
  return true;
}

/** The managers' morning summary: yesterday's handoffs and what is open or overdue now. */
export async function sendDailySummary(workspaceId: string, now: Date) {
  const since = new Date(now.getTime() - 86_400_000);
  const [handedOff, accepted, rejected, breached, open, overdue] = await Promise.all([
    db.handoff.count({ where: { workspaceId, handedOffAt: { gte: since } } }),
    db.handoff.count({ where: { workspaceId, status: "ACCEPTED", answeredAt: { gte: since } } }),
    db.handoff.count({ where: { workspaceId, status: "REJECTED", answeredAt: { gte: since } } }),
    db.handoffEvent.count({ where: { workspaceId, kind: "BREACHED", at: { gte: since } } }),
    db.handoff.count({ where: { workspaceId, status: "OPEN" } }),
    db.handoff.count({ where: { workspaceId, status: "OPEN", dueAt: { lte: now } } }),
  ]);
  await db.$transaction(async (tx) =>
    notify(tx, {
      workspaceId,
      userIds: await managerIds(tx, workspaceId),
      kind: "dailySummary",
      params: { handedOff, accepted, rejected, breached, open, overdue },
      href: "/handoffs?view=team",
      mail: true,
    }),
  );
}

/** Time decay lowers scores as days pass: re-score the workspace nightly when its model decays. */
async function rescoreForDecay(workspaceId: string, now: Date) {
  const rescore = await db.$transaction(async (tx) => {
    const model = await publishedModel(tx, workspaceId);
    if (!model.model.behaviourRules.some((rule) => rule.decay.mode !== "none")) return null;
    return createRescore(tx, { workspaceId, scoringModelId: model.id, reason: "DECAY", startedById: null });
  });
  if (!rescore) return;
  const summary = await runRescore(rescore, { now });
  logger.info("job.decayRescore", { workspaceId, ...summary });
}

const SUMMARY_HOUR = 8;
const RESCORE_HOUR = 3;
/** Once a day for the whole installation, in UTC: after the European workspaces' nightly re-scores (03:00 local). */
const INDEX_MAINTENANCE_HOUR_UTC = 4;

/** Runs the day's jobs of every workspace (or of the given ones: tests, tooling) that are due and not yet claimed. */
export async function runDailyJobs(now = new Date(), only?: string[]) {
  const workspaces = await db.workspace.findMany({
    where: only ? { id: { in: only } } : {},
    select: { id: true, timeZone: true },
  });
  for (const ws of workspaces) {
    const localDate = formatInTimeZone(now, ws.timeZone, "yyyy-MM-dd");
    const localHour = Number(formatInTimeZone(now, ws.timeZone, "H"));
    if (localHour >= SUMMARY_HOUR) {
      await runOnce("dailySummary", `${ws.id}:${localDate}`, () => sendDailySummary(ws.id, now));
    }
    if (localHour >= RESCORE_HOUR) {
      await runOnce("decayRescore", `${ws.id}:${localDate}`, () => rescoreForDecay(ws.id, now));
    }
  }
  // The indexes are shared by every workspace: not for a run limited to some of them.
  if (!only && now.getUTCHours() >= INDEX_MAINTENANCE_HOUR_UTC) {
    await runOnce("indexMaintenance", now.toISOString().slice(0, 10), async () => {
      const { rebuilt, dropped } = await compactIndexes();
      logger.info("job.indexMaintenance", { rebuilt: rebuilt.length, dropped });
    });
    await runOnce("webhookRetention", now.toISOString().slice(0, 10), async () => {
      const pruned = await pruneWebhookEvents(now);
      logger.info("job.webhookRetention", { pruned });
    });
    await runOnce("pageViewRetention", now.toISOString().slice(0, 10), async () => {
      const pruned = await pruneAnonymousViews(now);
      logger.info("job.pageViewRetention", { pruned });
    });
  }
}
