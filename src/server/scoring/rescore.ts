import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { LeadStage } from "@/generated/prisma/enums";
import { type Db, db, type Tx } from "@/server/db";
import { createHandoffs } from "@/server/handoffs/assignment";
import { matchPersona, type PersonaFit } from "@/server/leads/persona-match";
import { logger } from "@/server/logger";
import { behaviourSumsOf, parseBehaviourSums } from "@/server/scoring/behaviour-sql";
import { type ScoreResult, type ScoringModel, scoreFromSums } from "@/server/scoring/engine";
import { scoreExplanation } from "@/server/scoring/explanation";

const BATCH = 2_000;
/**
 * Concurrent batch writers of a re-score: while some batches are summed and written by PostgreSQL, others are
 * scored in Node (1M leads on two cores: 2 writers 71.6 s, 4 writers 65.2 s). Each holds one pooled connection
 * for its transaction, leaving the rest of the pool (10 by default) to the app's requests.
 */
const RESCORE_WRITERS = 4;

type LeadForScoring = {
  id: string;
  email: string;
  industry: string;
  companySize: number | null;
  country: string;
  title: string;
  channel: string;
  stage: LeadStage;
  qualifies: boolean;
  personaId: string | null;
};

/**
 * Walks every lead of a workspace in batches (keyset on id): each batch's
 * leads and their behaviour sums come from one SQL statement, the rest of the
 * score from the same pure engine as live capture (`scoreFromSums`).
 */
export async function* scoredBatches(input: {
  workspaceId: string;
  models: ScoringModel[];
  personas: PersonaFit[];
  now: Date;
  /** Only these leads (default: every lead of the workspace). */
  leadIds?: string[];
  client?: Tx | Db;
}) {
  const client = input.client ?? db;
  // Every model's behaviour rules summed in one pass over the batch's events.
  const rules = input.models.flatMap((m) => m.behaviourRules);
  const sums =
    rules.length === 0
      ? Prisma.sql`SELECT NULL::text AS "leadId", NULL::text AS sums WHERE false`
      : behaviourSumsOf(Prisma.sql`ANY(SELECT id FROM batch)`, rules, input.now);
  let afterId = "";
  for (;;) {
    const rows = await client.$queryRaw<(LeadForScoring & { sums: string | null })[]>`
      WITH batch AS MATERIALIZED (
        SELECT id, email, industry, "companySize", country, title, channel::text, stage::text, "personaId"
        FROM "Lead"
        WHERE "workspaceId" = ${input.workspaceId} AND id > ${afterId}
          ${input.leadIds ? Prisma.sql`AND id = ANY(${input.leadIds}::text[])` : Prisma.empty}
          -- An erased lead keeps the score and stage it had: its history must not change after the erasure.
          AND "erasedAt" IS NULL
        ORDER BY id
        LIMIT ${BATCH}
      )
      -- The score rows are joined to the materialized batch (a probe each): joined inside it, the planner
      -- merge-joined the whole score index from its start for every batch.
      SELECT b.*, COALESCE(sc.qualifies, false) AS qualifies, s.sums
      FROM batch b LEFT JOIN "LeadScore" sc ON sc."leadId" = b.id LEFT JOIN (${sums}) s ON s."leadId" = b.id
      ORDER BY b.id`;
    if (rows.length === 0) return;
    yield rows.map(({ sums: text, ...lead }) => {
      const personaId = matchPersona(lead, input.personas);
      const sums = parseBehaviourSums(text, rules.length);
      let offset = 0;
      const results = input.models.map((model) => {
        const own = sums.slice(offset, offset + model.behaviourRules.length);
        offset += model.behaviourRules.length;
        return scoreFromSums({ ...lead, personaId }, own, model);
      });
      return { lead, personaId, results };
    });
    afterId = rows.at(-1)?.id ?? afterId;
    if (rows.length < BATCH) return;
  }
}

/** A batch chosen as a deadlock's victim is written again (its scores and crossings are decided on the locked rows). */
async function retryOnDeadlock<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !/deadlock detected|40P01/.test(String(error))) throw error;
      logger.warn("rescore.batch_deadlock_retry", { attempt });
    }
  }
}

/** leads: scored; rewritten: whose stored score changed (the others are left as they are). */
export type RescoreSummary = { leads: number; rewritten: number; becameMql: number; durationMs: number };

