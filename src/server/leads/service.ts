import "server-only";
import type { Lead, Prisma } from "@/generated/prisma/client";
import type { CaptureMethod, Channel, LeadStage, LegalBasis } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { createHandoffs } from "@/server/handoffs/assignment";
import { matchPersona, type PersonaFit } from "@/server/leads/persona-match";
import { BUILT_IN_EVENT_TYPES, type LeadEventInput, type LeadInput } from "@/server/leads/schema";
import { becomesMql, type ScoringModel, scoreLead } from "@/server/scoring/engine";
import { scoreExplanation } from "@/server/scoring/explanation";
import { DEFAULT_SCORING_MODEL, ZScoringModelDefinition } from "@/server/scoring/schema";

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

export type ScoringInputs = { model: { id: string; model: ScoringModel }; personas: PersonaFit[] };

/**
 * The published model and the active personas in one round trip (capture's
 * hot path); a workspace without a published model gets the default first.
 */
export async function scoringInputs(tx: Tx, workspaceId: string): Promise<ScoringInputs> {
  const [row] = await tx.$queryRaw<{ modelId: string | null; definition: unknown; personas: PersonaFit[] }[]>`
    SELECT m.id AS "modelId", m.definition,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', p.id, 'name', p.name, 'fitIndustries', p."fitIndustries", 'fitSizeMin', p."fitSizeMin",
                       'fitSizeMax', p."fitSizeMax", 'fitTitleKeywords', p."fitTitleKeywords", 'fitCountries', p."fitCountries"))
                     FROM "Persona" p WHERE p."workspaceId" = ${workspaceId} AND p."archivedAt" IS NULL), '[]'::json) AS personas
    FROM (SELECT 1) AS one
    LEFT JOIN "ScoringModel" m ON m."workspaceId" = ${workspaceId} AND m.status = 'PUBLISHED'`;
  const model = row?.modelId
    ? { id: row.modelId, model: parsedModel(row.modelId, row.definition) }
    : await publishedModel(tx, workspaceId);
  return { model, personas: row?.personas ?? [] };
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

async function campaignId(tx: Tx, workspaceId: string, name: string | undefined, channel: Channel) {
  if (!name) return undefined;
  const campaign = await tx.campaign.upsert({
    where: { workspaceId_name: { workspaceId, name } },
    create: { workspaceId, name, channel },
    update: {},
    select: { id: true },
  });
  return campaign.id;
}

/** Locks the lead row for the rest of the transaction (scores and stages change one writer at a time). */
async function lockLead(tx: Tx, workspaceId: string, where: { id: string } | { email: string }) {
  const rows =
    "id" in where
      ? await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Lead" WHERE id = ${where.id} AND "workspaceId" = ${workspaceId} FOR UPDATE`
      : await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Lead" WHERE email = ${where.email} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  return rows[0]?.id ?? null;
}

type StageMove = { to: LeadStage; reason: string };

/**
 * Re-scores one locked lead with the given model and applies what follows:
 * scores and explanation, and — when the score crosses the threshold — the
 * move to MQL (once per crossing; never backwards out of SQL or later).
 */
export async function applyScore(
  tx: Tx,
  input: {
    leadId: string;
    model: { id: string; model: ScoringModel };
    personas: PersonaFit[];
    actorUserId: string | null;
    now: Date;
  },
) {
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: input.leadId } });
  const events = await tx.leadEvent.findMany({
    where: { leadId: lead.id },
    select: { type: true, occurredAt: true },
  });
  const personaId = matchPersona(lead, input.personas);
  const result = scoreLead({ ...lead, personaId }, events, input.model.model, input.now);
  const move: StageMove | null = becomesMql({ qualifiedBefore: lead.qualifies, result, stage: lead.stage })
    ? { to: "MQL", reason: "scoreCrossedThreshold" }
    : null;
  const updated = await tx.lead.update({
    where: { id: lead.id },
    data: {
      personaId,
      fitScore: result.fit,
      engagementScore: result.engagement,
      totalScore: result.total,
      qualifies: result.qualifies,
      scoreExplanation: scoreExplanation(result, input.model.model) as unknown as Prisma.InputJsonValue,
      scoredAt: input.now,
      scoringModelId: input.model.id,
      ...(move ? { stage: move.to, stageEnteredAt: input.now, mqlAt: lead.mqlAt ?? input.now } : {}),
    },
  });
  if (move) {
    await tx.leadStageChange.create({
      data: {
        workspaceId: lead.workspaceId,
        leadId: lead.id,
        fromStage: lead.stage,
        toStage: move.to,
        at: input.now,
        actorUserId: input.actorUserId,
        reason: move.reason,
        scoringModelId: input.model.id,
      },
    });
    // The MQL goes to sales in the same transaction: no MQL without a handoff.
    await createHandoffs(tx, {
      workspaceId: lead.workspaceId,
      leadIds: [lead.id],
      now: input.now,
      actorUserId: input.actorUserId,
    });
    return { lead: await tx.lead.findUniqueOrThrow({ where: { id: lead.id } }), becameMql: true };
  }
  return { lead: updated, becameMql: false };
}

