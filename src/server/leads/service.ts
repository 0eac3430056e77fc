import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CaptureMethod, Channel, LeadStage } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";
import { createHandoffs } from "@/server/handoffs/assignment";
import { leadFields } from "@/server/leads/fields";
import { matchPersona, type PersonaFit } from "@/server/leads/persona-match";
import { captureNewLead } from "@/server/leads/quick-capture";
import { BUILT_IN_EVENT_TYPES, type LeadEventInput, type LeadInput } from "@/server/leads/schema";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { scoringInputs } from "@/server/leads/scoring-context";
import { becomesMql, type ScoringModel, scoreLead } from "@/server/scoring/engine";
import { scoreExplanation } from "@/server/scoring/explanation";
import { emitLeadEvents, emitQualified } from "@/server/webhooks/emit";

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
  const found = await tx.lead.findUniqueOrThrow({ where: { id: input.leadId }, include: WITH_SCORE });
  const lead = withScore(found);
  const events = await tx.leadEvent.findMany({
    where: { leadId: lead.id },
    select: { type: true, occurredAt: true },
  });
  const personaId = matchPersona(lead, input.personas);
  const result = scoreLead({ ...lead, personaId }, events, input.model.model, input.now);
  const move: StageMove | null = becomesMql({ qualifiedBefore: lead.qualifies, result, stage: lead.stage })
    ? { to: "MQL", reason: "scoreCrossedThreshold" }
    : null;
  const score = {
    fitScore: result.fit,
    engagementScore: result.engagement,
    totalScore: result.total,
    qualifies: result.qualifies,
    scoreExplanation: scoreExplanation(result) as unknown as Prisma.InputJsonValue,
    scoredAt: input.now,
    scoringModelId: input.model.id,
  };
  const saved = await tx.leadScore.upsert({
    where: { leadId: lead.id },
    create: {
      leadId: lead.id,
      workspaceId: lead.workspaceId,
      channel: lead.channel,
      stage: lead.stage,
      ownerId: lead.ownerId,
      ...score,
    },
    update: score,
  });
  // The lead row itself changes only when its persona or stage does (its updatedAt is the sync clock of its own fields).
  const written =
    personaId !== lead.personaId || move
      ? await tx.lead.update({
          where: { id: lead.id },
          data: {
            personaId,
            ...(move ? { stage: move.to, stageEnteredAt: input.now, mqlAt: lead.mqlAt ?? input.now } : {}),
          },
        })
      : found;
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
    const handoffs = await createHandoffs(tx, {
      workspaceId: lead.workspaceId,
      leadIds: [lead.id],
      now: input.now,
      actorUserId: input.actorUserId,
    });
    // The handoff gave the lead its owner: read it back.
    const handedOff = await tx.lead.findUniqueOrThrow({ where: { id: lead.id } });
    return { lead: withScore({ ...handedOff, score: saved }), becameMql: true, handoffs };
  }
  return {
    lead: withScore({ ...written, score: saved }),
    becameMql: false,
    handoffs: [] as { id: string; leadId: string }[],
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
  options: {
    /** false when the caller already tried `captureNewLead` (the API, outside a transaction). */
    tryNew?: boolean;
    /** Adds to the lead (its events) after it is saved and before it is scored: one scoring counts them all. */
    beforeScore?: (leadId: string, created: boolean) => Promise<void>;
  } = {},
) {
  requirePermission(actor, "leads.write");
  const workspaceId = actor.workspaceId;
  if ((options.tryNew ?? true) && !options.beforeScore) {
    // A campaign named without a channel takes the lead's channel, known only once the lead is found: general path.
    const campaign = input.channel ? await campaignId(tx, workspaceId, input.campaign, input.channel) : undefined;
    const fresh = await captureNewLead(tx, actor, input, now, via, campaign);
    if (fresh) return fresh;
  }
  const scoring = await scoringInputs(tx, workspaceId);

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
  await options.beforeScore?.(leadId, created);

  const { lead, becameMql, handoffs } = await applyScore(tx, {
    leadId,
    model: scoring.model,
    personas: scoring.personas,
    actorUserId: actor.userId,
    now,
  });
  // In the order they happened: the capture, then the qualification it caused.
  await emitLeadEvents(tx, workspaceId, created ? "lead.created" : "lead.updated", [leadId], now);
  await emitQualified(tx, workspaceId, handoffs, now);
  await writeAudit(tx, actor, {
    action: created ? "lead.created" : "lead.updated",
    entityType: "Lead",
    entityId: lead.id,
    before: before ? pick(before, Object.keys(fields)) : undefined,
    after: { email: lead.email, ...fields, totalScore: lead.totalScore, stage: lead.stage },
  });
  return { lead, created, becameMql };
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
  return insertEventAndScore(tx, actor, leadId, input, now);
}

