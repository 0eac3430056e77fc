import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { LeadStage } from "@/generated/prisma/enums";
import { type Db, db, type Tx } from "@/server/db";
import { createHandoffs } from "@/server/handoffs/assignment";
import { matchPersona, type PersonaFit } from "@/server/leads/persona-match";
import { logger } from "@/server/logger";
import { retryTransient } from "@/server/retry";
import { behaviourSumsOf, parseBehaviourSums } from "@/server/scoring/behaviour-sql";
import { type ScoreResult, type ScoringModel, scoreFromSums } from "@/server/scoring/engine";
import { scoreExplanation, scoreExplanationText } from "@/server/scoring/explanation";
import { rawQuery } from "@/server/sql";
import { emitQualified } from "@/server/webhooks/emit";

const BATCH = 2_000;
/**
 * Concurrent batch writers of a re-score, each reading, scoring and writing its own batches: while some batches
 * are summed and written by PostgreSQL, others are scored in Node. Each holds one pooled connection at a time,
 * leaving the rest of the pool (10 by default) to the app's requests.
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
 * A lead's score as read before the re-score, to leave unchanged rows alone; null when there is none to compare
 * with (no score row, or not read: the write statement then compares on the locked rows).
 */
type PreviousScore = { fit: number; engagement: number; total: number; qualifies: boolean; explanation: string } | null;

type ScoringInput = {
  workspaceId: string;
  models: ScoringModel[];
  personas: PersonaFit[];
  now: Date;
  /** Only these leads (default: every lead of the workspace). */
  leadIds?: string[];
  client?: Tx | Db;
  /** Leads per batch (tests make it small to see a re-score half way). */
  batchSize?: number;
  /**
   * Read each lead's stored score too (the workspace re-score, whose batches do not lock the leads). Not for the
   * preview, which writes nothing, nor for a transaction that holds the lead rows but not their score rows (the
   * import): a re-score may rewrite those between the read and the write.
   */
  readPrevious?: boolean;
};

/** The leads a re-score covers. An erased lead keeps the score and stage it had: its history must not change. */
function scoredLeads(input: ScoringInput): Prisma.Sql {
  return Prisma.sql`"workspaceId" = ${input.workspaceId} AND "erasedAt" IS NULL
    ${input.leadIds ? Prisma.sql`AND id = ANY(${input.leadIds}::text[])` : Prisma.empty}`;
}

/** Walks the leads in batches of ids (keyset on the primary key; a few milliseconds a batch, ids only). */
async function* leadBatches(input: ScoringInput): AsyncGenerator<string[]> {
  const client = input.client ?? db;
  const size = input.batchSize ?? BATCH;
  let after = "";
  for (;;) {
    const rows = await client.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Lead" WHERE ${scoredLeads(input)} AND id > ${after} ORDER BY id LIMIT ${size}`;
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    if (rows.length < size) return;
    after = rows.at(-1)?.id ?? after;
  }
}

/**
 * Scores one batch: its leads, their stored scores and behaviour sums come
 * from one SQL statement, the rest of the score from the same pure engine as
 * live capture (`scoreFromSums`), once per model.
 */
async function scoreBatch(input: ScoringInput, ids: string[]) {
  const client = input.client ?? db;
  // Every model's behaviour rules summed in one pass over the batch's events.
  const rules = input.models.flatMap((m) => m.behaviourRules);
  const sums =
    rules.length === 0
      ? Prisma.sql`SELECT NULL::text AS "leadId", NULL::text AS sums WHERE false`
      : behaviourSumsOf(Prisma.sql`ANY(SELECT id FROM batch)`, rules, input.now);
  const previous = input.readPrevious
    ? Prisma.sql`sc."leadId" IS NOT NULL AS scored, sc."scoreExplanation"::text AS explanation`
    : Prisma.sql`false AS scored, NULL::text AS explanation`;
  // Straight through pg when not in a transaction (sql.ts): Prisma's handling of 2,000 rows a batch cost Node more
  // than scoring them.
  const rows = await rawQuery<
    LeadForScoring & {
      sums: string | null;
      scored: boolean;
      fit: number;
      engagement: number;
      total: number;
      explanation: string;
    }
  >(
    client,
    Prisma.sql`
    WITH batch AS MATERIALIZED (
      SELECT id, email, industry, "companySize", country, title, channel::text, stage::text, "personaId"
      FROM "Lead"
      WHERE id = ANY(${ids}::text[]) AND ${scoredLeads(input)}
    )
    -- The score rows are joined to the materialized batch (a probe each): joined inside it, the planner
    -- merge-joined the whole score index from its start for every batch.
    SELECT b.*, COALESCE(sc.qualifies, false) AS qualifies, s.sums, ${previous},
      sc."fitScore" AS fit, sc."engagementScore" AS engagement, sc."totalScore" AS total
    FROM batch b LEFT JOIN "LeadScore" sc ON sc."leadId" = b.id LEFT JOIN (${sums}) s ON s."leadId" = b.id
    ORDER BY b.id`,
  );
  return rows.map((row) => {
    // Copied field by field (no object rest/spread): a million leads a publish.
    const lead: LeadForScoring = {
      id: row.id,
      email: row.email,
      industry: row.industry,
      companySize: row.companySize,
      country: row.country,
      title: row.title,
      channel: row.channel,
      stage: row.stage,
      qualifies: row.qualifies,
      personaId: row.personaId,
    };
    const personaId = matchPersona(lead, input.personas);
    const stored: PreviousScore = row.scored
      ? {
          fit: row.fit,
          engagement: row.engagement,
          total: row.total,
          qualifies: row.qualifies,
          explanation: row.explanation,
        }
      : null;
    const sums = parseBehaviourSums(row.sums, rules.length);
    const attributes = { ...lead, personaId };
    let offset = 0;
    const results = input.models.map((model) => {
      const own = sums.slice(offset, offset + model.behaviourRules.length);
      offset += model.behaviourRules.length;
      return scoreFromSums(attributes, own, model);
    });
    return { lead, personaId, stored, results };
  });
}

