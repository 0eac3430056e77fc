import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { Channel, type HandoffStatus, RejectReason } from "@/generated/prisma/enums";
import { decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { localDays } from "@/lib/local-days";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { HandoffListQuery } from "@/server/handoffs/schema";
import { calendarOf } from "@/server/handoffs/sla";
import { withScore } from "@/server/leads/score-row";
import { workspaceTimeZone } from "@/server/workspaces/queries";

const leadFacts = {
  id: true,
  name: true,
  email: true,
  company: true,
  title: true,
  industry: true,
  companySize: true,
  country: true,
  channel: true,
  score: true,
  stage: true,
  personaId: true,
  campaignId: true,
} as const satisfies Prisma.LeadSelect;

const slaTerms = {
  version: true,
  responseHours: true,
  timeZone: true,
  workingDays: true,
  dayStartMinute: true,
  dayEndMinute: true,
  holidays: true,
} as const satisfies Prisma.SlaPolicySelect;

const PAGE = 100;

/**
 * Open handoffs by time left (earliest due first): the actor's own, or — for a
 * manager's team view — everyone's, optionally one assignee's.
 */
export async function listOpenHandoffs(actor: Actor, view: { team?: boolean; assigneeId?: string } = {}) {
  requirePermission(actor, "handoffs.read");
  if (view.team) requirePermission(actor, "handoffs.assign");
  const where: Prisma.HandoffWhereInput = view.team
    ? { workspaceId: actor.workspaceId, status: "OPEN", ...(view.assigneeId ? { assigneeId: view.assigneeId } : {}) }
    : { workspaceId: actor.workspaceId, status: "OPEN", assigneeId: actor.userId };
  const [handoffs, total] = await Promise.all([
    db.handoff.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: PAGE,
      select: {
        id: true,
        assigneeId: true,
        handedOffAt: true,
        assignedAt: true,
        dueAt: true,
        firstDueAt: true,
        breachedAt: true,
        breachCount: true,
        reassignCount: true,
        scoreAtHandoff: true,
        lead: { select: leadFacts },
        slaPolicy: { select: slaTerms },
      },
    }),
    db.handoff.count({ where }),
  ]);
  const names = await namesOf(
    actor.workspaceId,
    handoffs.map((h) => h.assigneeId),
  );
  const personas = await personaNames(
    actor.workspaceId,
    handoffs.map((h) => h.lead.personaId),
  );
  return {
    total,
    handoffs: handoffs.map((h) => ({
      ...h,
      lead: withScore(h.lead),
      calendar: calendarOf(h.slaPolicy),
      assigneeName: h.assigneeId ? (names.get(h.assigneeId) ?? null) : null,
      personaName: h.lead.personaId ? (personas.get(h.lead.personaId) ?? null) : null,
    })),
  };
}

/** An answered handoff, for the inbox's confirmation after an answer. */
export async function answeredHandoff(actor: Actor, handoffId: string) {
  requirePermission(actor, "handoffs.read");
  return db.handoff.findFirst({
    where: { id: handoffId, workspaceId: actor.workspaceId, status: { in: ["ACCEPTED", "REJECTED"] } },
    select: { status: true, rejectReason: true, lead: { select: { id: true, name: true, email: true } } },
  });
}

/** How many open handoffs wait for the actor (the navigation badge). */
export async function openHandoffCount(actor: Actor): Promise<number> {
  requirePermission(actor, "handoffs.read");
  return db.handoff.count({ where: { workspaceId: actor.workspaceId, status: "OPEN", assigneeId: actor.userId } });
}

async function namesOf(workspaceId: string, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map<string, string>();
  const members = await db.membership.findMany({
    where: { workspaceId, userId: { in: unique } },
    select: { user: { select: { id: true, name: true } } },
  });
  return new Map(members.map((m) => [m.user.id, m.user.name]));
}

