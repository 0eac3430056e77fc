import "server-only";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

/**
 * Rebuilds the indexes of the lead tables once they have grown well past
 * their built size. A re-score rewrites every changed score row, and none of
 * those updates can be HOT (the total is in three of the score row's four
 * indexes), so each adds index entries; vacuum frees the old ones but leaves
 * the pages half empty. After a day of heavy re-scoring (the bench's) the
 * score indexes were 300–325 MB each at 1M leads against 54 MB built. What
 * this bounds is space and cache, not a publish's time: an A/B of the same
 * publish on rebuilt against churned indexes (217 against 354 MB for the four)
 * came out the same within this machine's noise (docs/benchmarks.md).
 *
 * The measure is bytes per row (index size over the table's row estimate)
 * against the same figure right after this job last built the index, so it
 * needs no extension and follows a table that grows or shrinks. An index seen
 * for the first time is rebuilt once, to learn its built size.
 * `REINDEX CONCURRENTLY` leaves reads and writes running; it waits for the
 * re-score's own vacuum, never the other way round.
 */

/** The tables whose rows are rewritten in bulk (re-scores, imports, stage changes). */
const MAINTAINED_TABLES = ["Lead", "LeadScore"] as const;

export type IndexMaintenanceOptions = {
  /** The tables whose indexes are maintained (tests use a table of their own). */
  tables?: readonly string[];
  /** Rebuild when an index takes this many times its built bytes per row. */
  growth?: number;
  /** Smaller indexes are left alone: rebuilding them gains nothing measurable. */
  minBytes?: number;
};

type IndexInfo = { name: string; bytes: number; rows: number; valid: boolean };

/** The maintained tables' indexes from the catalogue: size, the table's row estimate, and validity. */
async function indexes(tables: readonly string[]): Promise<IndexInfo[]> {
  const rows = await db.$queryRaw<{ name: string; bytes: bigint; rows: number; valid: boolean }[]>`
    SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes, t.reltuples::float8 AS rows, i.indisvalid AS valid
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_class t ON t.oid = i.indrelid
    WHERE t.relname = ANY(${[...tables]}::text[]) AND t.relnamespace = current_schema()::regnamespace
    ORDER BY c.relname`;
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

/**
 * What an interrupted `REINDEX CONCURRENTLY` leaves behind: an invalid copy
 * (`…_ccnew`, or the old index as `…_ccold`) that every write still updates.
 */
const LEFTOVER = /_cc(new|old)[0-9]*$/;

function quoteIdent(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs the maintenance over every maintained index; returns what it rebuilt, with sizes before and after. */
export async function compactIndexes(options: IndexMaintenanceOptions = {}) {
  const tables = options.tables ?? MAINTAINED_TABLES;
  const growth = options.growth ?? 2;
  const minBytes = options.minBytes ?? 8 * 1024 * 1024;
  const found = await indexes(tables);
  const dropped = found.filter((index) => !index.valid && LEFTOVER.test(index.name)).map((index) => index.name);
  for (const name of dropped) await db.$executeRawUnsafe(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(name)}`);
  const baselines = new Map(
    (await db.indexBaseline.findMany()).map((baseline) => [baseline.indexName, baseline.bytesPerRow]),
  );
  const rebuilt: { name: string; beforeBytes: number; afterBytes: number; tookMs: number }[] = [];
  const failed: string[] = [];
  for (const index of found) {
    // A table never vacuumed nor analysed has no row estimate (-1) yet.
    if (!index.valid || index.rows <= 0 || index.bytes < minBytes) continue;
    const built = baselines.get(index.name);
    if (built !== undefined && index.bytes / index.rows < growth * built) continue;
    const started = performance.now();
    try {
      await db.$executeRawUnsafe(`REINDEX INDEX CONCURRENTLY ${quoteIdent(index.name)}`);
    } catch (error) {
      // The next index may still succeed; what this one leaves is dropped on the next run.
      logger.warn("job.indexRebuildFailed", { name: index.name, error: String(error) });
      failed.push(index.name);
      continue;
    }
    // A rebuild leaves the table's row estimate as it was: only the index's size is read again.
    const [after] = await db.$queryRaw<
      { bytes: bigint }[]
    >`SELECT pg_relation_size(to_regclass(${quoteIdent(index.name)})) AS bytes`;
    const afterBytes = Number(after?.bytes ?? 0);
    const bytesPerRow = afterBytes / index.rows;
    await db.indexBaseline.upsert({
      where: { indexName: index.name },
      create: { indexName: index.name, bytesPerRow },
      update: { bytesPerRow, rebuiltAt: new Date() },
    });
    const done = {
      name: index.name,
      beforeBytes: index.bytes,
      afterBytes,
      tookMs: Math.round(performance.now() - started),
    };
    logger.info("job.indexRebuilt", done);
    rebuilt.push(done);
  }
  // Recorded on the job's run (JobRun.error) once the others are done.
  if (failed.length) throw new Error(`index rebuilds failed: ${failed.join(", ")}`);
  return { rebuilt, dropped };
}
