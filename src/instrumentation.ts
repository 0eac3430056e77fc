/** Runs once when an app server starts: the background scheduler (SLA sweeps, e-mail outbox, daily jobs). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("@/server/jobs/scheduler");
  startScheduler();
}
