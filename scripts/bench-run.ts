/**
 * The benchmarks themselves (started by scripts/bench.ts with the database
 * ready). Every figure is printed next to its plain-SQL floor and the ratio.
 */
import os from "node:os";
import pg from "pg";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { createApiToken } from "@/server/api-tokens/service";
import { db } from "@/server/db";
import { createImport, runImport } from "@/server/imports/service";
import { compactIndexes } from "@/server/jobs/index-maintenance";
import { listLeads, ZLeadFilter } from "@/server/leads/list";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import { personaFits, publishedModel } from "@/server/leads/scoring-context";
import { rescoreWorkspace } from "@/server/scoring/rescore";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { ensureWorkspace } from "@/server/seed/factories";
import { benchBacktest } from "./bench-backtest";
import { benchDashboards } from "./bench-dashboards";
import { benchForms } from "./bench-forms";
import { benchHandoffs } from "./bench-handoffs";
import { benchWebhooks } from "./bench-webhooks";
import { type Figure, ms, ratio, saveFigures, stats, time } from "./lib/bench-stats";

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const EVENTS_PER_LEAD = 10;
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "list,api,import,rescore,handoffs,dashboards,webhooks,forms,backtest").split(","),
);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 25 });

const figures: Figure[] = [];
const LEADS_GROUP = "Leads, rules and capture (issue 4)";

/** A large workspace made in SQL (fast): leads over a year across channels, ten events each on average. */
async function dataset() {
  const { workspace, actors } = await ensureWorkspace({
    name: "Bench",
    slug: "bench",
    members: [
      { email: "bench-marketer@bench.test", name: "Bench Marketer", role: "MARKETER" },
      { email: "bench-rep@bench.test", name: "Bench Rep", role: "SALES" },
      { email: "bench-admin@bench.test", name: "Bench Admin", role: "ADMIN" },
    ],
  });
  const marketer = actors["bench-marketer@bench.test"];
  const admin = actors["bench-admin@bench.test"];
  if (!marketer || !admin) throw new Error("bench members missing");
  const existing = await db.lead.count({ where: { workspaceId: workspace.id } });
  if (existing < LEADS) {
    console.log(
      `Generating ${LEADS.toLocaleString()} leads and ${(LEADS * EVENTS_PER_LEAD).toLocaleString()} events …`,
    );
    const [, took] = await time(async () => {
      await pool.query(`DELETE FROM "Lead" WHERE "workspaceId" = $1`, [workspace.id]);
      await pool.query(
        `INSERT INTO "Lead" (id, "workspaceId", email, name, company, title, industry, "companySize", country, channel, stage,
                             "createdAt", "updatedAt", "stageEnteredAt")
         SELECT 'b' || g, $1, 'lead' || g || '@bench.example', 'Lead ' || g, 'Company ' || (g % 50000),
                (ARRAY['Fleet manager','Owner','COO','Student','IT manager'])[1 + g % 5],
                (ARRAY['Logistics','Retail','Automotive','Construction','Software'])[1 + (g / 7) % 5],
                1 + (g * 37) % 2000, (ARRAY['IT','DE','FR','ES'])[1 + g % 4],
                (ARRAY['ORGANIC_SEARCH','PAID_SEARCH','SOCIAL','EMAIL','EVENTS','REFERRAL','DIRECT','PARTNER','OTHER'])[1 + (g * 7) % 9]::"Channel",
                'LEAD', now() - ((g * 11) % 365) * interval '1 day', now(), now()
         FROM generate_series(1, $2::int) g`,
        [workspace.id, LEADS],
      );
      const types = BUILT_IN_EVENT_TYPES.map((t) => `'${t}'`).join(",");
      await pool.query(
        `INSERT INTO "LeadEvent" ("workspaceId", "leadId", type, "occurredAt")
         SELECT $1, 'b' || (1 + (e * 2654435761::bigint) % $2), (ARRAY[${types}])[1 + (e * 7) % ${BUILT_IN_EVENT_TYPES.length}],
                now() - ((e * 13) % 365) * interval '1 day'
         FROM generate_series(1, $2::bigint * ${EVENTS_PER_LEAD}) e`,
        [workspace.id, LEADS],
      );
      await pool.query(`ANALYZE "Lead"; ANALYZE "LeadScore"; ANALYZE "LeadEvent";`);
    });
    console.log(`  generated in ${(took / 1000).toFixed(1)} s`);
  }
  return { workspace, marketer, admin };
}

