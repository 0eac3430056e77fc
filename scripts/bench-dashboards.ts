/**
 * Dashboard benchmarks (issue 6) on the bench workspace: a million leads get
 * campaigns, stage histories (12% become MQL, about half of those SQL, some
 * customers with revenue), handoffs and a year of spend — made in SQL once and
 * kept. Each dashboard is timed over a set of filter combinations.
 */
import type pg from "pg";
import type { Actor } from "@/server/auth/actor";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics, type Source } from "@/server/metrics/funnel";
import { roiMetrics } from "@/server/metrics/roi";
import { compactFunnel, rebuildFunnel } from "@/server/metrics/rollup";
import { slaMetrics } from "@/server/metrics/sla";
import { ensureWorkspace } from "@/server/seed/factories";
import { type Figure, ms, ratio, stats, time } from "./lib/bench-stats";

const GROUP = "Dashboards (issue 6)";
const CHANNELS = [
  "ORGANIC_SEARCH",
  "PAID_SEARCH",
  "SOCIAL",
  "EMAIL",
  "EVENTS",
  "REFERRAL",
  "DIRECT",
  "PARTNER",
  "OTHER",
];

async function history(pool: pg.Pool, workspaceId: string, manager: Actor) {
  // Generated once; a run cut short is started over (the marker row is written last).
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "JobRun" WHERE name = 'bench-history' AND "periodKey" = $1`,
    [workspaceId],
  );
  if (Number(rows[0]?.n) > 0) return null;
  console.log("Generating stage histories, handoffs and spend for the dashboards …");
  const client = await pool.connect();
  const [, took] = await time(async () => {
    // Bulk generation skips the rollup triggers (replica mode); the rollup is rebuilt from the result below.
    await client.query("SET session_replication_role = replica");
    await client.query(`DELETE FROM "LeadStageChange" WHERE "workspaceId" = $1 AND reason = 'bench-history'`, [
      workspaceId,
    ]);
    await client.query(`DELETE FROM "Handoff" WHERE "workspaceId" = $1 AND id LIKE 'bh%'`, [workspaceId]);
    await client.query(
      `INSERT INTO "Campaign" (id, "workspaceId", name, channel, "updatedAt")
       SELECT 'bc' || i, $1, 'Bench campaign ' || i, ($2::text[])[1 + i % 9]::"Channel", now() FROM generate_series(1, 20) i
       ON CONFLICT DO NOTHING`,
      [workspaceId, CHANNELS],
    );
    // Deterministic paths from each lead's number: h < 120 MQL, < 66 SQL, < 30 opportunity, < 12 customer; 66–96 nurture.
    await client.query(
      `UPDATE "Lead" l SET
         "campaignId" = CASE WHEN x.g % 10 < 7 THEN 'bc' || (1 + x.g % 20) END,
         "ownerId" = CASE WHEN x.h < 120 THEN $2 END,
         "mqlAt" = CASE WHEN x.h < 120 AND x.mql < now() THEN x.mql END,
         "sqlAt" = CASE WHEN x.h < 66 AND x.mql + interval '1 day' < now() THEN x.mql + interval '1 day' END,
         "opportunityAt" = CASE WHEN x.h < 30 AND x.mql + interval '8 days' < now() THEN x.mql + interval '8 days' END,
         "customerAt" = CASE WHEN x.h < 12 AND x.mql + interval '28 days' < now() THEN x.mql + interval '28 days' END,
         "wonAmount" = CASE WHEN x.h < 12 AND x.mql + interval '28 days' < now() THEN 5000 + x.g % 20000 END
       FROM (SELECT id, substr(id, 2)::bigint AS g, (substr(id, 2)::bigint * 2654435761) % 1000 AS h,
                    "createdAt" + (1 + substr(id, 2)::bigint % 20) * interval '1 day' AS mql
             FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$') x
       WHERE l.id = x.id
         -- Leads the handoff bench answered keep their own history.
         AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = l.id)`,
      [workspaceId, manager.userId],
    );
    await client.query(
      `INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, reason)
       SELECT $1, id, NULL::"LeadStage", 'LEAD'::"LeadStage", "createdAt", 'bench-history' FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$'
       UNION ALL SELECT $1, id, 'LEAD', 'MQL', "mqlAt", 'bench-history' FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "mqlAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)
       UNION ALL SELECT $1, id, 'MQL', 'SQL', "sqlAt", 'bench-history' FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "sqlAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)
       UNION ALL SELECT $1, id, 'SQL', 'OPPORTUNITY', "opportunityAt", 'bench-history' FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "opportunityAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)
       UNION ALL SELECT $1, id, 'OPPORTUNITY', 'CUSTOMER', "customerAt", 'bench-history' FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "customerAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)`,
      [workspaceId],
    );
    await client.query(
      `UPDATE "Lead" SET stage = CASE WHEN "customerAt" IS NOT NULL THEN 'CUSTOMER' WHEN "opportunityAt" IS NOT NULL THEN 'OPPORTUNITY'
                                      WHEN "sqlAt" IS NOT NULL THEN 'SQL' WHEN "mqlAt" IS NOT NULL THEN 'NURTURE' ELSE stage END::"LeadStage"
       WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "mqlAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, reason)
       SELECT $1, id, 'MQL', 'NURTURE', "mqlAt" + interval '2 hours', 'bench-history' FROM "Lead"
       WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND stage = 'NURTURE' AND "mqlAt" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)`,
      [workspaceId],
    );
    const sla = await client.query<{ id: string }>(
      `INSERT INTO "SlaPolicy" (id, "workspaceId", version, "timeZone") VALUES ('bench-sla', $1, 1000, 'Europe/Rome')
       ON CONFLICT (id) DO UPDATE SET version = 1000 RETURNING id`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO "Handoff" (id, "workspaceId", "leadId", "slaPolicyId", status, "assigneeId", "handedOffAt", "assignedAt",
                              "dueAt", "firstDueAt", "dueSoonAt", "answeredAt", "answeredById", "responseMinutes", "rejectReason", "updatedAt")
       SELECT 'bh' || substr(id, 2), $1, id, $2, CASE WHEN stage = 'NURTURE' THEN 'REJECTED' ELSE 'ACCEPTED' END::"HandoffStatus", $3,
              "mqlAt", "mqlAt", "mqlAt" + interval '4 hours', "mqlAt" + interval '4 hours', "mqlAt" + interval '3 hours',
              "mqlAt" + (substr(id, 2)::bigint % 360) * interval '1 minute', $3, substr(id, 2)::bigint % 360,
              CASE WHEN stage = 'NURTURE' THEN 'TIMING'::"RejectReason" END, now()
       FROM "Lead" WHERE "workspaceId" = $1 AND id ~ '^b[0-9]+$' AND "mqlAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = "Lead".id)
       ON CONFLICT DO NOTHING`,
      [workspaceId, sla.rows[0]?.id, manager.userId],
    );
    await client.query(
      `INSERT INTO "CampaignSpend" (id, "workspaceId", "campaignId", "periodStart", "periodEnd", amount, currency, "eurRate", "amountEur", "updatedAt")
       SELECT 'bs' || c || '-' || m, $1, 'bc' || c, date_trunc('month', now() - m * interval '1 month')::date,
              (date_trunc('month', now() - m * interval '1 month') + interval '1 month - 1 day')::date,
              1000 + c * 100, 'EUR', 1, 1000 + c * 100, now()
       FROM generate_series(1, 20) c, generate_series(0, 12) m
       ON CONFLICT DO NOTHING`,
      [workspaceId],
    );
    // What the skipped BEFORE INSERT trigger would have set: when the stay each change ends began.
    await client.query(
      `UPDATE "LeadStageChange" c SET "fromStageEnteredAt" = p.prev
       FROM (SELECT id, lag(at) OVER (PARTITION BY "leadId" ORDER BY at, id) AS prev FROM "LeadStageChange" WHERE "workspaceId" = $1) p
       WHERE p.id = c.id AND c."fromStage" IS NOT NULL AND p.prev IS NOT NULL AND c."fromStageEnteredAt" IS NULL`,
      [workspaceId],
    );
    // …and the lead dimensions they copy.
    for (const table of ["LeadStageChange", "Handoff"]) {
      await client.query(
        `UPDATE "${table}" x SET "leadChannel" = l.channel, "leadCampaignId" = l."campaignId",
                "leadPersonaId" = l."personaId", "leadOwnerId" = l."ownerId"
         FROM "Lead" l WHERE l.id = x."leadId" AND x."workspaceId" = $1`,
        [workspaceId],
      );
    }
    await client.query("SET session_replication_role = DEFAULT");
    await client.query(`INSERT INTO "JobRun" (name, "periodKey", "finishedAt") VALUES ('bench-history', $1, now())`, [
      workspaceId,
    ]);
    await rebuildFunnel(workspaceId);
    await client.query(
      `ANALYZE "Lead"; ANALYZE "LeadStageChange"; ANALYZE "Handoff"; ANALYZE "CampaignSpend"; ANALYZE "FunnelRollup";`,
    );
  });
  client.release();
  return took;
}

const COMBOS: Record<string, string>[] = [
  {},
  { channel: "EVENTS" },
  { campaignId: "bc3" },
  { channel: "PAID_SEARCH", campaignId: "bc1" },
  { interval: "week" },
];

export async function benchDashboards(pool: pg.Pool, workspaceId: string): Promise<Figure[]> {
  const { actors } = await ensureWorkspace({
    name: "Bench",
    slug: "bench",
    members: [{ email: "bench-manager@bench.test", name: "Bench Manager", role: "MANAGER" }],
  });
  const manager = actors["bench-manager@bench.test"] as Actor;
  const generated = await history(pool, workspaceId, manager);
  if (generated) console.log(`  generated in ${(generated / 1000).toFixed(1)} s`);
  // The app's scheduler folds the rollup's pending deltas every 15 s; the other figures (publishes, imports,
  // handoffs) left theirs unfolded here, which the dashboards would otherwise read on every request.
  while ((await compactFunnel()) > 0);
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const ranges = [{}, { from: yearAgo, to: today }];
  const figures: Figure[] = [];
  type Metrics = (
    actor: Actor,
    filter: ReturnType<typeof ZMetricsFilter.parse>,
    now?: Date,
    source?: Source,
  ) => Promise<unknown>;
  const dashboards: [string, Metrics, boolean][] = [
    ["funnel", funnelMetrics, true],
    ["roi", roiMetrics, true],
    ["sla", slaMetrics, true],
  ];
  const measure = async (metrics: Metrics, source: Source) => {
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const range of ranges) {
        for (const combo of COMBOS) {
          const filter = ZMetricsFilter.parse({ ...range, ...combo });
          const [, took] = await time(() => metrics(manager, filter, new Date(), source));
          samples.push(took);
        }
      }
    }
    return { ...stats(samples), n: samples.length };
  };
  for (const [name, metrics, rolledUp] of dashboards) {
    const app = await measure(metrics, "rollup");
    let floor: string;
    let floorP95: number;
    if (rolledUp) {
      // The same figures recomputed from the raw tables (what the rollup replaces).
      const raw = await measure(metrics, "raw");
      floor = `${ms(raw.p95)} (median ${ms(raw.median)}), the same figures recomputed from the raw tables with joins`;
      floorP95 = raw.p95;
    } else {
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) {
        const [, f] = await time(() =>
          pool.query(
            `SELECT count(*) FROM "Handoff" WHERE "workspaceId" = $1 AND "firstDueAt" >= now() - interval '365 days'`,
            [workspaceId],
          ),
        );
        samples.push(f);
      }
      const f = stats(samples);
      floor = `${ms(f.p95)} (one count of the year's handoffs; SLA figures read the raw tables)`;
      floorP95 = f.p95;
    }
    figures.push({
      key: `dashboards.${name}`,
      group: GROUP,
      name: `${name.toUpperCase()} dashboard, server time over ${app.n} requests (2 ranges × ${COMBOS.length} filter sets, p95)`,
      target: "< 300 ms",
      app: `${ms(app.p95)} (median ${ms(app.median)})`,
      floor,
      ratio: ratio(app.p95, floorP95),
    });
  }
  return figures;
}
