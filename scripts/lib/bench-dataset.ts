/**
 * The bench workspace, made in SQL in chunks so that it can grow to ten
 * million leads and a hundred million events: each chunk of leads (with its
 * events, and later its stage history) is one transaction, so a run cut short
 * resumes at the first chunk not committed, and a larger BENCH_LEADS adds only
 * the leads it lacks (1M → 3M → 10M keeps what was made).
 *
 * Leads are `b<n>` / `lead<n>@bench.example`, n = 1…N, contiguous: the number
 * generated is the count of those e-mails (the other benches' leads go first).
 */
import type pg from "pg";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import { time } from "./bench-stats";

export const EVENTS_PER_LEAD = 10;
/** Leads per transaction: ~30 s of work on two cores, small enough to lose little when a run stops. */
const CHUNK = 250_000;

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

function progress(label: string, done: number, target: number, started: number) {
  const elapsed = (performance.now() - started) / 1000;
  console.log(`  ${label}: ${done.toLocaleString("en")} / ${target.toLocaleString("en")} (${elapsed.toFixed(0)} s)`);
}

/** How many bench leads exist (they are contiguous from 1). */
export async function generatedLeads(pool: pg.Pool, workspaceId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Lead" WHERE "workspaceId" = $1 AND email LIKE 'lead%@bench.example'`,
    [workspaceId],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Leads over a year across channels and ten events each on average (spread within the chunk, so a lead has
 * 0 to ~25). Returns the milliseconds spent, or null when nothing was missing.
 */
export async function generateLeads(pool: pg.Pool, workspaceId: string, target: number): Promise<number | null> {
  const have = await generatedLeads(pool, workspaceId);
  if (have >= target) return null;
  console.log(
    `Generating leads ${(have + 1).toLocaleString("en")}–${target.toLocaleString("en")} with ${EVENTS_PER_LEAD} events each, ${CHUNK.toLocaleString("en")} per transaction …`,
  );
  const types = BUILT_IN_EVENT_TYPES.map((t) => `'${t}'`).join(",");
  const started = performance.now();
  for (let from = have + 1; from <= target; from += CHUNK) {
    const to = Math.min(target, from + CHUNK - 1);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Lead" (id, "workspaceId", email, name, company, title, industry, "companySize", country, channel, stage,
                             "createdAt", "updatedAt", "stageEnteredAt")
         SELECT 'b' || g, $1, 'lead' || g || '@bench.example', 'Lead ' || g, 'Company ' || (g % 50000),
                (ARRAY['Fleet manager','Owner','COO','Student','IT manager'])[1 + g % 5],
                (ARRAY['Logistics','Retail','Automotive','Construction','Software'])[1 + (g / 7) % 5],
                1 + (g * 37) % 2000, (ARRAY['IT','DE','FR','ES'])[1 + g % 4],
                ($4::text[])[1 + (g * 7) % 9]::"Channel",
                'LEAD', now() - ((g * 11) % 365) * interval '1 day', now(), now()
         FROM generate_series($2::bigint, $3::bigint) g`,
        [workspaceId, from, to, CHANNELS],
      );
      await client.query(
        `INSERT INTO "LeadEvent" ("workspaceId", "leadId", type, "occurredAt")
         SELECT $1, 'b' || ($2::bigint + (e * 2654435761::bigint) % ($3::bigint - $2::bigint + 1)),
                (ARRAY[${types}])[1 + (e * 7) % ${BUILT_IN_EVENT_TYPES.length}],
                now() - ((e * 13) % 365) * interval '1 day'
         FROM generate_series(($2::bigint - 1) * ${EVENTS_PER_LEAD} + 1, $3::bigint * ${EVENTS_PER_LEAD}) e`,
        [workspaceId, from, to],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    progress("leads", to, target, started);
  }
  const [, analyzed] = await time(() => pool.query(`ANALYZE "Lead"; ANALYZE "LeadScore"; ANALYZE "LeadEvent";`));
  console.log(`  analyzed in ${(analyzed / 1000).toFixed(1)} s`);
  return performance.now() - started;
}

/** Chunks of bench leads whose stage history is made (a JobRun marker per chunk, written in its transaction). */
async function historyDone(pool: pg.Pool, workspaceId: string): Promise<Set<string>> {
  const { rows } = await pool.query<{ periodKey: string }>(
    `SELECT "periodKey" FROM "JobRun" WHERE name = 'bench-history' AND "periodKey" LIKE $1`,
    [`${workspaceId}:%`],
  );
  return new Set(rows.map((r) => r.periodKey));
}

/**
 * Campaigns, stage histories (12% become MQL, about half of those SQL, some customers with revenue), handoffs
 * and a year of spend for the dashboards. Deterministic paths from each lead's number: h < 120 MQL, < 66 SQL,
 * < 30 opportunity, < 12 customer; 66–96 nurture. Bulk generation skips the rollup triggers (replica mode);
 * `rebuild` is called when any chunk was added. Leads the handoff bench answered keep their own history.
 */
export async function generateHistory(
  pool: pg.Pool,
  workspaceId: string,
  managerUserId: string,
  leads: number,
  rebuild: () => Promise<unknown>,
): Promise<number | null> {
  const done = await historyDone(pool, workspaceId);
  const chunks: [number, number][] = [];
  for (let from = 1; from <= leads; from += CHUNK) {
    const to = Math.min(leads, from + CHUNK - 1);
    if (!done.has(`${workspaceId}:${from}-${to}`)) chunks.push([from, to]);
  }
  if (chunks.length === 0) return null;
  console.log(`Generating stage histories, handoffs and spend for ${chunks.length} chunk(s) of leads …`);
  const started = performance.now();
  await pool.query(
    `INSERT INTO "Campaign" (id, "workspaceId", name, channel, "updatedAt")
     SELECT 'bc' || i, $1, 'Bench campaign ' || i, ($2::text[])[1 + i % 9]::"Channel", now() FROM generate_series(1, 20) i
     ON CONFLICT DO NOTHING`,
    [workspaceId, CHANNELS],
  );
  await pool.query(
    `INSERT INTO "CampaignSpend" (id, "workspaceId", "campaignId", "periodStart", "periodEnd", amount, currency, "eurRate", "amountEur", "updatedAt")
     SELECT 'bs' || c || '-' || m, $1, 'bc' || c, date_trunc('month', now() - m * interval '1 month')::date,
            (date_trunc('month', now() - m * interval '1 month') + interval '1 month - 1 day')::date,
            1000 + c * 100, 'EUR', 1, 1000 + c * 100, now()
     FROM generate_series(1, 20) c, generate_series(0, 12) m
     ON CONFLICT DO NOTHING`,
    [workspaceId],
  );
  const sla = await pool.query<{ id: string }>(
    `INSERT INTO "SlaPolicy" (id, "workspaceId", version, "timeZone") VALUES ('bench-sla', $1, 1000, 'Europe/Rome')
     ON CONFLICT (id) DO UPDATE SET version = 1000 RETURNING id`,
    [workspaceId],
  );
  // The chunk's leads, by primary key (a range of numbers → ids), without a handoff of their own.
  const chunk = `"Lead" l JOIN generate_series($2::bigint, $3::bigint) g ON l.id = 'b' || g
                 WHERE l."workspaceId" = $1 AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."leadId" = l.id AND h.id NOT LIKE 'bh%')`;
  for (const [from, to] of chunks) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      const range = [workspaceId, from, to];
      await client.query(
        `DELETE FROM "LeadStageChange" c USING generate_series($2::bigint, $3::bigint) g
         WHERE c."leadId" = 'b' || g AND c."workspaceId" = $1 AND c.reason = 'bench-history'`,
        range,
      );
      await client.query(
        `DELETE FROM "Handoff" h USING generate_series($2::bigint, $3::bigint) g WHERE h.id = 'bh' || g AND h."workspaceId" = $1`,
        range,
      );
      await client.query(
        `UPDATE "Lead" l SET
           "campaignId" = CASE WHEN x.g % 10 < 7 THEN 'bc' || (1 + x.g % 20) END,
           "ownerId" = CASE WHEN x.h < 120 THEN $4 END,
           "mqlAt" = CASE WHEN x.h < 120 AND x.mql < now() THEN x.mql END,
           "sqlAt" = CASE WHEN x.h < 66 AND x.mql + interval '1 day' < now() THEN x.mql + interval '1 day' END,
           "opportunityAt" = CASE WHEN x.h < 30 AND x.mql + interval '8 days' < now() THEN x.mql + interval '8 days' END,
           "customerAt" = CASE WHEN x.h < 12 AND x.mql + interval '28 days' < now() THEN x.mql + interval '28 days' END,
           "wonAmount" = CASE WHEN x.h < 12 AND x.mql + interval '28 days' < now() THEN 5000 + x.g % 20000 END
         FROM (SELECT l.id, g, (g * 2654435761) % 1000 AS h, l."createdAt" + (1 + g % 20) * interval '1 day' AS mql
               FROM ${chunk}) x
         WHERE l.id = x.id`,
        [...range, managerUserId],
      );
      const step = (from: string, to: string, at: string) =>
        `SELECT $1, l.id, '${from}'::"LeadStage", '${to}'::"LeadStage", l.${at}, 'bench-history' FROM ${chunk} AND l.${at} IS NOT NULL`;
      await client.query(
        `INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, reason)
         SELECT $1, l.id, NULL::"LeadStage", 'LEAD'::"LeadStage", l."createdAt", 'bench-history' FROM ${chunk}
         UNION ALL ${step("LEAD", "MQL", '"mqlAt"')}
         UNION ALL ${step("MQL", "SQL", '"sqlAt"')}
         UNION ALL ${step("SQL", "OPPORTUNITY", '"opportunityAt"')}
         UNION ALL ${step("OPPORTUNITY", "CUSTOMER", '"customerAt"')}`,
        range,
      );
      await client.query(
        `UPDATE "Lead" x SET stage = CASE WHEN l."customerAt" IS NOT NULL THEN 'CUSTOMER' WHEN l."opportunityAt" IS NOT NULL THEN 'OPPORTUNITY'
                                          WHEN l."sqlAt" IS NOT NULL THEN 'SQL' ELSE 'NURTURE' END::"LeadStage"
         FROM ${chunk} AND l."mqlAt" IS NOT NULL AND x.id = l.id`,
        range,
      );
      await client.query(
        `INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, reason)
         SELECT $1, l.id, 'MQL', 'NURTURE', l."mqlAt" + interval '2 hours', 'bench-history' FROM ${chunk}
           AND l.stage = 'NURTURE' AND l."mqlAt" IS NOT NULL`,
        range,
      );
      await client.query(
        `INSERT INTO "Handoff" (id, "workspaceId", "leadId", "slaPolicyId", status, "assigneeId", "handedOffAt", "assignedAt",
                                "dueAt", "firstDueAt", "dueSoonAt", "answeredAt", "answeredById", "responseMinutes", "rejectReason", "updatedAt")
         SELECT 'bh' || g, $1, l.id, $4, CASE WHEN l.stage = 'NURTURE' THEN 'REJECTED' ELSE 'ACCEPTED' END::"HandoffStatus", $5,
                l."mqlAt", l."mqlAt", l."mqlAt" + interval '4 hours', l."mqlAt" + interval '4 hours', l."mqlAt" + interval '3 hours',
                l."mqlAt" + (g % 360) * interval '1 minute', $5, g % 360,
                CASE WHEN l.stage = 'NURTURE' THEN 'TIMING'::"RejectReason" END, now()
         FROM ${chunk} AND l."mqlAt" IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [...range, sla.rows[0]?.id, managerUserId],
      );
      // What the skipped BEFORE INSERT trigger would have set: when the stay each change ends began…
      await client.query(
        `UPDATE "LeadStageChange" c SET "fromStageEnteredAt" = p.prev
         FROM (SELECT s.id, lag(s.at) OVER (PARTITION BY s."leadId" ORDER BY s.at, s.id) AS prev
               FROM "LeadStageChange" s JOIN generate_series($2::bigint, $3::bigint) g ON s."leadId" = 'b' || g
               WHERE s."workspaceId" = $1) p
         WHERE p.id = c.id AND c."fromStage" IS NOT NULL AND p.prev IS NOT NULL AND c."fromStageEnteredAt" IS NULL`,
        range,
      );
      // …the score rows' copies of stage and owner (the list's filters read them)…
      await client.query(
        `UPDATE "LeadScore" s SET stage = l.stage, "ownerId" = l."ownerId"
         FROM "Lead" l JOIN generate_series($2::bigint, $3::bigint) g ON l.id = 'b' || g
         WHERE s."leadId" = l.id AND l."workspaceId" = $1 AND (s.stage <> l.stage OR s."ownerId" IS DISTINCT FROM l."ownerId")`,
        range,
      );
      // …and the lead dimensions they copy.
      for (const table of ["LeadStageChange", "Handoff"]) {
        await client.query(
          `UPDATE "${table}" x SET "leadChannel" = l.channel, "leadCampaignId" = l."campaignId",
                  "leadPersonaId" = l."personaId", "leadOwnerId" = l."ownerId"
           FROM "Lead" l JOIN generate_series($2::bigint, $3::bigint) g ON l.id = 'b' || g
           WHERE l.id = x."leadId" AND x."workspaceId" = $1`,
          range,
        );
      }
      await client.query(`INSERT INTO "JobRun" (name, "periodKey", "finishedAt") VALUES ('bench-history', $1, now())`, [
        `${workspaceId}:${from}-${to}`,
      ]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    progress("histories", to, leads, started);
  }
  await rebuild();
  await pool.query(
    `ANALYZE "Lead"; ANALYZE "LeadStageChange"; ANALYZE "Handoff"; ANALYZE "CampaignSpend"; ANALYZE "FunnelRollup";`,
  );
  return performance.now() - started;
}
