import "server-only";
import { z } from "zod";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

/** Availability of reps (away is skipped by assignment) and the routing rules. */

export const ZAvailability = z
  .object({
    userId: z.string().min(1).max(64),
    away: z.boolean(),
    awayUntil: z.iso.date("invalidDate").nullable().default(null),
  })
  .strict();

/** A rep marks themself away or back; a manager does it for anyone. */
export async function setAvailability(actor: Actor, input: z.infer<typeof ZAvailability>, now = new Date()) {
  requirePermission(actor, input.userId === actor.userId ? "handoffs.answer" : "handoffs.assign");
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { workspaceId: actor.workspaceId, userId: input.userId, role: { in: ["SALES", "MANAGER"] } },
    });
    if (!membership) throw notFound();
    // "Away until 5 December" means back on the morning of the 5th in the workspace's time zone — kept simple: 00:00 UTC.
    const awayUntil = input.away && input.awayUntil ? new Date(`${input.awayUntil}T00:00:00Z`) : null;
    if (awayUntil && awayUntil <= now) {
      throw new AppError("validation", "The return date must be in the future", {
        fieldErrors: { awayUntil: ["mustBeFuture"] },
      });
    }
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { away: input.away, awayUntil },
    });
    await writeAudit(tx, actor, {
      action: input.away ? "member.away" : "member.back",
      entityType: "Membership",
      entityId: membership.id,
      before: { away: membership.away, awayUntil: membership.awayUntil },
      after: { away: updated.away, awayUntil: updated.awayUntil },
    });
    return updated;
  });
}

const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "invalidCountry");

export const ZRoutingRule = z
  .object({
    name: z.string().trim().min(1, "required").max(80, "tooLong"),
    personaId: z.string().max(64).nullable().default(null),
    countries: z.array(ZCountry).max(250).default([]),
    companySizeMin: z.coerce.number().int().min(0).nullable().default(null),
    companySizeMax: z.coerce.number().int().min(0).nullable().default(null),
    repUserIds: z.array(z.string().min(1).max(64)).min(1, "required").max(200),
  })
  .strict()
  .refine((r) => r.companySizeMin === null || r.companySizeMax === null || r.companySizeMin <= r.companySizeMax, {
    path: ["companySizeMax"],
    message: "rangeInverted",
  });

export const ZRoutingRules = z.object({ rules: z.array(ZRoutingRule).max(50, "tooMany") }).strict();

export async function listRoutingRules(actor: Actor) {
  requirePermission(actor, "handoffs.read");
  return db.routingRule.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { position: "asc" } });
}

/** Replaces the routing rules as a whole (their order is their priority). */
export async function saveRoutingRules(actor: Actor, input: z.infer<typeof ZRoutingRules>) {
  requirePermission(actor, "handoffs.assign");
  return db.$transaction(async (tx) => {
    const reps = new Set(
      (
        await tx.membership.findMany({
          where: { workspaceId: actor.workspaceId, role: "SALES" },
          select: { userId: true },
        })
      ).map((m) => m.userId),
    );
    const personaIds = new Set(
      (await tx.persona.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true } })).map((p) => p.id),
    );
    const fieldErrors: Record<string, string[]> = {};
    input.rules.forEach((rule, i) => {
      if (rule.repUserIds.some((id) => !reps.has(id))) fieldErrors[`rules.${i}.repUserIds`] = ["notAssignable"];
      if (rule.personaId && !personaIds.has(rule.personaId)) fieldErrors[`rules.${i}.personaId`] = ["notFound"];
    });
    if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", "Invalid routing rules", { fieldErrors });
    const before = await tx.routingRule.findMany({ where: { workspaceId: actor.workspaceId } });
    await tx.routingRule.deleteMany({ where: { workspaceId: actor.workspaceId } });
    await tx.routingRule.createMany({
      data: input.rules.map((rule, position) => ({ ...rule, workspaceId: actor.workspaceId, position })),
    });
    await writeAudit(tx, actor, {
      action: "routing.updated",
      entityType: "RoutingRule",
      before: before.map(({ name, personaId, countries, companySizeMin, companySizeMax, repUserIds }) => ({
        name,
        personaId,
        countries,
        companySizeMin,
        companySizeMax,
        repUserIds,
      })),
      after: input.rules,
    });
  });
}