/** A list filter as the app runs it, and the same page as one plain SQL statement (the floor). */
const LIST_CASES = [
  {
    key: "leads.list",
    name: "Leads list, 2 filters + sort, page + capped count (p95)",
    filter: { channel: "EVENTS", minScore: "5", sort: "score" },
    floor: `s.channel = 'EVENTS' AND s."totalScore" >= 5`,
  },
  {
    key: "leads.list.stage",
    name: "Leads list, stage + min score, score sort, page + capped count (p95)",
    filter: { stage: "LEAD", minScore: "20", sort: "score" },
    floor: `s.stage = 'LEAD' AND s."totalScore" >= 20`,
  },
];

async function benchList(actor: { userId: string; workspaceId: string; role: "MARKETER" }) {
  // The steady state a user sees: a re-score starts this vacuum in the background; the list is measured after it
  // (right after a million-row re-score, before it ends, the capped count reads the heap: ~160 ms at p95).
  await pool.query('VACUUM (ANALYZE) "Lead", "LeadScore"');
  for (const c of LIST_CASES) {
    const filter = ZLeadFilter.parse(c.filter);
    const app: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 60; i++) {
      const [, a] = await time(() => listLeads(actor, filter));
      app.push(a);
      const [, f] = await time(() =>
        pool.query(
          `SELECT l.id, l.email, l.name, l.company, l.stage, s."totalScore", s.qualifies, l."createdAt"
           FROM "LeadScore" s JOIN "Lead" l ON l.id = s."leadId"
           WHERE s."workspaceId" = $1 AND ${c.floor}
           ORDER BY s."totalScore" DESC, s."leadId" DESC LIMIT 51`,
          [actor.workspaceId],
        ),
      );
      floor.push(f);
    }
    const s = stats(app.slice(10));
    const fl = stats(floor.slice(10));
    figures.push({
      key: c.key,
      group: LEADS_GROUP,
      name: c.name,
      target: "< 50 ms",
      app: `${ms(s.p95)} (median ${ms(s.median)})`,
      floor: `${ms(fl.p95)} (median ${ms(fl.median)})`,
      ratio: ratio(s.p95, fl.p95),
    });
  }
}