/** The stored fields of a captured lead: what the input gives, else what the lead had (`before`), else defaults. */
function leadFields(input: LeadInput, before: Lead | null, campaign: string | undefined, now: Date) {
  const channel = input.channel ?? before?.channel ?? "OTHER";
  return {
    name: input.name ?? before?.name ?? "",
    phone: input.phone ?? before?.phone ?? "",
    company: input.company ?? before?.company ?? "",
    title: input.title ?? before?.title ?? "",
    industry: input.industry ?? before?.industry ?? "",
    companySize: input.companySize !== undefined ? input.companySize : (before?.companySize ?? null),
    country: input.country ?? before?.country ?? "",
    channel,
    campaignId: campaign ?? before?.campaignId ?? null,
    ...consentFields(input, before, now),
  };
}

/**
 * Creates a lead, or updates the one with the same email (fields left out keep
 * their value), then scores it. Runs in the caller's transaction so an API
 * request's idempotency record commits with it.
 */
export async function captureLead(
  tx: Tx,
  actor: Actor,
  input: LeadInput,
  now = new Date(),
  via: CaptureMethod = "FORM",
) {
  requirePermission(actor, "leads.write");
  const workspaceId = actor.workspaceId;
  const scoring = await scoringInputs(tx, workspaceId);
  // A campaign named without a channel takes the lead's channel, known only once the lead is found: general path.
  if (!input.campaign || input.channel) {
    const campaign = await campaignId(tx, workspaceId, input.campaign, input.channel ?? "OTHER");
    const fresh = await insertScoredLead(tx, actor, input, { scoring, campaign, now, via });
    if (fresh) return fresh;
  }

  const existingId = await lockLead(tx, workspaceId, { email: input.email });
  const before = existingId ? await tx.lead.findUniqueOrThrow({ where: { id: existingId } }) : null;
  const channel = input.channel ?? before?.channel ?? "OTHER";
  const fields = leadFields(input, before, await campaignId(tx, workspaceId, input.campaign, channel), now);

  let leadId = existingId;
  let created = false;
  if (!leadId) {
    // A concurrent request may create the same email first: then this one updates it.
    const inserted = await tx.lead.createMany({
      data: [{ workspaceId, email: input.email, ...fields, captureMethod: via, stageEnteredAt: now, createdAt: now }],
      skipDuplicates: true,
    });
    created = inserted.count === 1;
    leadId = await lockLead(tx, workspaceId, { email: input.email });
    if (!leadId) throw new AppError("conflict", "The lead could not be saved");
    if (created) await logCaptured(tx, actor, leadId, now);
  }
  if (!created) await tx.lead.update({ where: { id: leadId }, data: fields });

  const { lead, becameMql } = await applyScore(tx, {
    leadId,
    model: scoring.model,
    personas: scoring.personas,
    actorUserId: actor.userId,
    now,
  });
  await writeAudit(tx, actor, {
    action: created ? "lead.created" : "lead.updated",
    entityType: "Lead",
    entityId: lead.id,
    before: before ? pick(before, Object.keys(fields)) : undefined,
    after: { email: lead.email, ...fields, totalScore: lead.totalScore, stage: lead.stage },
  });
  return { lead, created, becameMql };
}

/**
 * The common case of capture, in three statements: a new email whose lead
 * would not qualify yet is written once, already scored (it has no events),
 * with its stage log and audit entry. Returns null — and writes nothing — when
 * the email exists or the lead would become MQL at once (the general path
 * then locks, scores, and hands it to sales).
 */
