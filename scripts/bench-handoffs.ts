/**
 * Handoff benchmarks (issue 5) on the bench workspace: 50 sales reps and
 * 5,000 open handoffs among a million leads. Accept/reject with 50 reps at
 * once, the breach sweep, and the inbox page's server work — each beside the
 * plain-SQL floor of the same work.
 */
import type pg from "pg";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { acceptHandoff, rejectHandoff } from "@/server/handoffs/answer";
import { createHandoffs } from "@/server/handoffs/assignment";
import { listOpenHandoffs, liveSummary } from "@/server/handoffs/queries";
import { sweepBreaches } from "@/server/handoffs/sweeps";
import { ensureWorkspace } from "@/server/seed/factories";
import { concurrently, type Figure, ms, ratio, stats, time } from "./lib/bench-stats";

const GROUP = "Handoffs and SLA (issue 5)";
const REPS = 50;
const OPEN = 5_000;

async function team(): Promise<{ reps: Actor[]; manager: Actor }> {
  const { actors } = await ensureWorkspace({
    name: "Bench",
    slug: "bench",
    members: [
      { email: "bench-manager@bench.test", name: "Bench Manager", role: "MANAGER" },
      ...Array.from({ length: REPS }, (_, i) => ({
        email: `bench-rep-${i}@bench.test`,
        name: `Bench Rep ${i}`,
        role: "SALES" as const,
      })),
    ],
  });
  const reps = Array.from({ length: REPS }, (_, i) => actors[`bench-rep-${i}@bench.test`] as Actor);
  return { reps, manager: actors["bench-manager@bench.test"] as Actor };
}

/** Tops the workspace up to OPEN open handoffs: leads made MQL in SQL, handed off by the app in batches. */
async function openHandoffs(pool: pg.Pool, workspaceId: string, reps: Actor[]) {
  // Only the bench reps' handoffs count: MQLs made by other figures (a publish's crossings) may sit with other members.
  const open = await db.handoff.count({
    where: { workspaceId, status: "OPEN", assigneeId: { in: reps.map((rep) => rep.userId) } },
  });
  const missing = OPEN - open;
  if (missing <= 0) return null;
  const { rows } = await pool.query<{ id: string }>(
    `WITH moved AS (
       UPDATE "Lead" SET stage = 'MQL', "mqlAt" = now()
       WHERE id IN (SELECT id FROM "Lead" WHERE "workspaceId" = $1 AND stage = 'LEAD' ORDER BY id LIMIT $2)
       RETURNING id
     ), qualified AS (
       UPDATE "LeadScore" s SET qualifies = true FROM moved WHERE s."leadId" = moved.id
     )
     SELECT id FROM moved`,
    [workspaceId, missing],
  );
  const ids = rows.map((r) => r.id);
  const [, took] = await time(async () => {
    for (let i = 0; i < ids.length; i += 500) {
      await db.$transaction(
        (tx) => createHandoffs(tx, { workspaceId, leadIds: ids.slice(i, i + 500), now: new Date(), actorUserId: null }),
        { timeout: 120_000 },
      );
    }
  });
  return { count: ids.length, took };
}

