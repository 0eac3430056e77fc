/**
 * `npm run bench` (BENCH_ONLY=http): POST /api/v1/leads over real HTTP against
 * one `next start` process (the production build) on the generated workspace,
 * 20 concurrent keep-alive clients. The load generator runs on the same
 * machine, so it takes a share of the cores the app and PostgreSQL use; the
 * same clients asking for an unknown API path (a 404 problem document, no
 * database) show what the HTTP stack alone allows here. Started by
 * scripts/bench.ts after the build.
 */
import pg from "pg";
import { createApiToken } from "@/server/api-tokens/service";
import { concurrently, existingContext, type Figure, ms, ratio, saveFigures, stats } from "./lib/bench-stats";
import { benchWorkspace } from "./lib/bench-workspace";
import { agent, request, startApp } from "./lib/http-app";
import { freePort } from "./lib/postgres";

const CLIENTS = 20;
const REQUESTS = 3_000;
const GROUP = "Leads, rules and capture (issue 4)";

const { workspace, actor } = await benchWorkspace();
const token = (await createApiToken(actor, { name: `bench http ${Date.now()}` })).secret;
const port = await freePort();
const app = await startApp(port);
try {
  const stamp = Date.now();
  const post = (prefix: string) => (i: number) =>
    request(
      port,
      "POST",
      "/api/v1/leads",
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      JSON.stringify({
        email: `${prefix}-${stamp}-${i}@bench.example`,
        name: `HTTP ${i}`,
        company: "Bench",
        channel: "PAID_SEARCH",
      }),
    ).then((status) => {
      if (status !== 201) throw new Error(`POST /api/v1/leads answered ${status}`);
    });
  // Warm-up: route compilation caches, connection pool, prepared statements.
  await concurrently(300, CLIENTS, post("httpwarm"));
  const leads = await concurrently(REQUESTS, CLIENTS, post("http"));
  const bare = await concurrently(REQUESTS, CLIENTS, (_) =>
    request(port, "GET", "/api/v1/no-such-endpoint", {}).then((status) => {
      if (status !== 404) throw new Error(`GET /api/v1/no-such-endpoint answered ${status}`);
    }),
  );
  // The floor: the same number of single-row inserts from 20 clients through pg, as the in-process figure's.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CLIENTS });
  const floor = await concurrently(REQUESTS, CLIENTS, (i) =>
    pool.query(
      `INSERT INTO "Lead" (id, "workspaceId", email, name, company, channel, "updatedAt") VALUES ($1, $2, $3, $4, 'Bench', 'PAID_SEARCH', now())
       ON CONFLICT ("workspaceId", email) DO NOTHING`,
      [`hfloor-${stamp}-${i}`, workspace.id, `hfloor-${stamp}-${i}@bench.example`, `Floor ${i}`],
    ),
  );
  await pool.end();
  const s = stats(leads.latencies);
  const o = stats(bare.latencies);
  const f = stats(floor.latencies);
  const perSecond = (wall: number) => Math.round((REQUESTS / wall) * 1000);
  const figures: Figure[] = [
    {
      key: "leads.api.http.p95",
      group: GROUP,
      name: "POST /api/v1/leads over HTTP, one `next start` process, 20 keep-alive clients on the same cores (p95)",
      target: "< 50 ms",
      app: `${ms(s.p95)} (median ${ms(s.median)})`,
      floor: `${ms(f.p95)} (median ${ms(f.median)})`,
      ratio: ratio(s.p95, f.p95),
    },
    {
      key: "leads.api.http.throughput",
      group: GROUP,
      name: "POST /api/v1/leads over HTTP, throughput (same setup)",
      target: "≥ 500 leads/s",
      app: `${perSecond(leads.wall)} leads/s`,
      floor: `${perSecond(floor.wall)} inserts/s`,
      ratio: ratio(perSecond(floor.wall), perSecond(leads.wall)),
    },
    {
      key: "leads.api.http.ceiling",
      group: GROUP,
      name: "HTTP stack alone: an unknown API path (404 problem document, no database), same process and clients",
      target: "—",
      app: `${perSecond(bare.wall)} requests/s, p95 ${ms(o.p95)}`,
      floor: "—",
      ratio: "—",
    },
  ];
  saveFigures(figures, existingContext());
  for (const figure of figures) console.log(`${figure.name}: ${figure.app} (floor ${figure.floor})`);
} finally {
  agent.destroy();
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
}
process.exit(0);
