import "server-only";
import { z } from "zod";
import type { SlaPolicy } from "@/generated/prisma/client";
import { addBusinessMinutes, type BusinessCalendar } from "@/lib/business-time";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { type Db, db, type Tx } from "@/server/db";
import { ZTimeZone } from "@/server/workspaces/schema";

/**
 * The SLA between marketing and sales: versioned (every change is a new row,
 * the newest is in force), audited, and kept by each handoff it started.
 */

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate");

export const ZSlaInput = z
  .object({
    responseHours: z.coerce.number().min(0.25, "tooSmall").max(120, "tooLarge"),
    timeZone: ZTimeZone,
    workingDays: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, "required")
      .transform((days) => [...new Set(days)].sort()),
    dayStartMinute: z.coerce.number().int().min(0).max(1380),
    dayEndMinute: z.coerce.number().int().min(60).max(1440),
    holidays: z
      .array(ZLocalDate)
      .max(200, "tooMany")
      .transform((days) => [...new Set(days)].sort()),
    mqlMonthlyTarget: z.coerce.number().int().min(0, "tooSmall").max(1_000_000, "tooLarge"),
    maxReassignments: z.coerce.number().int().min(0, "tooSmall").max(10, "tooLarge"),
    dueSoonMinutes: z.coerce
      .number()
      .int()
      .min(0, "tooSmall")
      .max(24 * 60, "tooLarge"),
    note: z.string().trim().max(500, "tooLong").default(""),
  })
  .strict()
  .refine((sla) => sla.dayEndMinute - sla.dayStartMinute >= 60, {
    path: ["dayEndMinute"],
    message: "workingDayTooShort",
  });
export type SlaInput = z.infer<typeof ZSlaInput>;

/** The editable terms of a stored version (the form's starting values). */
export function slaInputOf(policy: SlaPolicy): SlaInput {
  const { responseHours, timeZone, workingDays, dayStartMinute, dayEndMinute, holidays } = policy;
  const { mqlMonthlyTarget, maxReassignments, dueSoonMinutes } = policy;
  return {
    responseHours,
    timeZone,
    workingDays,
    dayStartMinute,
    dayEndMinute,
    holidays,
    mqlMonthlyTarget,
    maxReassignments,
    dueSoonMinutes,
    note: "",
  };
}

export function calendarOf(
  policy: Pick<SlaPolicy, "timeZone" | "workingDays" | "dayStartMinute" | "dayEndMinute" | "holidays">,
): BusinessCalendar {
  return {
    timeZone: policy.timeZone,
    workingDays: policy.workingDays,
    dayStartMinute: policy.dayStartMinute,
    dayEndMinute: policy.dayEndMinute,
    holidays: policy.holidays,
  };
}

/** The due time and the due-soon warning time of an assignment starting at `from`. */
export function clockFor(
  policy: Parameters<typeof calendarOf>[0] & Pick<SlaPolicy, "responseHours" | "dueSoonMinutes">,
  from: Date,
) {
  const calendar = calendarOf(policy);
  const minutes = policy.responseHours * 60;
  return {
    dueAt: addBusinessMinutes(from, minutes, calendar),
    dueSoonAt: addBusinessMinutes(from, Math.max(0, minutes - policy.dueSoonMinutes), calendar),
  };
}

const versions = new Map<string, SlaPolicy>();
/** One SLA version by id. Versions never change once written, so each process keeps the ones it has read. */
export async function slaVersion(client: Tx | Db, id: string): Promise<SlaPolicy> {
  const cached = versions.get(id);
  if (cached) return cached;
  const policy = await client.slaPolicy.findUniqueOrThrow({ where: { id } });
  if (versions.size > 10_000) versions.clear();
  versions.set(id, policy);
  return policy;
}

/** The SLA in force; a workspace without one gets version 1 with the defaults (4 business hours, Mon–Fri 9–18). */
export async function currentSla(client: Tx | Db, workspaceId: string): Promise<SlaPolicy> {
  const latest = await client.slaPolicy.findFirst({ where: { workspaceId }, orderBy: { version: "desc" } });
  if (latest) return latest;
  const workspace = await client.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { timeZone: true },
  });
  // Two first handoffs at once: both insert version 1, one is skipped, both read it back.
  await client.slaPolicy.createMany({
    data: [{ workspaceId, version: 1, timeZone: workspace.timeZone, note: "default" }],
    skipDuplicates: true,
  });
  return client.slaPolicy.findFirstOrThrow({ where: { workspaceId }, orderBy: { version: "desc" } });
}

export async function getSla(actor: Actor) {
  requirePermission(actor, "handoffs.read");
  return currentSla(db, actor.workspaceId);
}

export async function listSlaVersions(actor: Actor) {
  requirePermission(actor, "handoffs.read");
  return db.slaPolicy.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { version: "desc" }, take: 50 });
}

/** Saves the SLA as a new version; open handoffs keep theirs, new ones start under it. */
export async function updateSla(actor: Actor, input: SlaInput) {
  requirePermission(actor, "sla.edit");
  return db.$transaction(async (tx) => {
    // Serialise concurrent edits on the workspace row so versions never collide.
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${actor.workspaceId} FOR UPDATE`;
    const before = await currentSla(tx, actor.workspaceId);
    const created = await tx.slaPolicy.create({
      data: { ...input, workspaceId: actor.workspaceId, version: before.version + 1, createdById: actor.userId },
    });
    const { id: _a, createdAt: _b, createdById: _c, version: _d, workspaceId: _e, ...beforeTerms } = before;
    await writeAudit(tx, actor, {
      action: "sla.updated",
      entityType: "SlaPolicy",
      entityId: created.id,
      before: { version: before.version, ...beforeTerms },
      after: { version: created.version, ...input },
    });
    return created;
  });
}
