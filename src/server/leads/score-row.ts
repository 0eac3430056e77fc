import type { Lead, LeadScore } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";

/** `include` this to read leads with their score row (LeadScore). */
export const WITH_SCORE = { score: true } as const;

/** The score columns of a lead (LeadScore's, besides its keys and channel copy). */
export const SCORE_COLUMNS = [
  "fitScore",
  "engagementScore",
  "totalScore",
  "qualifies",
  "scoreExplanation",
  "scoredAt",
  "scoringModelId",
] as const;

/** The score columns, as they sit beside the lead's own in what readers show (page, API, export). */
export type ScoreFields = Pick<LeadScore, (typeof SCORE_COLUMNS)[number]>;

/** A lead row as the client reads it: db.ts leaves out the search text. */
export type LeadRow = Omit<Lead, "searchText">;

/** A lead with its score fields beside its own. */
export type ScoredLead = LeadRow & ScoreFields;

/**
 * A lead read with `WITH_SCORE`, its score fields flattened beside its own.
 * Every lead has a score row (a trigger adds it); an unscored one has zeros,
 * which is also what a missing row would mean.
 */
export function withScore<T extends { score: LeadScore | null }>({
  score,
  ...lead
}: T): Omit<T, "score"> & ScoreFields {
  return {
    ...lead,
    fitScore: score?.fitScore ?? 0,
    engagementScore: score?.engagementScore ?? 0,
    totalScore: score?.totalScore ?? 0,
    qualifies: score?.qualifies ?? false,
    scoreExplanation: score?.scoreExplanation ?? [],
    scoredAt: score?.scoredAt ?? null,
    scoringModelId: score?.scoringModelId ?? null,
  };
}

/** A lead's score to store: its columns as JSON values (an explanation object, a date or its ISO text). */
export type StoredScore = { leadId: string } & { [K in keyof ScoreFields]?: unknown };

/**
 * Stores scores of existing leads of a workspace in one statement (their score rows exist: the lead's trigger
 * adds them); columns left out take the unscored defaults. The rows travel as one JSON document, so values from
 * an archive are checked by PostgreSQL's casts like the app's own.
 */
export async function storeScores(client: Tx | Db, workspaceId: string, scores: StoredScore[]) {
  if (scores.length === 0) return;
  const rows = scores.map((score) =>
    Object.fromEntries(["leadId", ...SCORE_COLUMNS].map((k) => [k, score[k as keyof StoredScore] ?? null])),
  );
  // (Explanations in archives made before the threshold left them still carry it: dropped.)
  await client.$executeRaw`
    UPDATE "LeadScore" s SET
      "fitScore" = COALESCE(r."fitScore", 0), "engagementScore" = COALESCE(r."engagementScore", 0),
      "totalScore" = COALESCE(r."totalScore", 0), qualifies = COALESCE(r.qualifies, false),
      "scoreExplanation" = COALESCE(r."scoreExplanation", '[]') - 'threshold', "scoredAt" = r."scoredAt", "scoringModelId" = r."scoringModelId"
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
      "leadId" text, "fitScore" float8, "engagementScore" float8, "totalScore" float8, qualifies boolean,
      "scoreExplanation" jsonb, "scoredAt" timestamp(3), "scoringModelId" text)
    WHERE s."leadId" = r."leadId" AND s."workspaceId" = ${workspaceId}`;
}