/** Every lead of the workspace (or the given ones) scored with each model, a batch at a time (preview, import). */
export async function* scoredBatches(input: ScoringInput) {
  for await (const ids of leadBatches(input)) yield await scoreBatch(input, ids);
}

/**
 * leads: scored; rewritten: whose stored score changed (the others are left as they are); stopped: a newer model
 * was published meanwhile and took over (the leads not reached yet are its to score).
 */
export type RescoreSummary = {
  leads: number;
  rewritten: number;
  becameMql: number;
  durationMs: number;
  stopped: boolean;
  /** The longest a batch held its leads' row locks (its write transaction), in ms. */
  longestBatchMs: number;
};

/**
 * After each batch: its counts added to the re-score's progress row, its heartbeat written, and whether its model
 * is still the published one (false: stop, a newer publish re-scores everything).
 */
async function recordBatch(rescoreId: string, batch: { leads: number; rewritten: number; becameMql: number }) {
  const rows = await db.$queryRaw<{ published: boolean }[]>`
    UPDATE "Rescore" r SET done = done + ${batch.leads}, rewritten = rewritten + ${batch.rewritten},
                           "becameMql" = "becameMql" + ${batch.becameMql}, "heartbeatAt" = now()
    WHERE id = ${rescoreId}
    RETURNING EXISTS (SELECT 1 FROM "ScoringModel" m WHERE m.id = r."scoringModelId" AND m.status = 'PUBLISHED') AS published`;
  return rows[0]?.published ?? false;
}

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
  /** The progress row to keep (scoring/rescores.ts); without one nothing is recorded. */
  rescoreId?: string;
  /** For tests: batch size, one writer, and a step after each batch is recorded. */
  batchSize?: number;
  writers?: number;
  afterBatch?: () => Promise<void>;
}): Promise<RescoreSummary> {
  const started = performance.now();
  const now = input.now ?? new Date();
  let leads = 0;
  let crossings = 0;
  let rewritten = 0;
  const scoring: ScoringInput = {
    workspaceId: input.workspaceId,
    models: [input.model.model],
    personas: input.personas,
    now,
    readPrevious: true,
    batchSize: input.batchSize,
  };
  const batches = leadBatches(scoring);
  let stopped = false;
  let longestBatchMs = 0;
  // Each writer takes the next batch of ids (the generator hands them out in turn, one per `next()`), then reads,
  // scores and writes it on its own: the batches' reads (behaviour sums) run side by side on every core, and
  // batches hold disjoint leads, so the writers never wait on each other's rows.
  let failed = false;
  const writer = async () => {
    for (let next = await batches.next(); !next.done && !failed && !stopped; next = await batches.next()) {
      const scored = await scoreBatch(scoring, next.value);
      const rows = scored.map(({ lead, stored, personaId, results }) => ({
        lead,
        stored,
        personaId,
        result: results[0] as ScoreResult,
      }));
      // A batch chosen as a deadlock's victim is written again (its scores and crossings are decided on the locked rows).
      const writing = performance.now();
      const written = await retryTransient(
        () =>
          db.$transaction(
            async (tx) => {
              // Written only under the model in force: the shared lock makes a publish wait for this batch, and a
              // batch that starts after a newer publish writes nothing (it would overwrite the newer scores).
              const model = await tx.$queryRaw<{ status: string }[]>`
                SELECT status::text FROM "ScoringModel" WHERE id = ${input.model.id} FOR SHARE`;
              if (model[0]?.status !== "PUBLISHED") return null;
              return writeScores(tx, {
                workspaceId: input.workspaceId,
                model: input.model,
                rows,
                now,
                actorUserId: input.actorUserId,
              });
            },
            // A batch locks its leads one by one behind the captures and events writing them meanwhile (each
            // lock waits for one short transaction); Prisma's default 5 s would abort a busy batch half way.
            { timeout: 60_000 },
          ),
        {
          retryOn: /deadlock detected|40P01/,
          onRetry: (attempt) => logger.warn("rescore.batch_deadlock_retry", { attempt }),
        },
      );
      longestBatchMs = Math.max(longestBatchMs, performance.now() - writing);
      if (!written) {
        stopped = true;
        break;
      }
      leads += rows.length;
      crossings += written.becameMql;
      rewritten += written.rewritten;
      if (input.rescoreId) {
        const current = await recordBatch(input.rescoreId, { leads: rows.length, ...written });
        if (!current) stopped = true;
      }
      await input.afterBatch?.();
    }
  };
  // One writer's error stops the other after its current batch; the re-score returns once both have stopped.
  const outcomes = await Promise.allSettled(
    Array.from({ length: input.writers ?? RESCORE_WRITERS }, () =>
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
  return {
    leads,
    rewritten,
    becameMql: crossings,
    durationMs: Math.round(performance.now() - started),
    stopped,
    longestBatchMs: Math.round(longestBatchMs),
  };
}

/** Whether a new score differs from the stored one (points, qualification or explanation). */
export function scoreChanged(stored: PreviousScore, result: ScoreResult): boolean {
  return (
    stored === null ||
    stored.fit !== result.fit ||
    stored.engagement !== result.engagement ||
    stored.total !== result.total ||
    stored.qualifies !== result.qualifies ||
    stored.explanation !== scoreExplanationText(result)
  );
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
    /** Each lead as read for scoring (without locks), its stored score, its persona match and its new score. */
    rows: {
      lead: Pick<LeadForScoring, "id" | "personaId" | "qualifies" | "stage">;
      stored: PreviousScore;
      personaId: string | null;
      result: ScoreResult;
    }[];
    now: Date;
    actorUserId: string | null;
  },
): Promise<{ becameMql: number; rewritten: number }> {
  const { now } = input;
  // Which lead rows this write may change (persona, or an MQL crossing), judged on the rows as read: most
  // batches have none, and then no lead row is read or locked here at all.
  const touches = (r: (typeof input.rows)[number]) =>
    r.personaId !== r.lead.personaId ||
    (r.result.qualifies && !r.lead.qualifies && (r.lead.stage === "LEAD" || r.lead.stage === "NURTURE"));
  // Only leads whose score or lead row changes go to PostgreSQL: a nightly decay or a publish that moves only the
  // threshold leaves most scores as they were, and parsing and comparing them there cost more than scoring them.
  const rows = input.rows.filter((r) => touches(r) || scoreChanged(r.stored, r.result));
  if (rows.length === 0) return { becameMql: 0, rewritten: 0 };
  const touchesLead = rows.map(touches);
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
          explanation: scoreExplanation(r.result),
        })),
      )}::json) AS t(id text, persona text, touches_lead boolean, fit float8, engagement float8, total float8,
                     qualifies boolean, explanation jsonb)
    ),
    scores AS (
      -- Only scores that change are rewritten (judged again on the locked rows: an UPDATE re-checks its WHERE on
      -- the row it locks): the others keep their row, its scoredAt and the model that last changed them. OLD is the
      -- row as it was when locked, so a crossing is decided on it without a separate locking pass.
      UPDATE "LeadScore" AS s SET
        "fitScore" = v.fit,
        "engagementScore" = v.engagement,
        "totalScore" = v.total,
        "qualifies" = v.qualifies,
        "scoreExplanation" = v.explanation,
        "scoredAt" = ${now},
        "scoringModelId" = ${input.model.id}
      FROM v
      WHERE s."leadId" = v.id AND s."workspaceId" = ${input.workspaceId}
        AND (s."fitScore" <> v.fit
             OR s."engagementScore" <> v.engagement OR s."totalScore" <> v.total OR s.qualifies <> v.qualifies
             OR s."scoreExplanation" <> v.explanation)
      RETURNING s."leadId" AS id, (v.qualifies AND NOT old.qualifies) AS qualified_now
    ),
    leads AS (
      -- A lead row is rewritten only when its persona changes or it crosses the MQL threshold now (its score row
      -- went from not qualifying to qualifying, as locked above), so a capture racing with the re-score cannot make
      -- a second crossing.
      SELECT l.id, l.stage, COALESCE(sc.qualified_now AND l.stage IN ('LEAD', 'NURTURE'), false) AS crossed
      FROM v LEFT JOIN scores sc ON sc.id = v.id JOIN "Lead" l ON l.id = v.id
      WHERE (v.touches_lead OR sc.qualified_now) AND l."workspaceId" = ${input.workspaceId}
        AND (l."personaId" IS DISTINCT FROM v.persona OR (sc.qualified_now AND l.stage IN ('LEAD', 'NURTURE')))
      FOR UPDATE OF l
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
  const handoffs = await createHandoffs(tx, {
    workspaceId: input.workspaceId,
    leadIds: crossed,
    now,
    actorUserId: input.actorUserId,
  });
  await emitQualified(tx, input.workspaceId, handoffs, now);
  return { becameMql: crossed.length, rewritten };
}
