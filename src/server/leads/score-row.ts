import type { Lead, LeadScore } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";

/** `include` this to read leads with their score row (LeadScore). */
export const WITH_SCORE = { score: true } as const;

/** The score columns, as they sit beside the lead's own in what readers show (page, API, export). */
export type ScoreFields = Pick<
  LeadScore,
  "fitScore" | "engagementScore" | "totalScore" | "qualifies" | "scoreExplanation" | "scoredAt" | "scoringModelId"
>;

/** A lead with its score fields beside its own. */
export type ScoredLead = Lead & ScoreFields;

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

/** A score to store for a lead (the explanation as JSON text). */
export type StoredScore = Omit<ScoreFields, "scoreExplanation"> & { leadId: string; scoreExplanation: string };

/** Stores scores of existing leads in one statement (their score rows exist: the lead's trigger adds them). */
export async function storeScores(client: Tx | Db, scores: StoredScore[]) {
  if (scores.length === 0) return;
  await client.$executeRaw`
    UPDATE "LeadScore" s SET
      "fitScore" = v.fit, "engagementScore" = v.engagement, "totalScore" = v.total, qualifies = v.qualifies,
      "scoreExplanation" = v.explanation::jsonb, "scoredAt" = v.at::timestamp(3), "scoringModelId" = v.model
    FROM unnest(
      ${scores.map((r) => r.leadId)}::text[],
      ${scores.map((r) => r.fitScore)}::float8[],
      ${scores.map((r) => r.engagementScore)}::float8[],
      ${scores.map((r) => r.totalScore)}::float8[],
      ${scores.map((r) => r.qualifies)}::boolean[],
      ${scores.map((r) => r.scoreExplanation)}::text[],
      ${scores.map((r) => r.scoredAt?.toISOString() ?? null)}::text[],
      ${scores.map((r) => r.scoringModelId)}::text[]
    ) AS v(id, fit, engagement, total, qualifies, explanation, at, model)
    WHERE s."leadId" = v.id`;
}
