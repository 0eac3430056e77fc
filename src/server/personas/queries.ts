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
