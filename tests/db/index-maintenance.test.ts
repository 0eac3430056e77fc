import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { compactIndexes } from "@/server/jobs/index-maintenance";

// A table of the test's own, churned the way a re-score churns the score rows (updates of an indexed column).
const TABLE = "smk_test_churn";
const tables = [TABLE];
const sizeOf = async (index: string) =>
  Number((await db.$queryRawUnsafe<{ bytes: bigint }[]>(`SELECT pg_relation_size('${index}') AS bytes`))[0]?.bytes);

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.indexBaseline.deleteMany({ where: { indexName: { startsWith: TABLE } } });
});

describe("index maintenance", () => {
  // A concurrent build waits for the other test files' open transactions: a longer timeout than the default.
  it("learns each index's built size, rebuilds only the ones that grew past twice it, and drops interrupted rebuilds", {
    timeout: 120_000,
  }, async () => {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${TABLE}`);
    await db.$executeRawUnsafe(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, score float8 NOT NULL, flag int NOT NULL)`);
    await db.$executeRawUnsafe(`CREATE INDEX ${TABLE}_score_idx ON ${TABLE} (score DESC, id)`);
    await db.$executeRawUnsafe(`INSERT INTO ${TABLE} SELECT g, g % 997, g % 2 FROM generate_series(1, 20000) g`);
    await db.$executeRawUnsafe(`ANALYZE ${TABLE}`);

    // First sight: every index is built once, so that its built size is known.
    const first = await compactIndexes({ tables, minBytes: 0 });
    expect(first.rebuilt.map((r) => r.name).sort()).toEqual([`${TABLE}_pkey`, `${TABLE}_score_idx`]);
    const baselines = await db.indexBaseline.findMany({ where: { indexName: { startsWith: TABLE } } });
    expect(baselines).toHaveLength(2);
    expect((await compactIndexes({ tables, minBytes: 0 })).rebuilt).toEqual([]);

    // Five rewrites of every score (no HOT update: the score is indexed), then the vacuum a re-score ends with.
    for (let round = 1; round <= 5; round++) {
      await db.$executeRawUnsafe(`UPDATE ${TABLE} SET score = (id * ${round + 7}) % 991`);
    }
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${TABLE}`);
    const grown = await sizeOf(`${TABLE}_score_idx`);
    // The index is below the size threshold: left alone.
    expect((await compactIndexes({ tables, minBytes: grown + 1 })).rebuilt).toEqual([]);

    // An interrupted REINDEX CONCURRENTLY leaves an invalid copy behind (here: a build that failed).
    await expect(
      db.$executeRawUnsafe(`CREATE UNIQUE INDEX CONCURRENTLY ${TABLE}_score_idx_ccnew ON ${TABLE} (flag)`),
    ).rejects.toThrow();
    const second = await compactIndexes({ tables, minBytes: 0 });
    expect(second.dropped).toEqual([`${TABLE}_score_idx_ccnew`]);
    const score = second.rebuilt.find((r) => r.name === `${TABLE}_score_idx`);
    expect(score?.beforeBytes).toBe(grown);
    expect(score?.afterBytes).toBeLessThan(grown / 2);
    expect(await sizeOf(`${TABLE}_score_idx`)).toBe(score?.afterBytes);
    const leftovers = await db.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM pg_class WHERE relname = '${TABLE}_score_idx_ccnew'`,
    );
    expect(leftovers).toEqual([]);
    // Rebuilt, it is at its built size again: nothing to do.
    expect((await compactIndexes({ tables, minBytes: 0 })).rebuilt).toEqual([]);
    // Rows of the table keep being found through the rebuilt index.
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${TABLE} WHERE score >= 990`);
    expect(Number(rows[0]?.n)).toBe(await expectedTop());
  });

  it("goes on past an index it cannot rebuild, and reports it", async () => {
    const other = `${TABLE}_excl`;
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${other}`);
    // PostgreSQL cannot rebuild an exclusion constraint's index concurrently: a rebuild that fails.
    await db.$executeRawUnsafe(
      `CREATE TABLE ${other} (id int PRIMARY KEY, slot int NOT NULL, EXCLUDE USING btree (slot WITH =))`,
    );
    try {
      await db.$executeRawUnsafe(`INSERT INTO ${other} SELECT g, g FROM generate_series(1, 2000) g`);
      await db.$executeRawUnsafe(`ANALYZE ${other}`);
      await expect(compactIndexes({ tables: [other], minBytes: 0 })).rejects.toThrow(/index rebuilds failed: .*slot/);
      const learnt = await db.indexBaseline.findMany({ where: { indexName: { startsWith: other } } });
      expect(learnt.map((b) => b.indexName)).toEqual([`${other}_pkey`]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${other}`);
    }
  });
});

/** The same count computed without the index. */
async function expectedTop() {
  let n = 0;
  for (let id = 1; id <= 20000; id++) if ((id * 12) % 991 >= 990) n++;
  return n;
}
