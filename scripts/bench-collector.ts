/**
 * `npm run bench` (BENCH_ONLY=collector): the tracking snippet's beacons over
 * real HTTP against one `next start` process (the production build) on the
 * generated workspace: 20 keep-alive clients send page views of 2,000
 * visitors as browsers do (text/plain JSON, the site's Origin, a browser's
 * user agent). Figures: page views per second the app takes and writes, and a
 * beacon's p95 under that load; beside them, the floor: the same rows written
 * by bare single-row INSERTs from 20 clients, and the HTTP stack alone.
 * Started by scripts/bench.ts after the build.
 */
import pg from "pg";
import { db } from "@/server/db";
import { trackingSettings, updateTrackingSettings } from "@/server/tracking/service";
import { concurrently, existingContext, type Figure, ms, ratio, saveFigures, stats } from "./lib/bench-stats";
import { benchWorkspace } from "./lib/bench-workspace";
import { agent, request, startApp } from "./lib/http-app";
import { freePort } from "./lib/postgres";

const CLIENTS = 20;
const VIEWS = 20_000;
const VISITORS = 2_000;
const GROUP = "Website capture and webhooks (issue 20)";
const SITE = "https://www.bench.example";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

const { workspace, actor } = await benchWorkspace();
const settings = await trackingSettings(actor);
await updateTrackingSettings(actor, {
  requireConsent: true,
  allowedOrigins: [SITE],
  urlRules: settings.urlRules,
  channelRules: settings.channelRules,
});

const port = await freePort();
const app = await startApp(port);
const stamp = Date.now().toString(36);
const visitorOf = (prefix: string, i: number) => `${prefix}${stamp}v${i % VISITORS}`;
const beacon = (prefix: string) => (i: number) =>
  request(
    port,
    "POST",
    "/api/collect",
    { "content-type": "text/plain;charset=UTF-8", origin: SITE, "user-agent": CHROME },
    JSON.stringify({
      s: settings.publicKey,
      v: visitorOf(prefix, i),
      c: true,
      u: `${SITE}/${i % 7 === 0 ? "pricing" : `blog/post-${i % 50}`}?utm_source=google&utm_medium=cpc`,
      t: "Bench page",
      r: "https://www.google.com/",
    }),
  ).then((status) => {
    if (status !== 204) throw new Error(`POST /api/collect answered ${status}`);
  });
const stored = async (prefix: string) => {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "PageView" WHERE "workspaceId" = ${workspace.id} AND "visitorId" LIKE ${`${prefix}${stamp}v%`}`;
  return Number(rows[0]?.n ?? 0);
};
try {
  // Warm-up: route compilation, the site cache, the pool.
  await concurrently(1_000, CLIENTS, beacon("warm"));
  const views = await concurrently(VIEWS, CLIENTS, beacon("bench"));
  // The last batch is written within a flush interval.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const written = await stored("bench");
  const bare = await concurrently(VIEWS, CLIENTS, () =>
    request(port, "GET", "/api/v1/no-such-endpoint", {}).then((status) => {
      if (status !== 404) throw new Error(`GET /api/v1/no-such-endpoint answered ${status}`);
    }),
  );
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CLIENTS });
  const floor = await concurrently(VIEWS, CLIENTS, (i) =>
    pool.query(
      `INSERT INTO "PageView" ("workspaceId", "visitorId", url, title, referrer, "utmSource", "utmMedium", "occurredAt")
       VALUES ($1, $2, $3, 'Bench page', 'https://www.google.com/', 'google', 'cpc', now())`,
      [workspace.id, visitorOf("floor", i), `${SITE}/blog/post-${i % 50}?utm_source=google&utm_medium=cpc`],
    ),
  );
  await pool.end();
  await db.$executeRaw`
    DELETE FROM "PageView" WHERE "workspaceId" = ${workspace.id} AND "visitorId" ~ ${`^(warm|bench|floor)${stamp}v`}`;

  const b = stats(views.latencies);
  const o = stats(bare.latencies);
  const f = stats(floor.latencies);
  const perSecond = (count: number, wall: number) => Math.round((count / wall) * 1000);
  const figures: Figure[] = [
    {
      key: "tracking.collector.throughput",
      group: GROUP,
      name: `Collector: page views taken over HTTP, one \`next start\` process, 20 clients (${written} of ${VIEWS} written)`,
      target: "—",
      app: `${perSecond(VIEWS, views.wall)} views/s`,
      floor: `${perSecond(VIEWS, floor.wall)} single-row INSERTs/s (20 pg clients); HTTP alone ${perSecond(VIEWS, bare.wall)} requests/s`,
      ratio: ratio(perSecond(VIEWS, floor.wall), perSecond(VIEWS, views.wall)),
    },
    {
      key: "tracking.collector.p95",
      group: GROUP,
      name: "Collector: one beacon under that load (p95)",
      target: "—",
      app: `${ms(b.p95)} (median ${ms(b.median)})`,
      floor: `${ms(f.p95)} bare INSERT (median ${ms(f.median)}); HTTP alone ${ms(o.p95)}`,
      ratio: ratio(b.p95, f.p95),
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
