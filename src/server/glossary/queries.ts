import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import type { TermStatus } from "@/generated/prisma/enums";
import { sortByName } from "@/lib/collate";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { missingSides } from "@/server/glossary/agreement";
import type { TermFilter } from "@/server/glossary/schema";

export type Locale = "en" | "it";

/** The text of a term in the reader's language, falling back to the other one. */
export function localized<T extends { nameEn: string; nameIt: string; definitionEn: string; definitionIt: string }>(
  term: T,
  locale: Locale,
) {
  const [first, second] = locale === "it" ? (["It", "En"] as const) : (["En", "It"] as const);
  return {
    name: term[`name${first}`] || term[`name${second}`],
    definition: term[`definition${first}`] || term[`definition${second}`],
  };
}

/** Terms matching the filter; `q` searches names, synonyms and definitions in both languages. */
/** The workspace's terms, in the order of their names in the reader's language. */
export async function listTerms(actor: Actor, filter: TermFilter, locale: Locale = "en") {
  requirePermission(actor, "glossary.read");
  let ids: string[] | undefined;
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id FROM "GlossaryTerm"
      WHERE "workspaceId" = ${actor.workspaceId}
        AND ("nameEn" ILIKE ${pattern} OR "nameIt" ILIKE ${pattern}
          OR array_to_string("synonymsEn", ' ') ILIKE ${pattern}
          OR array_to_string("synonymsIt", ' ') ILIKE ${pattern}
          OR "definitionEn" ILIKE ${pattern} OR "definitionIt" ILIKE ${pattern})`);
    ids = rows.map((r) => r.id);
  }
  const terms = await db.glossaryTerm.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(ids ? { id: { in: ids } } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.status ? { status: filter.status as TermStatus } : {}),
    },
    select: {
      id: true,
      key: true,
      category: true,
      status: true,
      nameEn: true,
      nameIt: true,
      synonymsEn: true,
      synonymsIt: true,
      definitionEn: true,
      definitionIt: true,
      updatedAt: true,
      _count: { select: { revisions: { where: { status: "PENDING" } } } },
    },
  });
  return sortByName(terms, (term) => localized(term, locale).name, locale);
}

export async function termOptions(actor: Actor) {
  requirePermission(actor, "glossary.read");
  return db.glossaryTerm
    .findMany({
      where: { workspaceId: actor.workspaceId, status: { not: "DEPRECATED" } },
      select: { id: true, nameEn: true, nameIt: true, definitionEn: true, definitionIt: true },
    })
    .then((terms) => sortByName(terms, (term) => term.nameEn));
}

const revisionInclude = {
  author: { select: { id: true, name: true } },
  approvals: {
    select: { role: true, createdAt: true, user: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.TermRevisionInclude;

export async function getTermDetail(actor: Actor, termId: string) {
  requirePermission(actor, "glossary.read");
  const term = await db.glossaryTerm.findFirst({
    where: { id: termId, workspaceId: actor.workspaceId },
    include: {
      revisions: { include: revisionInclude, orderBy: { number: "desc" } },
      comments: { include: { author: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      replacedBy: { select: { id: true, nameEn: true, nameIt: true, definitionEn: true, definitionIt: true } },
      replaces: { select: { id: true, nameEn: true, nameIt: true, definitionEn: true, definitionIt: true } },
      followers: { where: { userId: actor.userId }, select: { userId: true } },
    },
  });
  if (!term) throw notFound();
  const related = await db.glossaryTerm.findMany({
    where: { workspaceId: actor.workspaceId, id: { in: term.relatedTermIds } },
    select: { id: true, nameEn: true, nameIt: true, definitionEn: true, definitionIt: true, status: true },
  });
  const revisions = term.revisions.map((r) => ({ ...r, missingSides: missingSides(r) }));
  return {
    ...term,
    revisions,
    inForce: revisions.find((r) => r.id === term.inForceRevisionId) ?? null,
    pending: revisions.filter((r) => r.status === "PENDING"),
    related,
    following: term.followers.length > 0,
  };
}
export type TermDetail = Awaited<ReturnType<typeof getTermDetail>>;

/**
 * The workspace's definitions by term key, for the hover/focus hints
 * elsewhere in the app: the agreed one, or — before any agreement — the
 * latest proposal, flagged so the hint says it is not agreed. Once per request.
 */
export const termDefinitions = cache(async (workspaceId: string, locale: Locale) => {
  const terms = await db.glossaryTerm.findMany({
    where: { workspaceId, status: { in: ["AGREED", "PROPOSED"] } },
    select: { id: true, key: true, status: true, nameEn: true, nameIt: true, definitionEn: true, definitionIt: true },
  });
  return new Map(terms.map((t) => [t.key, { id: t.id, proposed: t.status === "PROPOSED", ...localized(t, locale) }]));
});

export async function glossaryCounts(actor: Actor) {
  requirePermission(actor, "glossary.read");
  const groups = await db.glossaryTerm.groupBy({
    by: ["status"],
    where: { workspaceId: actor.workspaceId },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<TermStatus, number>>;
}
