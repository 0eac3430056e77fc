import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

export async function listPersonas(actor: Actor, options: { archived?: boolean } = {}) {
  requirePermission(actor, "personas.read");
  const personas = await db.persona.findMany({
    where: { workspaceId: actor.workspaceId, archivedAt: options.archived ? { not: null } : null },
    orderBy: { name: "asc" },
  });
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
  const rows = await db.$queryRaw<{ leads: bigint; mqls: bigint; sqls: bigint; customers: bigint; closed: bigint }[]>`
    SELECT count(*) AS leads,
           count(*) FILTER (WHERE "mqlAt" IS NOT NULL) AS mqls,
           count(*) FILTER (WHERE "mqlAt" IS NOT NULL AND "sqlAt" IS NOT NULL) AS sqls,
           count(*) FILTER (WHERE "customerAt" IS NOT NULL) AS customers,
           count(*) FILTER (WHERE stage IN ('CUSTOMER', 'LOST')) AS closed
    FROM "Lead" WHERE "workspaceId" = ${actor.workspaceId} AND "personaId" = ${personaId}`;
  const row = rows[0];
  const n = (value: bigint | undefined) => Number(value ?? 0);
  const leads = n(row?.leads);
  const mqls = n(row?.mqls);
  const sqls = n(row?.sqls);
  const customers = n(row?.customers);
  const closed = n(row?.closed);
  return {
    leads,
    mqls,
    sqls,
    customers,
    /** MQL→SQL: share of this persona's MQLs that sales accepted. */
    acceptanceRate: mqls > 0 ? sqls / mqls : null,
    /** Won ÷ closed (won + lost). */
    winRate: closed > 0 ? customers / closed : null,
  };
}
