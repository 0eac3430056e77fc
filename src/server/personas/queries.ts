import "server-only";
import { sortByName } from "@/lib/collate";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

export async function listPersonas(actor: Actor, options: { archived?: boolean } = {}) {
  requirePermission(actor, "personas.read");
  const personas = sortByName(
    await db.persona.findMany({
      where: { workspaceId: actor.workspaceId, archivedAt: options.archived ? { not: null } : null },
    }),
    (p) => p.name,
  );
  const ratings = await db.personaFeedback.groupBy({
    by: ["personaId"],
    where: { workspaceId: actor.workspaceId, personaId: { in: personas.map((p) => p.id) } },
    _avg: { rating: true },
    _count: { _all: true },
  });
  const byPersona = new Map(ratings.map((r) => [r.personaId, { average: r._avg.rating, count: r._count._all }]));
  return personas.map((p) => ({ ...p, feedback: byPersona.get(p.id) ?? { average: null, count: 0 } }));
}

export async function getPersona(actor: Actor, personaId: string) {
  requirePermission(actor, "personas.read");
  const persona = await db.persona.findFirst({ where: { id: personaId, workspaceId: actor.workspaceId } });
  if (!persona) throw notFound();
  const [feedback, versions] = await Promise.all([
    db.personaFeedback.findMany({
      where: { personaId, workspaceId: actor.workspaceId },
      include: { author: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
    db.personaVersion.findMany({
      where: { personaId },
      select: { version: true, createdAt: true, editedById: true },
      orderBy: { version: "desc" },
      take: 50,
    }),
  ]);
  const editorIds = [...new Set(versions.map((v) => v.editedById).filter((id): id is string => Boolean(id)))];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const ratings = feedback.map((f) => f.rating);
  return {
    persona,
    feedback,
    averageRating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    versions: versions.map((v) => ({ ...v, editor: v.editedById ? (editors.get(v.editedById) ?? null) : null })),
  };
}

/**
 * How a persona performs on real leads: leads matched, how many became MQL,
 * how many of those sales accepted (reached SQL), and how many were won.
 * Cohort counts from the lead's own stage timestamps (set once, never undone).
 */
export async function personaPerformance(actor: Actor, personaId: string) {
  requirePermission(actor, "personas.read");
  const [rows, answers] = await Promise.all([
    db.$queryRaw<
      { leads: bigint; mqls: bigint; sqls: bigint; customers: bigint; closed: bigint; revenue: number | null }[]
    >`
      SELECT count(*) AS leads,
             count(*) FILTER (WHERE COALESCE("mqlAt", "sqlAt", "opportunityAt", "customerAt") IS NOT NULL) AS mqls,
             count(*) FILTER (WHERE COALESCE("sqlAt", "opportunityAt", "customerAt") IS NOT NULL) AS sqls,
             count(*) FILTER (WHERE "customerAt" IS NOT NULL) AS customers,
             count(*) FILTER (WHERE stage IN ('CUSTOMER', 'LOST')) AS closed,
             sum("wonAmount")::float8 AS revenue
      FROM "Lead" WHERE "workspaceId" = ${actor.workspaceId} AND "personaId" = ${personaId}`,
    db.$queryRaw<{ accepted: bigint; rejected: bigint }[]>`
      SELECT count(*) FILTER (WHERE h.status = 'ACCEPTED') AS accepted,
             count(*) FILTER (WHERE h.status = 'REJECTED') AS rejected
      FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId"
      WHERE h."workspaceId" = ${actor.workspaceId} AND l."personaId" = ${personaId}`,
  ]);
  const row = rows[0];
  const n = (value: bigint | undefined) => Number(value ?? 0);
  const closed = n(row?.closed);
  const customers = n(row?.customers);
  const accepted = n(answers[0]?.accepted);
  const answered = accepted + n(answers[0]?.rejected);
  return {
    leads: n(row?.leads),
    mqls: n(row?.mqls),
    sqls: n(row?.sqls),
    customers,
    /** Accepted ÷ (accepted + rejected) handoffs of this persona's leads (the brief's definition). */
    acceptanceRate: answered > 0 ? accepted / answered : null,
    /** Won ÷ closed (won + lost). */
    winRate: closed > 0 ? customers / closed : null,
    /** Won revenue, EUR. */
    revenue: Number(row?.revenue ?? 0),
  };
}