/**
 * Re-scores every lead of the workspace with `model` (after a publish, or on a
 * schedule for time decay). Each batch is one transaction: one UPDATE for the
 * scores, one INSERT for the stage log of leads that crossed the threshold.
 */
export async function rescoreWorkspace(input: {
  workspaceId: string;
  model: { id: string; model: ScoringModel };
  personas: PersonaFit[];
  actorUserId: string | null;
  now?: Date;
}): Promise<RescoreSummary> {
  const started = performance.now();
  const now = input.now ?? new Date();
  let leads = 0;
  let crossings = 0;
  let rewritten = 0;
  const batches = scoredBatches({
    workspaceId: input.workspaceId,
    models: [input.model.model],
    personas: input.personas,
    now,
  });
  // Two writers: while one batch is written, the next is read and scored (an async generator hands out
  // its batches in turn, one per `next()`). Batches hold disjoint leads, so the writers never wait on each other's lead rows.
  let failed = false;
  const writer = async () => {
    for (let next = await batches.next(); !next.done && !failed; next = await batches.next()) {
      const rows = next.value.map(({ lead, personaId, results }) => ({
        lead,
        personaId,
        result: results[0] as ScoreResult,
      }));
      const written = await retryOnDeadlock(() =>
        db.$transaction((tx) =>
          writeScores(tx, {
            workspaceId: input.workspaceId,
            model: input.model,
            rows,
            now,
            actorUserId: input.actorUserId,
          }),
        ),
      );
      leads += rows.length;
      crossings += written.becameMql;
      rewritten += written.rewritten;
    }
  };
  // One writer's error stops the other after its current batch; the re-score returns once both have stopped.
  const outcomes = await Promise.allSettled(
    Array.from({ length: RESCORE_WRITERS }, () =>
      writer().catch((error) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = outcomes.find((o) => o.status === "rejected");
  if (failure) throw failure.reason;
  // Many score rows were rewritten: fresh statistics keep the planner on the score indexes, and a vacuum sets the
  // visibility map again, without which a capped count by score reads the heap for every row it counts
  // (164 ms instead of a few at 1M leads). In the background: the publish does not wait for it.
  if (rewritten > 10_000) {
    void db
      .$executeRawUnsafe('VACUUM (ANALYZE) "LeadScore"')
      .catch((error) => logger.warn("rescore.vacuum_failed", { error: String(error) }));
  }
  return { leads, rewritten, becameMql: crossings, durationMs: Math.round(performance.now() - started) };
}

/**
 * Writes computed scores for a set of leads in one statement: locks the rows,
 * stores the scores, and moves to MQL the leads that cross the threshold now —
 * decided on the locked row, so a capture racing with the re-score cannot make
 * a second crossing. The crossing test is `becomesMql` (scoring/engine.ts) in
 * SQL form. Returns how many leads became MQL and how many rows were rewritten.
 */
export async function writeScores(
  tx: Tx,
  input: {
    workspaceId: string;
    model: { id: string; model: ScoringModel };
    /** Each lead as read for scoring (without locks), its persona match and its new score. */
    rows: {
      lead: Pick<LeadForScoring, "id" | "personaId" | "qualifies" | "stage">;
      personaId: string | null;
      result: ScoreResult;
    }[];
    now: Date;
    actorUserId: string | null;
  },
): Promise<{ becameMql: number; rewritten: number }> {
  const { rows, now } = input;
  if (rows.length === 0) return { becameMql: 0, rewritten: 0 };
  // Which lead rows this write may change (persona, or an MQL crossing), judged on the rows as read: most
  // batches have none, and then no lead row is read or locked here at all.
  const touchesLead = rows.map(
    (r) =>
      r.personaId !== r.lead.personaId ||
      (r.result.qualifies && !r.lead.qualifies && (r.lead.stage === "LEAD" || r.lead.stage === "NURTURE")),
  );
  // Lock order: a lead row before its score row, as every other writer of a score takes them (capture, events,
  // import). A lead that starts to qualify only after it was read is locked below, after its score row: rare,
  // and a deadlock it might cause makes the batch retry (rescoreWorkspace).
  const candidates = rows.filter((_, i) => touchesLead[i]).map((r) => r.lead.id);
  if (candidates.length > 0) {
    await tx.$executeRaw`
      SELECT id FROM "Lead" WHERE id = ANY(${candidates}::text[]) AND "workspaceId" = ${input.workspaceId} FOR UPDATE`;
  }
  const result = await tx.$queryRaw<{ rewritten: number; crossed: string[] }[]>`
    WITH v AS (
      -- One JSON document for the batch: serialised natively and parsed by PostgreSQL, where eight array
      -- parameters (explanations escaped into an array literal) cost Node ~5 µs a lead.
      SELECT * FROM json_to_recordset(${JSON.stringify(
        rows.map((r, i) => ({
          id: r.lead.id,
          persona: r.personaId,
          touches_lead: touchesLead[i],
          fit: r.result.fit,
          engagement: r.result.engagement,
          total: r.result.total,
          qualifies: r.result.qualifies,
          explanation: scoreExplanation(r.result, input.model.model),
        })),
      )}::json) AS t(id text, persona text, touches_lead boolean, fit float8, engagement float8, total float8,
                     qualifies boolean, explanation jsonb)
    ),
    old AS (
      -- Only scores that change are locked and rewritten: a nightly decay re-score leaves the others alone
      -- (no new row version, no index entries).
      SELECT s."leadId" AS id, s.qualifies FROM "LeadScore" s JOIN v ON v.id = s."leadId"
      WHERE s."workspaceId" = ${input.workspaceId}
        AND (s."scoringModelId" IS DISTINCT FROM ${input.model.id} OR s."fitScore" <> v.fit
             OR s."engagementScore" <> v.engagement OR s."totalScore" <> v.total OR s.qualifies <> v.qualifies
             OR s."scoreExplanation" <> v.explanation)
      FOR UPDATE OF s
    ),
    leads AS (
      -- A lead row is rewritten only when its persona changes or it crosses the MQL threshold now — decided
      -- on the locked rows, so a capture racing with the re-score cannot make a second crossing.
      SELECT l.id, l.stage, COALESCE(v.qualifies AND NOT old.qualifies AND l.stage IN ('LEAD', 'NURTURE'), false) AS crossed
      FROM v LEFT JOIN old ON old.id = v.id JOIN "Lead" l ON l.id = v.id
      WHERE (v.touches_lead OR (v.qualifies AND NOT old.qualifies)) AND l."workspaceId" = ${input.workspaceId}
        AND (l."personaId" IS DISTINCT FROM v.persona OR (v.qualifies AND NOT old.qualifies AND l.stage IN ('LEAD', 'NURTURE')))
      FOR UPDATE OF l
    ),
    scores AS (
      UPDATE "LeadScore" AS s SET
        "fitScore" = v.fit,
        "engagementScore" = v.engagement,
        "totalScore" = v.total,
        "qualifies" = v.qualifies,
        "scoreExplanation" = v.explanation,
        "scoredAt" = ${now},
        "scoringModelId" = ${input.model.id}
      FROM v, old
      WHERE s."leadId" = v.id AND old.id = v.id
      RETURNING s."leadId"
    ),
    upd AS (
      UPDATE "Lead" AS l SET
        "personaId" = v.persona,
        "stage" = CASE WHEN leads.crossed THEN 'MQL'::"LeadStage" ELSE l."stage" END,
        "stageEnteredAt" = CASE WHEN leads.crossed THEN ${now} ELSE l."stageEnteredAt" END,
        "mqlAt" = CASE WHEN leads.crossed THEN COALESCE(l."mqlAt", ${now}) ELSE l."mqlAt" END,
        "updatedAt" = ${now}
      FROM v, leads
      WHERE l.id = v.id AND leads.id = l.id
      RETURNING l.id, leads.stage AS from_stage, leads.crossed
    ),
    log AS (
      INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", "at", "actorUserId", "reason", "scoringModelId")
      SELECT ${input.workspaceId}, upd.id, upd.from_stage, 'MQL'::"LeadStage", ${now}, ${input.actorUserId}, 'scoreCrossedThreshold', ${input.model.id}
      FROM upd WHERE upd.crossed
      RETURNING "leadId"
    )
    SELECT (SELECT count(*)::int FROM scores) AS rewritten, ARRAY(SELECT "leadId" FROM log) AS crossed`;
  const { rewritten, crossed } = result[0] ?? { rewritten: 0, crossed: [] };
  // Every new MQL goes to sales in the same transaction.
  await createHandoffs(tx, { workspaceId: input.workspaceId, leadIds: crossed, now, actorUserId: input.actorUserId });
  return { becameMql: crossed.length, rewritten };
}
