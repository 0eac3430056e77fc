import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { CaptureMethod } from "@/generated/prisma/enums";
import { type Actor, requirePermission } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";
import { leadDto } from "@/server/leads/dto";
import { leadFields } from "@/server/leads/fields";
import { matchPersona } from "@/server/leads/persona-match";
import type { LeadInput } from "@/server/leads/schema";
import type { ScoredLead } from "@/server/leads/score-row";
import { type ScoringContext, scoringFingerprintSql, scoringInputs } from "@/server/leads/scoring-context";
import { scoreLead } from "@/server/scoring/engine";
import { scoreExplanation } from "@/server/scoring/explanation";
import { rawQuery } from "@/server/sql";
import { leadUrl } from "@/server/webhooks/emit";
import { leadEventCtes, payloadText } from "@/server/webhooks/outbox";

/**
 * Scoring inputs last read per workspace. Used only together with their
 * fingerprint, which the write checks in the same statement: a publish or a
 * persona change on any server makes the check fail, and the inputs are read again.
 */
const cachedInputs = new Map<string, ScoringContext>();

/**
 * The common case of capture — a new email whose lead does not qualify yet —
 * in one statement, atomic on its own: the lead, already scored (it has no
 * events), its stage log, its audit entry and its lead.created webhook. The API's throughput is bound by
 * the app server's CPU, and each round trip (and each Prisma model query)
 * costs a share of it; the general path makes about ten.
 *
 * Returns null, having written nothing, when the general path must decide:
 * the email exists, the lead would become MQL at once (locking, handoff), or
 * a campaign is named without a channel (it takes the lead's stored channel).
 */
export async function captureNewLead(
  client: Tx | Db,
  actor: Actor,
  input: LeadInput,
  now: Date,
  via: CaptureMethod,
  campaignId?: string,
): Promise<{ lead: ScoredLead; created: true; becameMql: false } | null> {
  requirePermission(actor, "leads.write");
  if (input.campaign && !campaignId) return null;
  const workspaceId = actor.workspaceId;
  for (let attempt = 0; attempt < 2; attempt++) {
    let context = cachedInputs.get(workspaceId);
    if (!context || attempt > 0) {
      context = await scoringInputs(client, workspaceId);
      if (cachedInputs.size > 10_000) cachedInputs.clear();
      cachedInputs.set(workspaceId, context);
    }
    const fields = leadFields(input, null, campaignId, now);
    const personaId = matchPersona(fields, context.personas);
    const result = scoreLead({ email: input.email, ...fields, personaId }, [], context.model.model, now);
    if (result.qualifies) return null;
    const audit = { email: input.email, ...fields, totalScore: result.total, stage: "LEAD" };
    const id = randomUUID();
    const explanation = scoreExplanation(result);
    const created = {
      ...{ id, email: input.email, ...fields, personaId, stage: "LEAD", ownerId: null, createdAt: now, updatedAt: now },
      ...{ mqlAt: null, sqlAt: null, opportunityAt: null, customerAt: null },
      ...{ fitScore: result.fit, engagementScore: result.engagement, totalScore: result.total, qualifies: false },
      ...{ scoreExplanation: explanation, scoredAt: now },
    };
    const hookPayload = payloadText(
      workspaceId,
      "lead.created",
      { lead: { ...leadDto(created), url: leadUrl(id) } },
      now,
    );
    const [row] = await rawQuery<{ inputsCurrent: boolean } & Partial<ScoredLead>>(
      client,
      Prisma.sql`
      WITH current AS (
        SELECT ${scoringFingerprintSql(workspaceId)} = ${context.fingerprint}::text AS ok
      ), lead AS (
        INSERT INTO "Lead" (id, "workspaceId", email, name, phone, company, title, industry, "companySize", country, channel,
                            "campaignId", "legalBasis", "consentSource", "consentAt", "captureMethod", "stageEnteredAt",
                            "createdAt", "updatedAt", "personaId")
        SELECT ${id}::text, ${workspaceId}::text, ${input.email}::text, ${fields.name}::text, ${fields.phone}::text,
               ${fields.company}::text, ${fields.title}::text, ${fields.industry}::text, ${fields.companySize}::int,
               ${fields.country}::text, ${fields.channel}::"Channel", ${fields.campaignId}::text,
               ${fields.legalBasis}::"LegalBasis", ${fields.consentSource}::text, ${fields.consentAt}::timestamp(3),
               ${via}::"CaptureMethod", ${now}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3), ${personaId}::text
        FROM current WHERE current.ok
        ON CONFLICT ("workspaceId", email) DO NOTHING
        RETURNING *
      ), score AS (
        INSERT INTO "LeadScore" ("leadId", "workspaceId", channel, "fitScore", "engagementScore", "totalScore", qualifies,
                                 "scoreExplanation", "scoredAt", "scoringModelId")
        SELECT id, "workspaceId", channel, ${result.fit}::float8, ${result.engagement}::float8, ${result.total}::float8, FALSE,
               ${JSON.stringify(explanation)}::jsonb, ${now}::timestamp(3),
               ${context.model.id}::text
        FROM lead
        RETURNING "fitScore", "engagementScore", "totalScore", qualifies, "scoreExplanation", "scoredAt", "scoringModelId"
      ), log AS (
        INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", at, "actorUserId", reason,
                                       "leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId")
        SELECT "workspaceId", id, NULL, 'LEAD', ${now}::timestamp(3), ${actor.userId}::text, 'captured',
               channel, "campaignId", "personaId", "ownerId"
        FROM lead
      ), audit AS (
        INSERT INTO "AuditLog" ("workspaceId", "actorUserId", "apiTokenId", action, "entityType", "entityId", after)
        SELECT "workspaceId", ${actor.userId}::text, ${actor.apiTokenId ?? null}::text, 'lead.created', 'Lead', id,
               ${JSON.stringify(audit)}::jsonb
        FROM lead
      ), ${leadEventCtes(workspaceId, "lead.created", hookPayload, now)}
      SELECT current.ok AS "inputsCurrent", lead.*, score.* FROM current LEFT JOIN lead ON TRUE LEFT JOIN score ON TRUE`,
    );
    if (!row?.inputsCurrent) continue;
    if (!row.id) return null;
    const { inputsCurrent: _, ...lead } = row;
    return { lead: lead as ScoredLead, created: true, becameMql: false };
  }
  return null;
}