async function benchApi(marketer: { userId: string; workspaceId: string; role: "MARKETER" }) {
  const token = (await createApiToken(marketer, { name: `bench ${Date.now()}` })).secret;
  const total = 2000;
  const concurrency = 20;
  const latencies: number[] = [];
  const stamp = Date.now();
  let next = 0;
  const [, wall] = await time(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          const request = new Request("http://bench/api/v1/leads", {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({
              email: `api-${stamp}-${i}@bench.example`,
              name: `API ${i}`,
              company: "Bench",
              channel: "PAID_SEARCH",
            }),
          });
          const [response, took] = await time(() => postLead(request, { params: Promise.resolve({}) }));
          if (response.status !== 201)
            throw new Error(`POST /api/v1/leads answered ${response.status}: ${await response.text()}`);
          latencies.push(took);
        }
      }),
    ),
  );
  const floorLatencies: number[] = [];
  let nextFloor = 0;
  const [, floorWall] = await time(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextFloor < total) {
          const i = nextFloor++;
          const [, took] = await time(() =>
            pool.query(
              `INSERT INTO "Lead" (id, "workspaceId", email, name, company, channel, "updatedAt") VALUES ($1, $2, $3, $4, 'Bench', 'PAID_SEARCH', now())
               ON CONFLICT ("workspaceId", email) DO UPDATE SET name = EXCLUDED.name`,
              [`floor-${stamp}-${i}`, marketer.workspaceId, `floor-${stamp}-${i}@bench.example`, `Floor ${i}`],
            ),
          );
          floorLatencies.push(took);
        }
      }),
    ),
  );
  const s = stats(latencies);
  const f = stats(floorLatencies);
  figures.push({
    key: "leads.api.p95",
    group: LEADS_GROUP,
    name: "POST /api/v1/leads, 20 concurrent clients, in-process handler (p95)",
    target: "< 50 ms",
    app: `${ms(s.p95)} (median ${ms(s.median)})`,
    floor: `${ms(f.p95)} (median ${ms(f.median)})`,
    ratio: ratio(s.p95, f.p95),
  });
  figures.push({
    key: "leads.api.throughput",
    group: LEADS_GROUP,
    name: "POST /api/v1/leads throughput, 20 concurrent clients",
    target: "≥ 500 leads/s",
    app: `${Math.round((total / wall) * 1000)} leads/s`,
    floor: `${Math.round((total / floorWall) * 1000)} inserts/s`,
    ratio: ratio(total / floorWall, total / wall),
  });
}

async function benchImport(marketer: { userId: string; workspaceId: string; role: "MARKETER" }) {
  const rows = 100_000;
  const stamp = Date.now();
  const lines = ["email,name,company,title,industry,employees,country"];
  for (let i = 0; i < rows; i++)
    lines.push(`csv-${stamp}-${i}@bench.example,Csv ${i},Company ${i % 5000},Fleet manager,Logistics,${i % 900},IT`);
  const content = lines.join("\n");
  const job = await createImport(marketer, {
    fileName: "bench.csv",
    content,
    mapping: {
      email: "email",
      name: "name",
      company: "company",
      title: "title",
      industry: "industry",
      companySize: "employees",
      country: "country",
    },
  });
  const [, took] = await time(() => runImport(job.id));
  const done = await db.leadImport.findUniqueOrThrow({ where: { id: job.id }, omit: { content: true } });
  if (done.status !== "COMPLETED") throw new Error(`import ${done.status}: ${done.error}`);
  const [, floor] = await time(async () => {
    for (let start = 0; start < rows; start += 5000) {
      const ids: string[] = [];
      const emails: string[] = [];
      for (let i = start; i < Math.min(rows, start + 5000); i++) {
        ids.push(`f-${stamp}-${i}`);
        emails.push(`csvfloor-${stamp}-${i}@bench.example`);
      }
      await pool.query(
        `INSERT INTO "Lead" (id, "workspaceId", email, name, channel, "updatedAt")
         SELECT i, $1, e, 'Floor', 'OTHER', now() FROM unnest($2::text[], $3::text[]) AS t(i, e)
         ON CONFLICT ("workspaceId", email) DO NOTHING`,
        [marketer.workspaceId, ids, emails],
      );
    }
  });
  figures.push({
    key: "leads.import",
    group: LEADS_GROUP,
    name: "CSV import of 100,000 rows (validate, upsert, score), end to end",
    target: "≥ 20,000 rows/s",
    app: `${Math.round((rows / took) * 1000).toLocaleString("en")} rows/s (${(took / 1000).toFixed(1)} s)`,
    floor: `${Math.round((rows / floor) * 1000).toLocaleString("en")} rows/s (bulk INSERT only)`,
    ratio: ratio(took, floor),
  });
}