/**
 * A person logs an activity on a lead's page (a call, a demo they gave, any
 * event type of the workspace) with a note and the time it happened; the lead
 * is re-scored at once and the answer says how its score moved. A sales rep
 * logs only on the leads they own.
 */
export async function logLeadActivity(
  actor: Actor,
  leadId: string,
  input: { type: string; note: string; occurredAt?: Date },
  now = new Date(),
) {
  requirePermission(actor, "leads.logActivity");
  if (input.occurredAt && input.occurredAt.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError("validation", "An activity cannot happen in the future", {
      fieldErrors: { occurredAt: ["notInFuture"] },
    });
  return db.$transaction(async (tx) => {
    const before = await tx.lead.findFirst({
      where: { id: leadId, workspaceId: actor.workspaceId },
      select: { ownerId: true, score: { select: { totalScore: true } } },
    });
    if (!before) throw notFound();
    if (actor.role === "SALES" && before.ownerId !== actor.userId) throw forbidden();
    const properties: Record<string, string> = input.note ? { note: input.note } : {};
    const result = await insertEventAndScore(
      tx,
      actor,
      leadId,
      { type: input.type, occurredAt: input.occurredAt, properties },
      now,
    );
    await writeAudit(tx, actor, {
      action: "lead.activityLogged",
      entityType: "Lead",
      entityId: leadId,
      after: { type: input.type, occurredAt: (input.occurredAt ?? now).toISOString() },
    });
    return {
      eventId: result.event.id,
      scoreBefore: before.score?.totalScore ?? 0,
      scoreAfter: result.lead.totalScore,
      becameMql: result.becameMql,
    };
  });
}

/** Adds an event to a lead without scoring it (the caller scores once, e.g. a capture's `beforeScore`). */
export async function insertEvent(tx: Tx, actor: Actor, leadId: string, input: LeadEventInput, now: Date) {
  requirePermission(actor, "leads.write");
  return addEvent(tx, actor, leadId, input, now);
}

/** The event row itself; callers have checked the actor's right (recording, or logging an activity). */
async function addEvent(tx: Tx, actor: Actor, leadId: string, input: LeadEventInput, now: Date) {
  const locked = await lockLead(tx, actor.workspaceId, { id: leadId });
  if (!locked) throw notFound();
  await assertEventType(tx, actor.workspaceId, input.type);
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId }, select: { channel: true, erasedAt: true } });
  if (lead.erasedAt)
    throw new AppError("conflict", "The lead's personal data was erased", { params: { reason: "alreadyErased" } });
  return tx.leadEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      leadId,
      type: input.type,
      occurredAt: input.occurredAt ?? now,
      properties: (input.properties ?? {}) as Prisma.InputJsonValue,
      campaignId: await campaignId(tx, actor.workspaceId, input.campaign, lead.channel),
    },
  });
}

async function insertEventAndScore(tx: Tx, actor: Actor, leadId: string, input: LeadEventInput, now: Date) {
  const event = await addEvent(tx, actor, leadId, input, now);
  const scoring = await scoringInputs(tx, actor.workspaceId);
  const scored = await applyScore(tx, {
    leadId,
    model: scoring.model,
    personas: scoring.personas,
    actorUserId: actor.userId,
    now,
  });
  await emitQualified(tx, actor.workspaceId, scored.handoffs, now);
  return { event, ...scored };
}