async function personaNames(workspaceId: string, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.persona.findMany({
    where: { workspaceId, id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** Sales reps and managers a handoff can go to (for the reassign menu and the availability list). */
export async function listAssignees(actor: Actor) {
  requirePermission(actor, "handoffs.read");
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId, role: { in: ["SALES", "MANAGER"] } },
    select: { userId: true, role: true, away: true, awayUntil: true, user: { select: { name: true, email: true } } },
    orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
  });
  return rows.map((r) => ({
    userId: r.userId,
    role: r.role,
    away: r.away,
    awayUntil: r.awayUntil,
    name: r.user.name,
    email: r.user.email,
  }));
}

export const ZReturnedFilter = z.object({
  reason: z.enum(RejectReason).optional().catch(undefined),
  channel: z.enum(Channel).optional().catch(undefined),
  campaignId: z.string().max(64).optional().catch(undefined),
  personaId: z.string().max(64).optional().catch(undefined),
  /** The lead's owner (the dashboards' owner filter). */
  ownerId: z.string().max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type ReturnedFilter = z.infer<typeof ZReturnedFilter>;

/**
 * Leads sales sent back, newest first, with the reason and note: marketing's
 * view for fixing targeting (filter by campaign, channel, persona, reason).
 */
export async function listReturnedLeads(actor: Actor, filter: ReturnedFilter) {
  requirePermission(actor, "handoffs.read");
  const after = filter.after ? decodeCursor(filter.after) : null;
  const leadWhere: Prisma.LeadWhereInput = {
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
    ...(filter.personaId ? { personaId: filter.personaId } : {}),
    ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
  };
  // Days of the workspace's calendar, as the dashboards count them.
  const days = localDays(filter.from, filter.to, await workspaceTimeZone(actor.workspaceId));
  const where: Prisma.HandoffWhereInput = {
    workspaceId: actor.workspaceId,
    status: "REJECTED",
    ...(filter.reason ? { rejectReason: filter.reason } : {}),
    ...(Object.keys(leadWhere).length > 0 ? { lead: leadWhere } : {}),
    answeredAt: { ...(days.from ? { gte: days.from } : {}), ...(days.to ? { lt: days.to } : {}) },
    ...(after ? { OR: [{ answeredAt: { lt: after.at } }, { answeredAt: after.at, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.handoff.findMany({
    where,
    orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    select: {
      id: true,
      answeredAt: true,
      answeredById: true,
      rejectReason: true,
      note: true,
      lead: { select: { ...leadFacts, campaign: { select: { id: true, name: true } } } },
    },
  });
  const page = rows.slice(0, PAGE);
  const names = await namesOf(
    actor.workspaceId,
    page.map((r) => r.answeredById),
  );
  const personas = await personaNames(
    actor.workspaceId,
    page.map((r) => r.lead.personaId),
  );
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      ...r,
      lead: withScore(r.lead),
      answeredByName: r.answeredById ? (names.get(r.answeredById) ?? null) : null,
      personaName: r.lead.personaId ? (personas.get(r.lead.personaId) ?? null) : null,
    })),
    nextCursor: rows.length > PAGE && last?.answeredAt ? encodeCursor(last.answeredAt, last.id) : null,
  };
}

/** A lead's handoffs with their events, newest first (the lead page's timeline). */
export async function leadHandoffs(actor: Actor, leadId: string) {
  requirePermission(actor, "handoffs.read");
  const handoffs = await db.handoff.findMany({
    where: { workspaceId: actor.workspaceId, leadId },
    orderBy: { handedOffAt: "desc" },
    include: { events: { orderBy: { at: "asc" } }, slaPolicy: { select: slaTerms } },
  });
  const names = await namesOf(
    actor.workspaceId,
    handoffs.flatMap((h) => [
      h.assigneeId,
      h.answeredById,
      ...h.events.flatMap((e) => [e.actorUserId, e.fromUserId, e.toUserId]),
    ]),
  );
  return { handoffs, names: Object.fromEntries(names) };
}

/**
 * The API listing: open handoffs by due time, answered ones newest first;
 * keyset pagination on (time, id).
 */
export async function listHandoffsForApi(actor: Actor, query: HandoffListQuery) {
  requirePermission(actor, "handoffs.read");
  const open = query.status === "open";
  const key = open ? "dueAt" : "handedOffAt";
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) {
    throw new AppError("validation", "Invalid cursor", { fieldErrors: { cursor: ["invalid"] } });
  }
  const assignee = query.assignee === "me" ? actor.userId : query.assignee === "all" ? undefined : query.assignee;
  const status = query.status === "all" ? undefined : (query.status.toUpperCase() as HandoffStatus);
  const rows = await db.handoff.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(status ? { status } : {}),
      ...(assignee ? { assigneeId: assignee } : {}),
      ...(after
        ? open
          ? { OR: [{ dueAt: { gt: after.at } }, { dueAt: after.at, id: { gt: after.id } }] }
          : { OR: [{ handedOffAt: { lt: after.at } }, { handedOffAt: after.at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: open ? [{ dueAt: "asc" }, { id: "asc" }] : [{ handedOffAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { handoffs: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last[key], last.id) : null };
}

/**
 * What the browser polls (navigation badges, the live inbox): the actor's open
 * handoffs, a version stamp that changes when one arrives or leaves, and
 * unread notifications. Three index-only lookups.
 */
export async function liveSummary(actor: Actor) {
  requirePermission(actor, "workspace.read");
  const mine = { workspaceId: actor.workspaceId, status: "OPEN" as const, assigneeId: actor.userId };
  const [open, newest, unread] = await Promise.all([
    db.handoff.count({ where: mine }),
    db.handoff.aggregate({ where: mine, _max: { assignedAt: true } }),
    db.notification.count({ where: { userId: actor.userId, workspaceId: actor.workspaceId, readAt: null } }),
  ]);
  return { open, unread, stamp: `${open}:${newest._max.assignedAt?.toISOString() ?? ""}` };
}