async function benchRescore(marketer: { userId: string; workspaceId: string; role: "MARKETER" }, leads: number) {
  // A publish that moves only the threshold (the default rules otherwise, as every run leaves them): scores
  // change only by the time decay since they were last written, qualification for the leads between the thresholds.
  const publish = async (definition: typeof DEFAULT_SCORING_MODEL) => {
    await saveDraft(marketer, { definition, note: "bench" });
    const outcome = await time(() => publishDraft(marketer, { note: "bench" }));
    // The re-score ends with a vacuum in the background: the next figures wait for it rather than compete with it.
    await pool.query('VACUUM (ANALYZE) "Lead", "LeadScore"');
    return outcome;
  };
  // Three samples (this machine's timings move by 10–20 % from run to run): each starts from the scores as the
  // nightly re-score left them a day ago (not measured), so the publish finds them a day of decay old, as in a
  // workspace where it runs at night.
  const samples: Awaited<ReturnType<typeof publish>>[] = [];
  let defaults = DEFAULT_SCORING_MODEL;
  for (let i = 0; i < 3; i++) {
    const current = await db.$transaction((tx) => publishedModel(tx, marketer.workspaceId));
    await rescoreWorkspace({
      workspaceId: marketer.workspaceId,
      model: current,
      personas: await personaFits(db, marketer.workspaceId),
      actorUserId: null,
      now: new Date(Date.now() - 24 * 3600 * 1000),
    });
    await pool.query('VACUUM (ANALYZE) "Lead", "LeadScore"');
    // The nightly jobs end with the index maintenance (a rebuild only of indexes past twice their built size).
    const { rebuilt } = await compactIndexes();
    if (rebuilt.length) console.log(`  index maintenance rebuilt ${rebuilt.map((r) => r.name).join(", ")}`);
    defaults = { ...DEFAULT_SCORING_MODEL, mqlThreshold: current.model.mqlThreshold === 45 ? 50 : 45 };
    samples.push(await publish(defaults));
  }
  const tookAll = samples.map(([, took]) => took).sort((a, b) => a - b);
  const took = tookAll[1] as number;
  // The worst case: a fit rule every lead matches changes every lead's score and explanation; publishing the
  // defaults again changes them all back (two samples).
  const everyLead = {
    ...defaults,
    fitRules: [
      ...defaults.fitRules,
      {
        id: "bench-every-lead",
        label: "Bench: every lead",
        when: { attribute: "emailDomain" as const, operator: "notIn" as const, values: ["bench.invalid"] },
        points: 1,
      },
    ],
  };
  const [changed, changedTook] = await publish(everyLead);
  const [changedBack, changedBackTook] = await publish(defaults);
  // The nightly decay re-score: the same model a day later; only leads whose rounded score moved are rewritten.
  const model = await db.$transaction((tx) => publishedModel(tx, marketer.workspaceId));
  const personas = await personaFits(db, marketer.workspaceId);
  const [nightly, nightlyTook] = await time(() =>
    rescoreWorkspace({
      workspaceId: marketer.workspaceId,
      model,
      personas,
      actorUserId: null,
      now: new Date(Date.now() + 24 * 3600 * 1000),
    }),
  );
  // The floor last, on a vacuumed table like the publish; rolled back, so the scores stay the app's.
  await pool.query('VACUUM (ANALYZE) "Lead", "LeadScore"');
  const client = await pool.connect();
  let floor: number;
  try {
    await client.query("BEGIN");
    [, floor] = await time(() =>
      client.query(
        `UPDATE "LeadScore" l SET "engagementScore" = s.points
         FROM (SELECT "leadId", sum(CASE type WHEN 'DEMO_REQUESTED' THEN 40 WHEN 'PRICING_PAGE_VIEWED' THEN 10 ELSE 3 END) AS points
               FROM "LeadEvent" WHERE "workspaceId" = $1 GROUP BY "leadId") s
         WHERE l."leadId" = s."leadId" AND l."workspaceId" = $1`,
        [marketer.workspaceId],
      ),
    );
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
  await pool.query('VACUUM "LeadScore"');
  figures.push({
    key: "leads.rescore.decay",
    group: LEADS_GROUP,
    name: `Nightly decay re-score, same model a day later (${nightly.rewritten.toLocaleString("en")} of ${nightly.leads.toLocaleString("en")} leads changed)`,
    target: "—",
    app: `${(nightlyTook / 1000).toFixed(1)} s`,
    floor: "—",
    ratio: "—",
  });
  figures.push({
    key: "leads.rescore",
    group: LEADS_GROUP,
    name: `Re-score every lead after a publish that moves the threshold (${leads.toLocaleString("en")} leads scored, ${samples.map(([r]) => r.rewritten.toLocaleString("en")).join(" / ")} scores changed, ${samples.map(([r]) => r.becameMql).join(" / ")} became MQL; 3 samples)`,
    target: "< 30 s",
    app: `median ${(took / 1000).toFixed(1)} s (${tookAll.map((t) => (t / 1000).toFixed(1)).join(", ")} s)`,
    floor: `${(floor / 1000).toFixed(1)} s (one SQL UPDATE of every score, no decay, caps or explanation)`,
    ratio: ratio(took, floor),
  });
  figures.push({
    key: "leads.rescore.all",
    group: LEADS_GROUP,
    name: `Re-score every lead after a publish that changes every score (a fit rule every lead matches, added then removed; ${changed.rewritten.toLocaleString("en")} and ${changedBack.rewritten.toLocaleString("en")} scores changed)`,
    target: "< 30 s",
    app: `${(changedTook / 1000).toFixed(1)} s and ${(changedBackTook / 1000).toFixed(1)} s`,
    floor: `${(floor / 1000).toFixed(1)} s (as above)`,
    ratio: ratio(Math.max(changedTook, changedBackTook), floor),
  });
}

/**
 * Leads the capture and import benches add (and their floors) go again, so every run measures the same
 * workspace: the generated leads are lead<n>@bench.example.
 */
async function dropBenchWrites(workspaceId: string) {
  const [deleted, took] = await time(() =>
    pool.query(`DELETE FROM "Lead" WHERE "workspaceId" = $1 AND email NOT LIKE 'lead%@bench.example'`, [workspaceId]),
  );
  console.log(`  leads written by earlier benches removed in ${(took / 1000).toFixed(1)} s`);
  // Vacuumed now, not by autovacuum in the middle of the next figure (it cost the API's p95 ~10 ms once).
  if ((deleted.rowCount ?? 0) > 0)
    await pool.query('VACUUM (ANALYZE) "Lead", "LeadScore", "LeadStageChange", "AuditLog"');
}

const { workspace, marketer, admin } = await dataset();
await dropBenchWrites(workspace.id);
const actor = { userId: marketer.userId, workspaceId: workspace.id, role: "MARKETER" as const };
const leads = await db.lead.count({ where: { workspaceId: workspace.id } });
const events = await db.leadEvent.count({ where: { workspaceId: workspace.id } });
if (ONLY.has("rescore")) await benchRescore(actor, leads);
if (ONLY.has("list")) await benchList(actor);
if (ONLY.has("api")) await benchApi(actor);
if (ONLY.has("import")) await benchImport(actor);

if (ONLY.has("handoffs")) figures.push(...(await benchHandoffs(pool, workspace.id)));
if (ONLY.has("dashboards")) figures.push(...(await benchDashboards(pool, workspace.id)));
if (ONLY.has("webhooks")) figures.push(...(await benchWebhooks(workspace.id, actor, admin)));
if (ONLY.has("forms")) figures.push(...(await benchForms(pool, workspace.id, actor)));
if (ONLY.has("backtest")) figures.push(...(await benchBacktest(actor)));

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL (embedded) ${
  (await pool.query("SHOW server_version")).rows[0]?.server_version
}`;
for (const f of figures) console.log(`${f.name}: ${f.app} (target ${f.target}; floor ${f.floor}; ${f.ratio})`);
saveFigures(figures, {
  machine,
  dataset: `Workspace of ${leads.toLocaleString("en")} leads and ${events.toLocaleString("en")} events (made in SQL by the bench).`,
});
await pool.end();
process.exit(0);
