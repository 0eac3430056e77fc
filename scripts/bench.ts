/**
 * `npm run bench`: speed figures on a large workspace, each beside the same
 * operation in plain SQL through `pg` (the floor of this machine).
 * Uses its own embedded PostgreSQL (.data/postgres-bench) unless DATABASE_URL
 * is set; the generated workspace is kept between runs.
 *   BENCH_LEADS   leads to generate (default 1000000; events = 10 × leads)
 *   BENCH_ONLY    comma list of: list,api,http,import,rescore,handoffs,dashboards,webhooks,forms,backtest,collector,pages (default: all)
 * "pages" measures page speed in Chromium against the production build (tests/e2e/page-speed.spec.ts, run
 * by Playwright with PAGE_SPEED_RUNS loads per page on the demo data). "http" measures the lead API over HTTP
 * against one `next start` process of the production build (scripts/bench-http.ts); "collector" the tracking
 * snippet's beacons the same way (scripts/bench-collector.ts).
 * Writes the figures to docs/benchmarks.md.
 */
import { measurePageSpeed } from "./lib/bench-pages";
import { ensureBuild } from "./lib/build";
import { ensureDatabase } from "./lib/postgres";
import { authSecret, generatePrismaClient, migrate, runServerScript } from "./lib/prepare";

const only = new Set(
  (
    process.env.BENCH_ONLY ?? "list,api,http,import,rescore,handoffs,dashboards,webhooks,forms,backtest,collector,pages"
  ).split(","),
);
let code = 0;
if (only.has("pages")) {
  try {
    await measurePageSpeed();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  }
  only.delete("pages");
}
if (only.size === 0) process.exit(code);
process.env.BENCH_ONLY = [...only].join(",");
const database = await ensureDatabase({ instance: "bench", database: "smarketing_bench" });
try {
  await generatePrismaClient();
  await migrate(database.url);
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(),
    LOG_LEVEL: "warn",
    // The throughput figure measures the app, not the per-token limit.
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    // The webhook figures deliver to a receiver the bench starts on 127.0.0.1.
    WEBHOOK_ALLOW_LOOPBACK: "true",
  };
  // The API is measured as one app process runs it, with its default pool; the other groups drive up to 50
  // concurrent writers (handoffs) from one process, hence a larger pool for them.
  const rest = [...only].filter((g) => g !== "api" && g !== "http" && g !== "collector");
  if (rest.length > 0)
    await runServerScript("scripts/bench-run.ts", process.argv.slice(2), {
      ...env,
      BENCH_ONLY: rest.join(","),
      DATABASE_POOL_SIZE: "30",
    });
  if (only.has("api"))
    await runServerScript("scripts/bench-run.ts", process.argv.slice(2), {
      ...env,
      BENCH_ONLY: "api",
      DATABASE_POOL_SIZE: undefined,
    });
  if (only.has("http")) {
    await ensureBuild(env, (line) => console.log(line));
    await runServerScript("scripts/bench-http.ts", process.argv.slice(2), { ...env, DATABASE_POOL_SIZE: undefined });
  }
  if (only.has("collector")) {
    await ensureBuild(env, (line) => console.log(line));
    await runServerScript("scripts/bench-collector.ts", process.argv.slice(2), {
      ...env,
      DATABASE_POOL_SIZE: undefined,
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
