import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { personaFits, publishedModel } from "@/server/leads/scoring-context";
import { becomesMql, type ScoreResult, type ScoringModel } from "@/server/scoring/engine";
import { type RescoreSummary, scoreChanged, scoredBatches } from "@/server/scoring/rescore";
import { createRescore, runRescore, startInBackground } from "@/server/scoring/rescores";
import { ZScoringModelDefinition } from "@/server/scoring/schema";
import { emitWorkspaceEvent } from "@/server/webhooks/emit";

const asJson = (model: ScoringModel) => model as unknown as Prisma.InputJsonValue;

const personas = (workspaceId: string) => personaFits(db, workspaceId);

/** The published model, the draft (if any) and every version, newest first. */
export async function getScoringModels(actor: Actor) {
  requirePermission(actor, "rules.read");
  const published = await db.$transaction((tx) => publishedModel(tx, actor.workspaceId));
  const versions = await db.scoringModel.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { version: "desc" },
  });
  const userIds = [
    ...new Set(versions.flatMap((v) => [v.createdById, v.publishedById]).filter((id): id is string => Boolean(id))),
  ];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const withNames = versions.map((v) => ({
    ...v,
    definition: ZScoringModelDefinition.parse(v.definition),
    createdBy: v.createdById ? (names.get(v.createdById) ?? null) : null,
    publishedBy: v.publishedById ? (names.get(v.publishedById) ?? null) : null,
  }));
  return {
    published: withNames.find((v) => v.id === published.id) ?? null,
    draft: withNames.find((v) => v.status === "DRAFT") ?? null,
    versions: withNames,
  };
}

