import "server-only";
import { appUrl } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { slugify } from "@/lib/slug";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { type Db, db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { approvalRefusal, isAgreed } from "@/server/glossary/agreement";
import type { TermContent } from "@/server/glossary/schema";
import { STARTER_TERMS } from "@/server/glossary/starter-terms";
import { notify } from "@/server/notifications/service";
import { emitWorkspaceEvent } from "@/server/webhooks/emit";

const termHref = (termId: string) => `/glossary/${termId}`;

/** One writer at a time per workspace glossary: keeps names unique and revision numbers gap-free. */
async function lockGlossary(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`glossary:${workspaceId}`}, 0))`;
}

type RevisionFields = {
  category: TermContent["category"];
  nameEn: string;
  nameIt: string;
  synonymsEn: string[];
  synonymsIt: string[];
  definitionEn: string;
  definitionIt: string;
  exampleEn: string;
  exampleIt: string;
  relatedTermIds: string[];
};

function revisionFields(content: TermContent): RevisionFields {
  return {
    category: content.category,
    nameEn: content.en.name,
    nameIt: content.it.name,
    synonymsEn: content.en.synonyms,
    synonymsIt: content.it.synonyms,
    definitionEn: content.en.definition,
    definitionIt: content.it.definition,
    exampleEn: content.en.example,
    exampleIt: content.it.example,
    relatedTermIds: content.relatedTermIds,
  };
}

/** The term's list/search fields mirror one revision: the one in force, or the latest proposal before any agreement. */
function displayFields(revision: RevisionFields) {
  return {
    category: revision.category,
    nameEn: revision.nameEn,
    nameIt: revision.nameIt,
    synonymsEn: revision.synonymsEn,
    synonymsIt: revision.synonymsIt,
    definitionEn: revision.definitionEn,
    definitionIt: revision.definitionIt,
    relatedTermIds: revision.relatedTermIds,
  };
}

/** Refuses a name already used, in the same language, by another live term (in force or proposed). */
async function assertNamesFree(tx: Tx, workspaceId: string, fields: RevisionFields, exceptTermId?: string) {
  const fieldErrors: Record<string, string[]> = {};
  for (const [locale, name] of [
    ["en", fields.nameEn],
    ["it", fields.nameIt],
  ] as const) {
    if (!name) continue;
    const column = locale === "en" ? "nameEn" : "nameIt";
    const clash = await tx.termRevision.findFirst({
      where: {
        workspaceId,
        termId: exceptTermId ? { not: exceptTermId } : undefined,
        status: { in: ["PENDING", "AGREED"] },
        [column]: { equals: name, mode: "insensitive" },
        term: { status: { not: "DEPRECATED" } },
      },
      select: { id: true },
    });
    if (clash) fieldErrors[`${locale}.name`] = ["duplicateName"];
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("validation", "A term with this name exists", { fieldErrors });
  }
}

async function assertRelatedInWorkspace(tx: Tx, workspaceId: string, ids: string[], selfId?: string) {
  const wanted = [...new Set(ids)].filter((id) => id !== selfId);
  if (wanted.length === 0) return [];
  const found = await tx.glossaryTerm.count({ where: { workspaceId, id: { in: wanted } } });
  if (found !== wanted.length) throw notFound();
  return wanted;
}

async function uniqueKey(tx: Tx, workspaceId: string, name: string) {
  const base = slugify(name).slice(0, 40) || "term";
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.glossaryTerm.findUnique({
      where: { workspaceId_key: { workspaceId, key } },
      select: { id: true },
    });
    if (!taken) return key;
  }
}

async function follow(tx: Tx | Db, termId: string, userId: string) {
  await tx.termFollower.upsert({
    where: { termId_userId: { termId, userId } },
    create: { termId, userId },
    update: {},
  });
}

async function followerIds(tx: Tx, termId: string) {
  const rows = await tx.termFollower.findMany({ where: { termId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** Anyone in the workspace proposes a new term; it starts as "proposed". */
export async function proposeTerm(actor: Actor, content: TermContent) {
  requirePermission(actor, "glossary.propose");
  const fields = revisionFields(content);
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, actor.workspaceId);
    await assertNamesFree(tx, actor.workspaceId, fields);
    fields.relatedTermIds = await assertRelatedInWorkspace(tx, actor.workspaceId, fields.relatedTermIds);
    const term = await tx.glossaryTerm.create({
      data: {
        workspaceId: actor.workspaceId,
        key: await uniqueKey(tx, actor.workspaceId, fields.nameEn || fields.nameIt),
        ...displayFields(fields),
      },
      select: { id: true, key: true },
    });
    const revision = await tx.termRevision.create({
      data: {
        workspaceId: actor.workspaceId,
        termId: term.id,
        number: 1,
        authorId: actor.userId,
        authorRole: actor.role,
        note: content.note,
        ...fields,
      },
      select: { id: true },
    });
    await follow(tx, term.id, actor.userId);
    await writeAudit(tx, actor, {
      action: "term.proposed",
      entityType: "GlossaryTerm",
      entityId: term.id,
      after: fields,
    });
    return { termId: term.id, revisionId: revision.id };
  });
}

/** A change to an existing term is a new pending revision; the agreed one stays in force meanwhile. */
export async function proposeRevision(actor: Actor, termId: string, content: TermContent) {
  requirePermission(actor, "glossary.propose");
  const fields = revisionFields(content);
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, actor.workspaceId);
    const term = await tx.glossaryTerm.findFirst({
      where: { id: termId, workspaceId: actor.workspaceId },
      select: { id: true, status: true, nameEn: true, nameIt: true },
    });
    if (!term) throw notFound();
    if (term.status === "DEPRECATED") throw new AppError("conflict", "This term is deprecated");
    await assertNamesFree(tx, actor.workspaceId, fields, term.id);
    fields.relatedTermIds = await assertRelatedInWorkspace(tx, actor.workspaceId, fields.relatedTermIds, term.id);
    const last = await tx.termRevision.aggregate({ where: { termId }, _max: { number: true } });
    const revision = await tx.termRevision.create({
      data: {
        workspaceId: actor.workspaceId,
        termId,
        number: (last._max.number ?? 0) + 1,
        authorId: actor.userId,
        authorRole: actor.role,
        note: content.note,
        ...fields,
      },
      select: { id: true, number: true },
    });
    if (term.status === "PROPOSED") {
      await tx.glossaryTerm.update({ where: { id: termId }, data: displayFields(fields) });
    }
    await follow(tx, termId, actor.userId);
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: await followerIds(tx, termId),
      exceptUserId: actor.userId,
      kind: "termChanged",
      params: { term: term.nameEn || term.nameIt, revision: revision.number },
      href: termHref(termId),
    });
    await writeAudit(tx, actor, {
      action: "term.revisionProposed",
      entityType: "GlossaryTerm",
      entityId: termId,
      after: { revision: revision.number, ...fields },
    });
    return { termId, revisionId: revision.id };
  });
}

/**
 * Records the actor's approval. When the approvals now satisfy the agreement
 * rule, the revision goes into force and the previous one is superseded.
 */
export async function approveRevision(actor: Actor, revisionId: string) {
  requirePermission(actor, "glossary.approve");
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, actor.workspaceId);
    const refusal = await approveInTx(tx, actor, revisionId);
    if (refusal === "notFound") throw notFound();
    if (refusal === "roleCannotApprove") throw new AppError("forbidden");
    if (typeof refusal === "string") throw new AppError("conflict", refusal, { params: { reason: refusal } });
    return refusal;
  });
}

/**
 * One approval, inside the caller's transaction (glossary locked): recorded, and when it completes the agreement
 * the revision comes into force. Returns why it was refused instead of throwing, so a set can skip what it may not.
 */
async function approveInTx(tx: Tx, actor: Actor, revisionId: string) {
  const revision = await tx.termRevision.findFirst({
    where: { id: revisionId, workspaceId: actor.workspaceId },
    include: {
      approvals: { select: { userId: true, role: true } },
      term: { select: { status: true, inForceRevisionId: true } },
    },
  });
  if (!revision) return "notFound" as const;
  const refusal = approvalRefusal({
    approverId: actor.userId,
    approverRole: actor.role,
    authorId: revision.authorId,
    revisionStatus: revision.term.status === "DEPRECATED" ? "CLOSED" : revision.status,
    approvals: revision.approvals,
  });
  if (refusal) return refusal;

  await tx.termApproval.create({ data: { revisionId, userId: actor.userId, role: actor.role } });
  const approvals: { role: Role }[] = [...revision.approvals, { role: actor.role }];
  const agreed = isAgreed({ authorRole: revision.authorRole, approvals });
  if (agreed) {
    if (revision.term.inForceRevisionId) {
      await tx.termRevision.update({
        where: { id: revision.term.inForceRevisionId },
        data: { status: "SUPERSEDED" },
      });
    }
    await tx.termRevision.update({ where: { id: revisionId }, data: { status: "AGREED", agreedAt: new Date() } });
    // Older open proposals were written against text that is no longer in force.
    await tx.termRevision.updateMany({
      where: { termId: revision.termId, status: "PENDING", number: { lt: revision.number } },
      data: { status: "SUPERSEDED" },
    });
    await tx.glossaryTerm.update({
      where: { id: revision.termId },
      data: { status: "AGREED", inForceRevisionId: revisionId, ...displayFields(revision) },
    });
  }
  await follow(tx, revision.termId, actor.userId);
  if (agreed) {
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: await followerIds(tx, revision.termId),
      exceptUserId: actor.userId,
      kind: "termAgreed",
      params: { term: revision.nameEn || revision.nameIt, revision: revision.number },
      href: termHref(revision.termId),
    });
    await emitWorkspaceEvent(tx, actor.workspaceId, "term.agreed", async () => ({
      term: {
        id: revision.termId,
        revision: revision.number,
        category: revision.category,
        name: { en: revision.nameEn, it: revision.nameIt },
        definition: { en: revision.definitionEn, it: revision.definitionIt },
        url: `${appUrl()}${termHref(revision.termId)}`,
      },
    }));
  }
  await writeAudit(tx, actor, {
    action: agreed ? "term.agreed" : "term.approved",
    entityType: "GlossaryTerm",
    entityId: revision.termId,
    after: { revision: revision.number, approverRole: actor.role },
  });
  return { agreed };
}

/** The starter glossary's proposals (no author) still open, on terms still in use. */
const openStarterProposals = (workspaceId: string) =>
  ({
    workspaceId,
    authorId: null,
    status: "PENDING",
    term: { status: { not: "DEPRECATED" } },
  }) satisfies Prisma.TermRevisionWhereInput;

/** The starter glossary's proposals still open, and how many of them this member may approve for their side. */
export async function starterSetStatus(actor: Actor) {
  requirePermission(actor, "glossary.read");
  const pending = await db.termRevision.findMany({
    where: openStarterProposals(actor.workspaceId),
    select: { approvals: { select: { userId: true, role: true } } },
  });
  const approvable = pending.filter(
    (r) =>
      approvalRefusal({
        approverId: actor.userId,
        approverRole: actor.role,
        authorId: null,
        revisionStatus: "PENDING",
        approvals: r.approvals,
      }) === null,
  ).length;
  return { pending: pending.length, approvable };
}

/**
 * The starter glossary agreed as a set: one step records this member's approval on every starter proposal still
 * open that they may approve (each approval recorded, as if given one by one). A term comes into force once the
 * other side (or a manager) has approved it too. All or nothing.
 */
export async function approveStarterSet(actor: Actor) {
  requirePermission(actor, "glossary.approve");
  return db.$transaction(
    async (tx) => {
      await lockGlossary(tx, actor.workspaceId);
      const pending = await tx.termRevision.findMany({
        where: openStarterProposals(actor.workspaceId),
        orderBy: { id: "asc" },
        select: { id: true },
      });
      let approved = 0;
      let agreed = 0;
      for (const { id } of pending) {
        const outcome = await approveInTx(tx, actor, id);
        if (typeof outcome === "string") continue;
        approved++;
        if (outcome.agreed) agreed++;
      }
      await writeAudit(tx, actor, {
        action: "glossary.starterSetApproved",
        entityType: "Workspace",
        entityId: actor.workspaceId,
        after: { approved, agreed, approverRole: actor.role },
      });
      return { approved, agreed };
    },
    { timeout: 60_000 },
  );
}

/** The author (or a manager) withdraws a pending revision. */
export async function withdrawRevision(actor: Actor, revisionId: string) {
  requirePermission(actor, "glossary.propose");
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, actor.workspaceId);
    const revision = await tx.termRevision.findFirst({
      where: { id: revisionId, workspaceId: actor.workspaceId },
      select: { id: true, termId: true, status: true, authorId: true, number: true },
    });
    if (!revision) throw notFound();
    if (revision.authorId !== actor.userId && actor.role !== "MANAGER") throw new AppError("forbidden");
    const updated = await tx.termRevision.updateMany({
      where: { id: revisionId, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    if (updated.count === 0) throw new AppError("conflict", "notPending", { params: { reason: "notPending" } });
    // Before any agreement the term shows its latest remaining proposal.
    const term = await tx.glossaryTerm.findUniqueOrThrow({ where: { id: revision.termId }, select: { status: true } });
    if (term.status === "PROPOSED") {
      const latest = await tx.termRevision.findFirst({
        where: { termId: revision.termId, status: "PENDING" },
        orderBy: { number: "desc" },
      });
      if (latest) await tx.glossaryTerm.update({ where: { id: revision.termId }, data: displayFields(latest) });
    }
    await writeAudit(tx, actor, {
      action: "term.revisionWithdrawn",
      entityType: "GlossaryTerm",
      entityId: revision.termId,
      after: { revision: revision.number },
    });
  });
}

export async function commentOnTerm(actor: Actor, termId: string, body: string) {
  requirePermission(actor, "glossary.comment");
  return db.$transaction(async (tx) => {
    const term = await tx.glossaryTerm.findFirst({
      where: { id: termId, workspaceId: actor.workspaceId },
      select: { id: true, nameEn: true, nameIt: true },
    });
    if (!term) throw notFound();
    const comment = await tx.termComment.create({
      data: { workspaceId: actor.workspaceId, termId, authorId: actor.userId, body },
      select: { id: true },
    });
    await follow(tx, termId, actor.userId);
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: await followerIds(tx, termId),
      exceptUserId: actor.userId,
      kind: "termCommented",
      params: { term: term.nameEn || term.nameIt },
      href: termHref(termId),
    });
    await writeAudit(tx, actor, {
      action: "term.commented",
      entityType: "GlossaryTerm",
      entityId: termId,
      after: { body },
    });
    return comment;
  });
}

export async function setFollowing(actor: Actor, termId: string, following: boolean) {
  requirePermission(actor, "glossary.read");
  const term = await db.glossaryTerm.findFirst({
    where: { id: termId, workspaceId: actor.workspaceId },
    select: { id: true },
  });
  if (!term) throw notFound();
  if (following) await follow(db, termId, actor.userId);
  else await db.termFollower.deleteMany({ where: { termId, userId: actor.userId } });
}

/** A manager retires a term, optionally pointing to the term that replaces it. */
export async function deprecateTerm(actor: Actor, termId: string, replacedByTermId: string | null) {
  requirePermission(actor, "glossary.deprecate");
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, actor.workspaceId);
    const term = await tx.glossaryTerm.findFirst({
      where: { id: termId, workspaceId: actor.workspaceId },
      select: { id: true, status: true, nameEn: true, nameIt: true },
    });
    if (!term) throw notFound();
    if (term.status === "DEPRECATED") throw new AppError("conflict", "Already deprecated");
    if (replacedByTermId) {
      if (replacedByTermId === termId)
        throw new AppError("validation", "A term cannot replace itself", {
          fieldErrors: { replacedByTermId: ["invalid"] },
        });
      const replacement = await tx.glossaryTerm.findFirst({
        where: { id: replacedByTermId, workspaceId: actor.workspaceId, status: { not: "DEPRECATED" } },
        select: { id: true },
      });
      if (!replacement) throw notFound();
    }
    await tx.glossaryTerm.update({
      where: { id: termId },
      data: { status: "DEPRECATED", deprecatedAt: new Date(), deprecatedById: actor.userId, replacedByTermId },
    });
    await tx.termRevision.updateMany({ where: { termId, status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: await followerIds(tx, termId),
      exceptUserId: actor.userId,
      kind: "termDeprecated",
      params: { term: term.nameEn || term.nameIt },
      href: termHref(termId),
    });
    await writeAudit(tx, actor, {
      action: "term.deprecated",
      entityType: "GlossaryTerm",
      entityId: termId,
      before: { status: term.status },
      after: { status: "DEPRECATED", replacedByTermId },
    });
  });
}

/** A new workspace starts with the starter glossary, every term proposed so the team agrees it itself. */
export async function installStarterGlossary(tx: Tx, workspaceId: string) {
  const existing = await tx.glossaryTerm.count({ where: { workspaceId } });
  if (existing > 0) return;
  const ids = new Map<string, string>();
  for (const starter of STARTER_TERMS) {
    const term = await tx.glossaryTerm.create({
      data: {
        workspaceId,
        key: starter.key,
        category: starter.category,
        nameEn: starter.en.name,
        nameIt: starter.it.name,
        synonymsEn: starter.en.synonyms,
        synonymsIt: starter.it.synonyms,
        definitionEn: starter.en.definition,
        definitionIt: starter.it.definition,
      },
      select: { id: true },
    });
    ids.set(starter.key, term.id);
  }
  for (const starter of STARTER_TERMS) {
    const termId = ids.get(starter.key) as string;
    const relatedTermIds = starter.related.map((key) => ids.get(key)).filter((id): id is string => Boolean(id));
    await tx.glossaryTerm.update({ where: { id: termId }, data: { relatedTermIds } });
    await tx.termRevision.create({
      data: {
        workspaceId,
        termId,
        number: 1,
        category: starter.category,
        nameEn: starter.en.name,
        nameIt: starter.it.name,
        synonymsEn: starter.en.synonyms,
        synonymsIt: starter.it.synonyms,
        definitionEn: starter.en.definition,
        definitionIt: starter.it.definition,
        exampleEn: starter.en.example,
        exampleIt: starter.it.example,
        relatedTermIds,
        note: "Starter glossary",
      },
    });
  }
}