async function insertScoredLead(
  tx: Tx,
  actor: Actor,
  input: LeadInput,
  context: { scoring: ScoringInputs; campaign: string | undefined; now: Date; via: CaptureMethod },
) {
  const { scoring, now } = context;
  const fields = leadFields(input, null, context.campaign, now);
  const personaId = matchPersona(fields, scoring.personas);
  const result = scoreLead({ email: input.email, ...fields, personaId }, [], scoring.model.model, now);
  if (result.qualifies) return null;
  const [lead] = await tx.lead.createManyAndReturn({
    data: [
      {
        workspaceId: actor.workspaceId,
        email: input.email,
        ...fields,
        captureMethod: context.via,
        stageEnteredAt: now,
        createdAt: now,
        personaId,
        fitScore: result.fit,
        engagementScore: result.engagement,
        totalScore: result.total,
        qualifies: false,
        scoreExplanation: scoreExplanation(result, scoring.model.model) as unknown as Prisma.InputJsonValue,
        scoredAt: now,
        scoringModelId: scoring.model.id,
      },
    ],
    skipDuplicates: true,
  });
  if (!lead) return null;
  await logCaptured(tx, actor, lead.id, now);
  await writeAudit(tx, actor, {
    action: "lead.created",
    entityType: "Lead",
    entityId: lead.id,
    after: { email: lead.email, ...fields, totalScore: lead.totalScore, stage: lead.stage },
  });
  return { lead, created: true, becameMql: false };
}

function logCaptured(tx: Tx, actor: Actor, leadId: string, now: Date) {
  return tx.leadStageChange.create({
    data: {
      workspaceId: actor.workspaceId,
      leadId,
      fromStage: null,
      toStage: "LEAD",
      at: now,
      actorUserId: actor.userId,
      reason: "captured",
    },
    select: { id: true },
  });
}

/** A legal basis sent with the lead replaces the recorded one (with its source and time); otherwise they stay. */
function consentFields(
  input: LeadInput,
  before: { legalBasis: LegalBasis | null; consentSource: string; consentAt: Date | null } | null,
  now: Date,
) {
  if (input.legalBasis) {
    return {
      legalBasis: input.legalBasis,
      consentSource: input.consentSource ?? "",
      consentAt: input.consentAt ?? now,
    };
  }
  return {
    legalBasis: before?.legalBasis ?? null,
    consentSource: input.consentSource ?? before?.consentSource ?? "",
    consentAt: before?.consentAt ?? null,
  };
}

function pick<T extends object>(source: T, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, (source as Record<string, unknown>)[key]]));
}

async function assertEventType(tx: Tx, workspaceId: string, type: string) {
  if ((BUILT_IN_EVENT_TYPES as readonly string[]).includes(type)) return;
  const custom = await tx.leadEventType.findUnique({ where: { workspaceId_key: { workspaceId, key: type } } });
  if (!custom) {
    throw new AppError("validation", `Unknown event type ${type}`, { fieldErrors: { type: ["unknownEventType"] } });
  }
}

/** Records a behaviour event of a lead and re-scores it (an MQL crossing follows from it). */
export async function recordLeadEvent(tx: Tx, actor: Actor, leadId: string, input: LeadEventInput, now = new Date()) {
  requirePermission(actor, "leads.write");
  const locked = await lockLead(tx, actor.workspaceId, { id: leadId });
  if (!locked) throw notFound();
  await assertEventType(tx, actor.workspaceId, input.type);
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId }, select: { channel: true, erasedAt: true } });
  if (lead.erasedAt)
    throw new AppError("conflict", "The lead's personal data was erased", { params: { reason: "alreadyErased" } });
  const event = await tx.leadEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      leadId,
      type: input.type,
      occurredAt: input.occurredAt ?? now,
      properties: (input.properties ?? {}) as Prisma.InputJsonValue,
      campaignId: await campaignId(tx, actor.workspaceId, input.campaign, lead.channel),
    },
  });
  const scoring = await scoringInputs(tx, actor.workspaceId);
  const scored = await applyScore(tx, {
    leadId,
    model: scoring.model,
    personas: scoring.personas,
    actorUserId: actor.userId,
    now,
  });
  return { event, ...scored };
}
