import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/env";
import { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";

function createClient() {
  const adapter = new PrismaPg(pool(), { disposeExternalPool: true });
  // Password hashes never leave the database layer unless a query asks for them explicitly; a lead's search text
  // (its name, e-mail and company again) is only ever filtered on.
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true }, lead: { searchText: true } },
  });
}

const globalForPool = globalThis as unknown as { smarketingPool?: pg.Pool };

/**
 * The process's connection pool: Prisma's, also used directly by the few
 * statements on the API's hot path (server/sql.ts), which run as prepared
 * statements without Prisma's per-query overhead.
 */
export function pool(): pg.Pool {
  if (!globalForPool.smarketingPool) {
    const created = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: env().DATABASE_POOL_SIZE,
      // A new PostgreSQL backend pays once for mapping the shared buffers it reads (without huge pages: ~190 ms
      // for the 130 MB of a year's funnel at 1M leads). node-postgres closes idle connections after 10 s, so a
      // dashboard opened now and then always met fresh backends; kept five minutes, they stay warm.
      idleTimeoutMillis: 5 * 60_000,
      // …without holding a script's exit for them.
      allowExitOnIdle: true,
    });
    // An idle connection that breaks (PostgreSQL restarting) must not crash the process; the pool replaces it.
    created.on("error", (error) => logger.warn("db.idle_connection_error", { error: error.message }));
    globalForPool.smarketingPool = created;
  }
  return globalForPool.smarketingPool;
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { smarketingDb?: Db };

function client(): Db {
  globalForDb.smarketingDb ??= createClient();
  return globalForDb.smarketingDb;
}

/**
 * One client per process, created on first use (so `next build` needs no
 * database and the environment is validated when the app really runs).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
