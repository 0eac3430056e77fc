/**
 * Website forms (issue 20) on the bench workspace: 20 visitors at once send a
 * demo-request form; one in five is a known lead whose earlier pricing visits
 * make the demo request cross into MQL, so those submissions also hand the lead
 * to sales. Beside it, the floor: the same lead and event rows written with
 * bare SQL (one upsert and one insert in a transaction) by 20 clients.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { starterDefinition } from "@/server/forms/schema";
import { createForm } from "@/server/forms/service";
import { startStamp, submitForm } from "@/server/forms/submit";
import { concurrently, type Figure, ms, ratio, stats } from "./lib/bench-stats";

const GROUP = "Website capture and webhooks (issue 20)";
const SUBMISSIONS = 1_000;
const CONCURRENCY = 20;

export async function benchForms(pool: pg.Pool, workspaceId: string, marketer: Actor): Promise<Figure[]> {
  const stamp = Date.now();
  const form = await createForm(marketer, { name: `Bench demo form ${stamp}`, definition: starterDefinition() });
  const formRow = await db.leadForm.findUniqueOrThrow({ where: { id: form.id } });
  // Known leads, two pricing visits each: a demo request makes them MQLs (40 + 10 + 10 = the threshold of 60).
  const known = Array.from({ length: SUBMISSIONS / 5 }, (_, i) => `form-known-${stamp}-${i}@bench.example`);
  await pool.query(
    `INSERT INTO "Lead" (id, "workspaceId", email, name, channel, "updatedAt")
     SELECT gen_random_uuid()::text, $1, e, 'Known', 'EMAIL', now() FROM unnest($2::text[]) AS e`,
    [workspaceId, known],
  );
  await pool.query(
    `INSERT INTO "LeadEvent" ("workspaceId", "leadId", type, "occurredAt")
     SELECT $1, l.id, 'PRICING_PAGE_VIEWED', now() - interval '1 day' FROM "Lead" l, generate_series(1, 2)
     WHERE l."workspaceId" = $1 AND l.email = ANY($2::text[])`,
    [workspaceId, known],
  );
  const shown = new Date(Date.now() - 10_000);
  const started = startStamp(formRow.id, shown);
  const emailOf = (i: number) => (i % 5 === 0 ? (known[i / 5] as string) : `form-${stamp}-${i}@bench.example`);
  const kinds = new Map<string, number>();
  const app = await concurrently(SUBMISSIONS, CONCURRENCY, async (i) => {
    const outcome = await submitForm(
      formRow.publicId,
      { email: emailOf(i), name: `Visitor ${i}`, company: "Bench", consent: "on", started, website: "" },
      {
        ip: `198.51.${Math.floor(i / 250)}.${i % 250}`,
        origin: null,
        page: "https://www.bench.example/demo",
        locale: "en",
      },
    );
    kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
  });
  if (kinds.get("stored") !== SUBMISSIONS) throw new Error(`form submissions: ${JSON.stringify([...kinds])}`);
  const handoffs = await db.handoff.count({
    where: { workspaceId, lead: { email: { in: known } } },
  });

  const floor = await concurrently(SUBMISSIONS, CONCURRENCY, async (i) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const lead = await client.query<{ id: string }>(
        `INSERT INTO "Lead" (id, "workspaceId", email, name, company, channel, "updatedAt")
         VALUES ($1, $2, $3, $4, 'Bench', 'ORGANIC_SEARCH', now())
         ON CONFLICT ("workspaceId", email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [randomUUID(), workspaceId, `form-floor-${stamp}-${i}@bench.example`, `Visitor ${i}`],
      );
      await client.query(
        `INSERT INTO "LeadEvent" ("workspaceId", "leadId", type, "occurredAt", properties) VALUES ($1, $2, 'DEMO_REQUESTED', now(), $3)`,
        [workspaceId, lead.rows[0]?.id, JSON.stringify({ form: "Bench", consentText: "I agree" })],
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });
  const a = stats(app.latencies);
  const f = stats(floor.latencies);
  await db.leadForm.delete({ where: { id: form.id } });
  return [
    {
      key: "forms.submit.p95",
      group: GROUP,
      name: `Form submit, 20 concurrent visitors (checks, capture, score, event; ${handoffs} of ${SUBMISSIONS} hand an MQL to sales) (p95)`,
      target: "—",
      app: `${ms(a.p95)} (median ${ms(a.median)}); ${Math.round((SUBMISSIONS * 1000) / app.wall)} submissions/s`,
      floor: `${ms(f.p95)} (median ${ms(f.median)}); bare upsert + event insert`,
      ratio: ratio(a.p95, f.p95),
    },
  ];
}