export async function benchHandoffs(pool: pg.Pool, workspaceId: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const { reps } = await team();
  const created = await openHandoffs(pool, workspaceId, reps);
  if (created) {
    figures.push({
      key: "handoffs.assign",
      group: GROUP,
      name: `Hand ${created.count.toLocaleString("en")} new MQLs to ${REPS} reps (round-robin, batches of 500)`,
      target: "—",
      app: `${Math.round((created.count / created.took) * 1000)} handoffs/s`,
      floor: "—",
      ratio: "—",
    });
  }

  // Accept/reject: each of the 50 reps answers 10 of their own handoffs, all reps at once.
  const perRep = 10;
  const mine = await Promise.all(
    reps.map((rep) =>
      db.handoff.findMany({
        where: { workspaceId, status: "OPEN", assigneeId: rep.userId },
        orderBy: { dueAt: "asc" },
        take: perRep * 2 + 4,
        select: { id: true },
      }),
    ),
  );
  const appWork = mine.flatMap((list, r) =>
    list.slice(0, perRep).map((h, i) => ({ rep: reps[r] as Actor, id: h.id, accept: i % 2 === 0 })),
  );
  const floorWork = mine.flatMap((list) => list.slice(perRep, perRep * 2).map((h) => h.id));
  const app = await concurrently(appWork.length, REPS, async (i) => {
    const w = appWork[i];
    if (!w) return;
    if (w.accept) await acceptHandoff(w.rep, w.id);
    else await rejectHandoff(w.rep, w.id, { reason: "TIMING", note: "bench" });
  });
  // Floor: the same writes as bare SQL in one transaction per answer (lock, handoff, lead, stage log, event, audit).
  const floorAnswer = async (handoffId: string | undefined) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ leadId: string }>(
        `UPDATE "Handoff" SET status = 'ACCEPTED', "openLeadId" = NULL, "answeredAt" = now(), "updatedAt" = now()
         WHERE id = $1 AND status = 'OPEN' RETURNING "leadId"`,
        [handoffId],
      );
      const leadId = rows[0]?.leadId;
      await client.query(`UPDATE "Lead" SET stage = 'SQL', "sqlAt" = now(), "updatedAt" = now() WHERE id = $1`, [
        leadId,
      ]);
      await client.query(
        `INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", reason) VALUES ($1, $2, 'MQL', 'SQL', 'bench')`,
        [workspaceId, leadId],
      );
      await client.query(
        `INSERT INTO "HandoffEvent" ("workspaceId", "handoffId", kind, at) VALUES ($1, $2, 'ACCEPTED', now())`,
        [workspaceId, handoffId],
      );
      await client.query(
        `INSERT INTO "AuditLog" ("workspaceId", action, "entityType", "entityId") VALUES ($1, 'handoff.accepted', 'Handoff', $2)`,
        [workspaceId, handoffId],
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  };
  // Floor: the same writes as bare SQL in one transaction per answer (handoff, lead, stage log, event, audit).
  const floor = await concurrently(floorWork.length, REPS, (i) => floorAnswer(floorWork[i]));
  const a = stats(app.latencies);
  const f = stats(floor.latencies);
  figures.push({
    key: "handoffs.answer",
    group: GROUP,
    name: `Accept/reject, ${REPS} reps at once (${appWork.length} answers, p95)`,
    target: "< 50 ms",
    app: `${ms(a.p95)} (median ${ms(a.median)})`,
    floor: `${ms(f.p95)} (median ${ms(f.median)})`,
    ratio: ratio(a.p95, f.p95),
  });
  // One rep at a time: the latency of a single answer without 50 others queueing for the two cores.
  const seqApp = mine.flatMap((list, r) =>
    list.slice(perRep * 2, perRep * 2 + 2).map((h) => ({ rep: reps[r] as Actor, id: h.id })),
  );
  const seqFloor = mine.flatMap((list) => list.slice(perRep * 2 + 2, perRep * 2 + 4).map((h) => h.id));
  const one = await concurrently(seqApp.length, 1, async (i) => {
    const w = seqApp[i];
    if (w) await acceptHandoff(w.rep, w.id);
  });
  const oneFloor = await concurrently(seqFloor.length, 1, (i) => floorAnswer(seqFloor[i]));
  const o = stats(one.latencies);
  const of = stats(oneFloor.latencies);
  figures.push({
    key: "handoffs.answer.single",
    group: GROUP,
    name: `Accept, one rep at a time (${seqApp.length} answers, p95)`,
    target: "< 50 ms",
    app: `${ms(o.p95)} (median ${ms(o.median)})`,
    floor: `${ms(of.p95)} (median ${ms(of.median)})`,
    ratio: ratio(o.p95, of.p95),
  });

  // The breach sweep when nothing is due (the common case, every 15 s on every server) …
  const sweep: number[] = [];
  const sweepFloor: number[] = [];
  for (let i = 0; i < 60; i++) {
    const [, s] = await time(() => sweepBreaches(new Date(Date.now() - 7 * 86_400_000)));
    sweep.push(s);
    const [, q] = await time(async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(
          `SELECT id FROM "Handoff" WHERE status = 'OPEN' AND "breachedAt" IS NULL AND "dueAt" <= now() - interval '7 days'
           ORDER BY "dueAt" LIMIT 100 FOR UPDATE SKIP LOCKED`,
        );
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    sweepFloor.push(q);
  }
  const sw = stats(sweep.slice(10));
  const sf = stats(sweepFloor.slice(10));
  figures.push({
    key: "handoffs.sweep",
    group: GROUP,
    name: `Breach sweep, one scan over ${OPEN.toLocaleString("en")} open handoffs (p95)`,
    target: "< 20 ms",
    app: `${ms(sw.p95)} (median ${ms(sw.median)})`,
    floor: `${ms(sf.p95)} (median ${ms(sf.median)})`,
    ratio: ratio(sw.p95, sf.p95),
  });

  // … and the cost of escalating breaches: 100 handoffs made overdue, swept in one go.
  const overdue = await pool.query<{ id: string }>(
    `UPDATE "Handoff" SET "dueAt" = now() - interval '1 hour'
     WHERE id IN (SELECT id FROM "Handoff" WHERE "workspaceId" = $1 AND status = 'OPEN' AND "breachedAt" IS NULL ORDER BY "dueAt" DESC LIMIT 100)
     RETURNING id`,
    [workspaceId],
  );
  const [escalated, took] = await time(() => sweepBreaches(new Date()));
  figures.push({
    key: "handoffs.escalate",
    group: GROUP,
    name: `Escalate ${overdue.rowCount} breaches (notify, reassign to the next rep with a fresh clock)`,
    target: "—",
    app: `${ms(took / Math.max(1, escalated.handled))} per breach (${escalated.handled} in ${ms(took)})`,
    floor: "—",
    ratio: "—",
  });

  // The inbox page's server work: the rep's open handoffs (first 100 by due time, with the lead) and the live counts.
  const inbox: number[] = [];
  const inboxFloor: number[] = [];
  for (let i = 0; i < 60; i++) {
    const rep = reps[i % REPS] as Actor;
    const [, t] = await time(() => Promise.all([listOpenHandoffs(rep), liveSummary(rep)]));
    inbox.push(t);
    const [, q] = await time(() =>
      pool.query(
        `SELECT h.id, h."dueAt", l.name, l.email, l.company, s."totalScore", s."scoreExplanation"
         FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId" JOIN "LeadScore" s ON s."leadId" = l.id
         WHERE h."workspaceId" = $1 AND h.status = 'OPEN' AND h."assigneeId" = $2 ORDER BY h."dueAt" LIMIT 100`,
        [workspaceId, rep.userId],
      ),
    );
    inboxFloor.push(q);
  }
  const ib = stats(inbox.slice(10));
  const iq = stats(inboxFloor.slice(10));
  figures.push({
    key: "handoffs.inbox",
    group: GROUP,
    name: "Inbox page server work: a rep's open handoffs with their leads + live counts (p95)",
    target: "< 100 ms",
    app: `${ms(ib.p95)} (median ${ms(ib.median)})`,
    floor: `${ms(iq.p95)} (median ${ms(iq.median)})`,
    ratio: ratio(ib.p95, iq.p95),
  });
  return figures;
}
