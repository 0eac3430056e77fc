import "server-only";
import { db } from "@/server/db";
import { retryTransient } from "@/server/retry";

/**
 * The funnel rollup's upkeep (the triggers that feed it are in the migration
 * `funnel_rollups`): fold the append-only deltas into the rollup, and rebuild
 * a workspace's rollup from the raw tables.
 */

/** Folds up to `batch` pending deltas into FunnelRollup; returns how many. Safe from several servers at once. */
export async function compactFunnel(batch = 50_000): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT smk_compact_funnel(${batch}::int) AS n`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Recomputes a workspace's rollup from Lead and LeadStageChange — after its
 * time zone changed (local days move). One snapshot (repeatable read), so
 * changes committed meanwhile are counted exactly once: either in the
 * recompute or by their own deltas.
 */
export async function rebuildFunnel(workspaceId: string): Promise<void> {
  // A concurrent compaction took the same deltas: start again on a fresh snapshot.
  await retryTransient(
    () =>
      db.$transaction(async (tx) => tx.$executeRaw`SELECT smk_rebuild_funnel(${workspaceId})`, {
        isolationLevel: "RepeatableRead",
        timeout: 600_000,
      }),
    { retryOn: /could not serialize/i, attempts: 4 },
  );
}
