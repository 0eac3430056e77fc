import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import type { PersonaFields } from "@/server/personas/schema";

/** Initials shown in the avatar when none are given: first letters of the first two words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

function normalise(fields: PersonaFields): PersonaFields {
  return { ...fields, initials: fields.initials || initialsOf(fields.name) };
}

async function snapshot(tx: Tx, personaId: string, version: number, fields: PersonaFields, editedById: string | null) {
  await tx.personaVersion.create({
    data: { personaId, version, snapshot: fields as unknown as Prisma.InputJsonValue, editedById },
  });
}

export async function createPersona(actor: Actor, input: PersonaFields) {
  requirePermission(actor, "personas.edit");
  const fields = normalise(input);
  return db.$transaction(async (tx) => {
    const persona = await tx.persona.create({
      data: { workspaceId: actor.workspaceId, ...fields, createdById: actor.userId, updatedById: actor.userId },
      select: { id: true, version: true },
    });
    await snapshot(tx, persona.id, 1, fields, actor.userId);
    await writeAudit(tx, actor, {
      action: "persona.created",
      entityType: "Persona",
      entityId: persona.id,
      after: fields,
    });
    return persona;
  });
}

/**
 * Saves an edit made from `version`. If someone saved a newer version
 * meanwhile, nothing is written and a `conflict` carries the current version,
 * so the editor keeps their text and can compare.
 */
export async function updatePersona(
  actor: Actor,
  input: { personaId: string; version: number; fields: PersonaFields },
) {
  requirePermission(actor, "personas.edit");
  const fields = normalise(input.fields);
  return db.$transaction(async (tx) => {
    const before = await tx.persona.findFirst({ where: { id: input.personaId, workspaceId: actor.workspaceId } });
    if (!before) throw notFound();
    const updated = await tx.persona.updateMany({
      where: { id: input.personaId, workspaceId: actor.workspaceId, version: input.version },
      data: { ...fields, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (updated.count === 0) {
      const current = await tx.persona.findFirst({
        where: { id: input.personaId, workspaceId: actor.workspaceId },
        select: { version: true, updatedById: true },
      });
      const editor = current?.updatedById
        ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } })
        : null;
      throw new AppError("conflict", "Someone else saved this persona meanwhile", {
        params: { version: current?.version ?? 0, editor: editor?.name ?? "" },
      });
    }
    const version = input.version + 1;
    await snapshot(tx, input.personaId, version, fields, actor.userId);
    await writeAudit(tx, actor, {
      action: "persona.updated",
      entityType: "Persona",
      entityId: input.personaId,
      before,
      after: { ...fields, version },
    });
    return { id: input.personaId, version };
  });
}

export async function duplicatePersona(actor: Actor, personaId: string, copySuffix: string) {
  requirePermission(actor, "personas.edit");
  const source = await db.persona.findFirst({ where: { id: personaId, workspaceId: actor.workspaceId } });
  if (!source) throw notFound();
  const {
    id: _id,
    workspaceId: _ws,
    version: _v,
    archivedAt: _a,
    createdAt: _c,
    updatedAt: _u,
    createdById: _cb,
    updatedById: _ub,
    ...fields
  } = source;
  return createPersona(actor, { ...fields, name: `${fields.name} ${copySuffix}`.slice(0, 80) });
}

export async function setPersonaArchived(actor: Actor, personaId: string, archived: boolean) {
  requirePermission(actor, "personas.edit");
  await db.$transaction(async (tx) => {
    const result = await tx.persona.updateMany({
      where: { id: personaId, workspaceId: actor.workspaceId },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (result.count === 0) throw notFound();
    await writeAudit(tx, actor, {
      action: archived ? "persona.archived" : "persona.restored",
      entityType: "Persona",
      entityId: personaId,
    });
  });
}

export async function addPersonaFeedback(actor: Actor, input: { personaId: string; rating: number; body: string }) {
  requirePermission(actor, "personas.feedback");
  return db.$transaction(async (tx) => {
    const persona = await tx.persona.findFirst({
      where: { id: input.personaId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!persona) throw notFound();
    const feedback = await tx.personaFeedback.create({
      data: {
        workspaceId: actor.workspaceId,
        personaId: input.personaId,
        authorId: actor.userId,
        rating: input.rating,
        body: input.body,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "persona.feedback",
      entityType: "Persona",
      entityId: input.personaId,
      after: { rating: input.rating, body: input.body },
    });
    return feedback;
  });
}
