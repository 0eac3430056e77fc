import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import type { PersonaFit } from "@/server/leads/persona-match";
import type { ScoringModel } from "@/server/scoring/engine";
import { DEFAULT_SCORING_MODEL, ZScoringModelDefinition } from "@/server/scoring/schema";

/** What scoring a lead needs besides the lead: the published model and the active personas. */
export type ScoringInputs = { model: { id: string; model: ScoringModel }; personas: PersonaFit[] };

/**
 * The published scoring model of a workspace; a workspace without one gets
 * the default as its next version. Concurrent first captures take turns on a
 * transaction-scoped advisory lock for the workspace: the first creates it,
 * the others find it.
 */
export async function publishedModel(tx: Tx, workspaceId: string): Promise<{ id: string; model: ScoringModel }> {
  const published = () =>
    tx.scoringModel.findFirst({ where: { workspaceId, status: "PUBLISHED" }, select: { id: true, definition: true } });
  let found = await published();
  if (!found) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('scoring-model:' || ${workspaceId}))`;
    found = await published();
  }
  if (!found) {
    const latest = await tx.scoringModel.aggregate({ where: { workspaceId }, _max: { version: true } });
    found = await tx.scoringModel.create({
      data: {
        workspaceId,
        version: (latest._max.version ?? 0) + 1,
        status: "PUBLISHED",
        definition: DEFAULT_SCORING_MODEL as unknown as Prisma.InputJsonValue,
        note: "Default model",
        publishedAt: new Date(),
      },
      select: { id: true, definition: true },
    });
  }
  return { id: found.id, model: parsedModel(found.id, found.definition) };
}

/** Parsed definitions by model id: a version's definition never changes once saved as published. */
const parsedModels = new Map<string, ScoringModel>();

function parsedModel(id: string, definition: unknown): ScoringModel {
  let model = parsedModels.get(id);
  if (!model) {
    model = ZScoringModelDefinition.parse(definition);
    if (parsedModels.size > 1_000) parsedModels.clear();
    parsedModels.set(id, model);
  }
  return model;
}

/** The fit attributes of the workspace's active personas (what lead matching needs). */
export async function personaFits(client: Tx | Db, workspaceId: string): Promise<PersonaFit[]> {
  return client.persona.findMany({
    where: { workspaceId, archivedAt: null },
    select: {
      id: true,
      name: true,
      fitIndustries: true,
      fitSizeMin: true,
      fitSizeMax: true,
      fitTitleKeywords: true,
      fitCountries: true,
    },
  });
}

/**
 * What the scoring inputs were read from, as one string: the published
 * model's id and the personas' count and last change. When it is unchanged,
 * inputs read earlier are still the current ones. SQL, so that a write can
 * check it in the same statement (leads/quick-capture.ts).
 */
export function scoringFingerprintSql(workspaceId: string): Prisma.Sql {
  return Prisma.sql`concat_ws('|',
    (SELECT m.id FROM "ScoringModel" m WHERE m."workspaceId" = ${workspaceId}::text AND m.status = 'PUBLISHED'),
    (SELECT count(*) || ':' || COALESCE(max(p."updatedAt")::text, '') FROM "Persona" p WHERE p."workspaceId" = ${workspaceId}::text))`;
}

export type ScoringContext = ScoringInputs & { fingerprint: string };

/**
 * The published model and the active personas in one round trip, with their
 * fingerprint; a workspace without a published model gets the default first.
 */
export async function scoringInputs(client: Tx | Db, workspaceId: string): Promise<ScoringContext> {
  const [row] = await client.$queryRaw<
    { modelId: string | null; definition: unknown; personas: PersonaFit[]; fingerprint: string }[]
  >`
    SELECT m.id AS "modelId", m.definition, ${scoringFingerprintSql(workspaceId)} AS fingerprint,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', p.id, 'name', p.name, 'fitIndustries', p."fitIndustries", 'fitSizeMin', p."fitSizeMin",
                       'fitSizeMax', p."fitSizeMax", 'fitTitleKeywords', p."fitTitleKeywords", 'fitCountries', p."fitCountries"))
                     FROM "Persona" p WHERE p."workspaceId" = ${workspaceId} AND p."archivedAt" IS NULL), '[]'::json) AS personas
    FROM (SELECT 1) AS one
    LEFT JOIN "ScoringModel" m ON m."workspaceId" = ${workspaceId} AND m.status = 'PUBLISHED'`;
  if (!row?.modelId) {
    // A workspace's first lead: its default model is created (once, under a lock), then read like any other.
    if ("$transaction" in client) await client.$transaction((tx) => publishedModel(tx, workspaceId));
    else await publishedModel(client, workspaceId);
    return scoringInputs(client, workspaceId);
  }
  return {
    model: { id: row.modelId, model: parsedModel(row.modelId, row.definition) },
    personas: row.personas,
    fingerprint: row.fingerprint,
  };
}
