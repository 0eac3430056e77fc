import "server-only";
import { env } from "@/env";
import { sweepBreaches, sweepDueSoon } from "@/server/handoffs/sweeps";
import { runDailyJobs } from "@/server/jobs/daily";
import { sendPendingMail } from "@/server/jobs/mail-outbox";
import { logger } from "@/server/logger";
import { compactFunnel } from "@/server/metrics/rollup";
import { takeOverInterruptedRescores } from "@/server/scoring/rescores";
import { attributePending } from "@/server/tracking/attribution";
import { dispatchWebhooks } from "@/server/webhooks/dispatcher";

/**
 * Background work of one app server, started with it (src/instrumentation.ts).
 * Every server runs the same loop; the work itself is claimed in PostgreSQL
 * (row locks, JobRun rows), so nothing runs twice and a server that was down
 * catches up on its first tick.
 */

const DAILY_EVERY_MS = 5 * 60_000;

let started = false;

async function guarded(name: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    // A database outage fails a tick; the next tick retries.
    logger.warn("scheduler.tickFailed", { job: name, error });
  }
}

/** A job on a short loop of its own (a slow sweep never holds it up), never overlapping itself. */
function startLoop(name: string, everyMs: number, work: () => Promise<unknown>) {
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      await guarded(name, work);
    } finally {
      busy = false;
    }
  };
  setInterval(() => void run(), everyMs).unref();
  void run();
}

/** Page views of identified visitors become their leads' events (and scores) within a few seconds. */
const ATTRIBUTION_EVERY_MS = 3_000;

export function startScheduler(): void {
  if (started || env().SCHEDULER === "off") return;
  started = true;
  let running = false;
  let lastDaily = 0;
  const tick = async () => {
    if (running) return; // a slow tick (e.g. a nightly re-score) is not overlapped
    running = true;
    try {
      const now = new Date();
      await guarded("sweepBreaches", () => sweepBreaches(now));
      await guarded("sweepDueSoon", () => sweepDueSoon(now));
      await guarded("mailOutbox", () => sendPendingMail());
      await guarded("funnelRollup", () => compactFunnel());
      await guarded("interruptedRescores", () => takeOverInterruptedRescores(now));
      if (Date.now() - lastDaily >= DAILY_EVERY_MS) {
        lastDaily = Date.now();
        await guarded("daily", () => runDailyJobs(now));
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), env().SLA_SWEEP_SECONDS * 1000);
  timer.unref();
  // Webhooks go out within about a second.
  startLoop("webhooks", env().WEBHOOK_DISPATCH_MS, () => dispatchWebhooks());
  startLoop("pageViewAttribution", ATTRIBUTION_EVERY_MS, () => attributePending());
  // Catch up at once with whatever fell due while no server ran.
  void tick();
  logger.info("scheduler.started", { everySeconds: env().SLA_SWEEP_SECONDS });
}