/** Saves the workspace's one draft (created as the next version number when none exists). */
export async function saveDraft(actor: Actor, input: { definition: ScoringModel; note: string }) {
  requirePermission(actor, "rules.edit");
  return db.$transaction(async (tx) => {
    await publishedModel(tx, actor.workspaceId);
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`scoring:${actor.workspaceId}`}, 0))`;
    const draft = await tx.scoringModel.findFirst({ where: { workspaceId: actor.workspaceId, status: "DRAFT" } });
    const saved = draft
      ? await tx.scoringModel.update({
          where: { id: draft.id },
          data: { definition: asJson(input.definition), note: input.note },
        })
      : await tx.scoringModel.create({
          data: {
            workspaceId: actor.workspaceId,
            version:
              ((await tx.scoringModel.aggregate({ where: { workspaceId: actor.workspaceId }, _max: { version: true } }))
                ._max.version ?? 0) + 1,
            status: "DRAFT",
            definition: asJson(input.definition),
            note: input.note,
            createdById: actor.userId,
          },
        });
    await writeAudit(tx, actor, {
      action: "scoring.draftSaved",
      entityType: "ScoringModel",
      entityId: saved.id,
      before: draft?.definition,
      after: input.definition,
    });
    return { id: saved.id, version: saved.version };
  });
}

/** Copies any version into the draft, to start from it. */
export async function restoreAsDraft(actor: Actor, version: number) {
  requirePermission(actor, "rules.edit");
  const source = await db.scoringModel.findUnique({
    where: { workspaceId_version: { workspaceId: actor.workspaceId, version } },
  });
  if (!source) throw notFound();
  return saveDraft(actor, {
    definition: ZScoringModelDefinition.parse(source.definition),
    note: `Restored from version ${version}`,
  });
}

export type PreviewBreakdown = { key: string; published: number; draft: number };
export type Preview = {
  leads: number;
  /** Leads meeting the MQL criteria now (their stored scores), and under the draft. */
  published: number;
  draft: number;
  /** Leads the publish makes MQL now, each handed to sales (one handoff each). */
  newMqls: number;
  /** Leads whose stored score the publish rewrites. */
  changed: number;
  byPersona: PreviewBreakdown[];
  byChannel: PreviewBreakdown[];
  /** Leads whose qualification changes, those becoming MQL first (at most 20 shown). */
  sample: {
    id: string;
    email: string;
    publishedScore: number;
    draftScore: number;
    publishedQualifies: boolean;
    draftQualifies: boolean;
    becomesMql: boolean;
  }[];
};

const PREVIEW_SAMPLE = 20;

/**
 * What publishing the draft will do to the real leads, computed as the publish computes it: each lead scored
 * with the draft and today's persona matching (a persona saved since the last scoring counts), compared with
 * its stored score — how many will meet the MQL criteria, which change, and which become MQL now (and go to
 * sales). By persona and channel. Nothing is written.
 */
export async function previewDraft(actor: Actor, now = new Date()): Promise<Preview> {
  requirePermission(actor, "rules.edit");
  const draft = await db.scoringModel.findFirst({ where: { workspaceId: actor.workspaceId, status: "DRAFT" } });
  if (!draft) throw new AppError("notFound", "There is no draft to preview");
  const preview: Preview = {
    leads: 0,
    published: 0,
    draft: 0,
    newMqls: 0,
    changed: 0,
    byPersona: [],
    byChannel: [],
    sample: [],
  };
  const persona = new Map<string, PreviewBreakdown>();
  const channel = new Map<string, PreviewBreakdown>();
  const bump = (map: Map<string, PreviewBreakdown>, key: string, was: boolean, will: boolean) => {
    const row = map.get(key) ?? { key, published: 0, draft: 0 };
    if (was) row.published++;
    if (will) row.draft++;
    map.set(key, row);
  };
  const crossing: Preview["sample"] = [];
  const other: Preview["sample"] = [];
  for await (const batch of scoredBatches({
    workspaceId: actor.workspaceId,
    models: [ZScoringModelDefinition.parse(draft.definition)],
    personas: await personas(actor.workspaceId),
    now,
    readPrevious: true,
  })) {
    for (const { lead, stored, personaId, results } of batch) {
      const will = results[0] as ScoreResult;
      const was = lead.qualifies;
      const crosses = becomesMql({ qualifiedBefore: was, result: will, stage: lead.stage });
      preview.leads++;
      if (was) preview.published++;
      if (will.qualifies) preview.draft++;
      if (crosses) preview.newMqls++;
      if (scoreChanged(stored, will)) preview.changed++;
      bump(persona, personaId ?? "", was, will.qualifies);
      bump(channel, lead.channel, was, will.qualifies);
      if (was !== will.qualifies) {
        const list = crosses ? crossing : other;
        if (list.length < PREVIEW_SAMPLE) {
          list.push({
            id: lead.id,
            email: lead.email,
            publishedScore: stored?.total ?? 0,
            draftScore: will.total,
            publishedQualifies: was,
            draftQualifies: will.qualifies,
            becomesMql: crosses,
          });
        }
      }
    }
  }
  preview.sample = [...crossing, ...other].slice(0, PREVIEW_SAMPLE);
  const sorted = (map: Map<string, PreviewBreakdown>) =>
    [...map.values()].sort((a, b) => b.draft + b.published - (a.draft + a.published));
  preview.byPersona = sorted(persona);
  preview.byChannel = sorted(channel);
  return preview;
}

/**
 * Publishes the draft (recording who and why) and re-scores every lead with it, waiting for the re-score (the CLI,
 * the bench, tests). The rules page uses startPublish.
 */
export async function publishDraft(
  actor: Actor,
  input: { note: string },
  now = new Date(),
): Promise<{ version: number; rescoreId: string } & RescoreSummary> {
  const { version, rescore } = await publishVersion(actor, input);
  const summary = await runRescore(rescore, { now });
  return { version, rescoreId: rescore.id, ...summary };
}

/**
 * Publishes the draft and starts its re-score in the background (at 10M leads it takes minutes): the page shows
 * its progress (scoring/rescores.ts says what people see meanwhile).
 */
export async function startPublish(actor: Actor, input: { note: string }) {
  const { version, rescore } = await publishVersion(actor, input);
  startInBackground(rescore);
  return { version, rescoreId: rescore.id, total: rescore.total };
}

/**
 * The publish itself: the draft becomes the published version, with its re-score's progress row (to be run by
 * runRescore; tests run it in small batches).
 */
export async function publishVersion(actor: Actor, input: { note: string }) {
  requirePermission(actor, "rules.publish");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`scoring:${actor.workspaceId}`}, 0))`;
    const draft = await tx.scoringModel.findFirst({ where: { workspaceId: actor.workspaceId, status: "DRAFT" } });
    if (!draft) throw new AppError("conflict", "There is no draft to publish", { params: { reason: "noDraft" } });
    const previous = await tx.scoringModel.findFirst({
      where: { workspaceId: actor.workspaceId, status: "PUBLISHED" },
    });
    if (previous) await tx.scoringModel.update({ where: { id: previous.id }, data: { status: "RETIRED" } });
    const published = await tx.scoringModel.update({
      where: { id: draft.id },
      data: {
        status: "PUBLISHED",
        publishedAt: new Date(),
        publishedById: actor.userId,
        note: input.note || draft.note,
      },
    });
    await writeAudit(tx, actor, {
      action: "scoring.published",
      entityType: "ScoringModel",
      entityId: published.id,
      before: previous ? { version: previous.version } : undefined,
      after: { version: published.version, note: published.note },
    });
    const definition = ZScoringModelDefinition.parse(published.definition);
    await emitWorkspaceEvent(tx, actor.workspaceId, "model.published", async () => ({
      model: {
        version: published.version,
        publishedAt: published.publishedAt,
        publishedBy: { id: actor.userId },
        note: published.note,
        definition,
      },
    }));
    const rescore = await createRescore(tx, {
      workspaceId: actor.workspaceId,
      scoringModelId: published.id,
      reason: "PUBLISH",
      startedById: actor.userId,
    });
    return { version: published.version, rescore };
  });
}
