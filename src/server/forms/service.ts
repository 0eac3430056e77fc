import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import { type FormDefinition, type FormInput, ZFormDefinition, ZFormInput } from "@/server/forms/schema";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";

/** A public id for URLs and embeds: 12 random characters, not guessable from another form's. */
const newPublicId = () => randomBytes(9).toString("base64url");

async function assertEventType(workspaceId: string, type: string) {
  if ((BUILT_IN_EVENT_TYPES as readonly string[]).includes(type)) return;
  const custom = await db.leadEventType.findUnique({ where: { workspaceId_key: { workspaceId, key: type } } });
  if (!custom)
    throw new AppError("validation", `Unknown event type ${type}`, {
      fieldErrors: { "definition.eventType": ["unknownEventType"] },
    });
}

/** Checked here too (not only in the action): every caller gets the same refusal for a form that cannot work. */
function checked(input: FormInput): FormInput {
  const parsed = ZFormInput.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "Invalid form", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

export function parseDefinition(stored: Prisma.JsonValue): FormDefinition {
  return ZFormDefinition.parse(stored);
}

/** The workspace's forms, each with its views, submissions, refusals and the MQLs among its leads. */
export async function listForms(actor: Actor) {
  requirePermission(actor, "forms.edit");
  const forms = await db.leadForm.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, publicId: true, name: true, archivedAt: true, createdAt: true },
  });
  if (forms.length === 0) return [];
  const ids = forms.map((f) => f.id);
  const stats = await db.formDailyStat.groupBy({
    by: ["formId"],
    where: { formId: { in: ids } },
    _sum: { views: true, submissions: true, refused: true },
  });
  // Leads a form captured or updated, and how many of them are (or were) MQLs.
  const conversions = await db.$queryRaw<{ formId: string; leads: number; mqls: number }[]>`
    SELECT s."formId", count(DISTINCT s."leadId")::int AS leads,
           count(DISTINCT s."leadId") FILTER (WHERE l."mqlAt" IS NOT NULL)::int AS mqls
    FROM "FormSubmission" s JOIN "Lead" l ON l.id = s."leadId"
    WHERE s."formId" = ANY(${ids}) AND s."workspaceId" = ${actor.workspaceId}
    GROUP BY s."formId"`;
  return forms.map((form) => {
    const sums = stats.find((s) => s.formId === form.id)?._sum;
    const converted = conversions.find((c) => c.formId === form.id);
    return {
      ...form,
      views: sums?.views ?? 0,
      submissions: sums?.submissions ?? 0,
      refused: sums?.refused ?? 0,
      leads: converted?.leads ?? 0,
      mqls: converted?.mqls ?? 0,
    };
  });
}

export async function getForm(actor: Actor, formId: string) {
  requirePermission(actor, "forms.edit");
  const form = await db.leadForm.findFirst({ where: { id: formId, workspaceId: actor.workspaceId } });
  if (!form) throw notFound();
  return { ...form, definition: parseDefinition(form.definition) };
}

export async function createForm(actor: Actor, raw: FormInput) {
  requirePermission(actor, "forms.edit");
  const input = checked(raw);
  await assertEventType(actor.workspaceId, input.definition.eventType);
  return db.$transaction(async (tx) => {
    const form = await tx.leadForm.create({
      data: {
        workspaceId: actor.workspaceId,
        publicId: newPublicId(),
        name: input.name,
        definition: input.definition as unknown as Prisma.InputJsonValue,
        createdById: actor.userId,
      },
      select: { id: true, publicId: true },
    });
    await writeAudit(tx, actor, { action: "form.created", entityType: "LeadForm", entityId: form.id, after: input });
    return form;
  });
}

/** Saves a form; a change of the consent wording starts a new consent version (leads keep the one they saw). */
export async function updateForm(actor: Actor, formId: string, raw: FormInput) {
  requirePermission(actor, "forms.edit");
  const input = checked(raw);
  await assertEventType(actor.workspaceId, input.definition.eventType);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "LeadForm" WHERE id = ${formId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (rows.length === 0) throw notFound();
    const before = await tx.leadForm.findUniqueOrThrow({ where: { id: formId } });
    const previous = parseDefinition(before.definition);
    const consentChanged = JSON.stringify(previous.consent.text) !== JSON.stringify(input.definition.consent.text);
    const saved = await tx.leadForm.update({
      where: { id: formId },
      data: {
        name: input.name,
        definition: input.definition as unknown as Prisma.InputJsonValue,
        consentVersion: consentChanged ? { increment: 1 } : undefined,
      },
      select: { id: true, publicId: true, consentVersion: true },
    });
    await writeAudit(tx, actor, {
      action: "form.updated",
      entityType: "LeadForm",
      entityId: formId,
      before: { name: before.name, definition: previous },
      after: input,
    });
    return saved;
  });
}

/** Archived forms refuse submissions (their page says the form is closed); restoring opens them again. */
export async function setFormArchived(actor: Actor, formId: string, archived: boolean) {
  requirePermission(actor, "forms.edit");
  await db.$transaction(async (tx) => {
    const result = await tx.leadForm.updateMany({
      where: { id: formId, workspaceId: actor.workspaceId },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (result.count === 0) throw notFound();
    await writeAudit(tx, actor, {
      action: archived ? "form.archived" : "form.restored",
      entityType: "LeadForm",
      entityId: formId,
    });
  });
}
