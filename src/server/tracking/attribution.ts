import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Channel } from "@/generated/prisma/enums";
import { db, type Tx } from "@/server/db";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import { scoringInputs } from "@/server/leads/scoring-context";
import { applyScore } from "@/server/leads/service";
import { logger } from "@/server/logger";
import {
  eventTypeFor,
  ownHosts,
  parseRules,
  type Touch,
  touchOf,
  ZChannelRule,
  ZUrlRule,
} from "@/server/tracking/rules";
import { emitQualified } from "@/server/webhooks/emit";

/**
 * Page views become a lead's events: when a form names the visitor (their
 * anonymous views from before), and afterwards for every view of that
 * visitor (the attribution job, every few seconds). Each view is an event of
 * the type the URL rules give it; a view that starts a visit (UTM parameters,
 * another site's referrer, or the visitor's first page) is a touch: the lead
 * keeps its first and last touch, and a touch of a known campaign carries it,
 * which is what the ROI attribution counts.
 */

/** The most views one lead takes at once (a long anonymous history keeps its latest pages, and all its touches). */
const MAX_EVENTS = 500;
/** Touches from the same source this close together are one visit. */
const SAME_VISIT_MS = 30 * 60_000;
/** The most waiting views one lead takes at once. */
const MAX_TAKEN = 2_000;
/** The job's catch-up for views written while their visitor was being identified by another server. */
const RACE_WINDOW_MS = 10 * 60_000;

type ViewRow = {
  url: string;
  title: string;
  referrer: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  occurredAt: Date;
  visitorId: string;
};

/**
 * Names the visitor as this lead (a form submission) and turns their waiting
 * page views into the lead's events. Runs in the submission's transaction,
 * before the lead is scored, so the views count in that one scoring.
 */
export async function identifyVisitor(
  tx: Tx,
  input: { workspaceId: string; visitorId: string; leadId: string; isNew: boolean; now: Date },
) {
  // The last lead to submit from a browser owns its later views (a shared computer changes hands).
  await tx.trackedVisitor.upsert({
    where: { workspaceId_visitorId: { workspaceId: input.workspaceId, visitorId: input.visitorId } },
    create: { ...pick(input), identifiedAt: input.now },
    update: { leadId: input.leadId, identifiedAt: input.now },
  });
  return convertViews(tx, input);
}

function pick(input: { workspaceId: string; visitorId: string; leadId: string }) {
  return { workspaceId: input.workspaceId, visitorId: input.visitorId, leadId: input.leadId };
}

/** Takes (deletes) the lead's waiting views and the visitor's anonymous ones, and records them on the lead. */
async function convertViews(
  tx: Tx,
  input: { workspaceId: string; leadId: string; visitorId?: string; isNew: boolean },
): Promise<{ views: number }> {
  // The latest MAX_TAKEN views at most (a long or forged history cannot hold a submission up); older ones are dropped.
  const taken = await tx.$queryRaw<ViewRow[]>`
    WITH mine AS (
      SELECT id FROM "PageView"
      WHERE "workspaceId" = ${input.workspaceId}
        AND ("leadId" = ${input.leadId} OR ("visitorId" = ${input.visitorId ?? null} AND "leadId" IS NULL))
    ), kept AS (
      SELECT p.id FROM "PageView" p JOIN mine USING (id) ORDER BY p."occurredAt" DESC LIMIT ${MAX_TAKEN}
    ), dropped AS (
      DELETE FROM "PageView" p USING mine WHERE p.id = mine.id AND p.id NOT IN (SELECT id FROM kept)
    )
    DELETE FROM "PageView" p USING kept WHERE p.id = kept.id
    RETURNING p.url, p.title, p.referrer, p."utmSource", p."utmMedium", p."utmCampaign", p."occurredAt", p."visitorId"`;
  if (taken.length === 0) return { views: 0 };
  const views = taken.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

  const [site, lead, custom] = await Promise.all([
    tx.trackingSite.findUnique({ where: { workspaceId: input.workspaceId } }),
    tx.lead.findUniqueOrThrow({
      where: { id: input.leadId },
      select: { firstTouch: true, lastTouch: true, erasedAt: true },
    }),
    tx.leadEventType.findMany({ where: { workspaceId: input.workspaceId }, select: { key: true } }),
  ]);
  if (lead.erasedAt) return { views: 0 };
  const urlRules = parseRules(ZUrlRule, site?.urlRules);
  const channelRules = parseRules(ZChannelRule, site?.channelRules);
  const hosts = ownHosts(site?.allowedOrigins ?? []);
  const known = new Set<string>([...BUILT_IN_EVENT_TYPES, ...custom.map((type) => type.key)]);

  let previous: Touch | null = (lead.lastTouch as Touch | null) ?? null;
  const read = views.map((view, index) => {
    let touch = touchOf(view, channelRules, {
      ownHosts: hosts,
      firstOfVisitor: index === 0 && lead.firstTouch === null,
    });
    // A reload of the tagged landing page, or a return through the same ad within the half hour, is the same touch.
    if (
      touch &&
      previous &&
      sameSource(touch, previous) &&
      Date.parse(touch.at) - Date.parse(previous.at) < SAME_VISIT_MS
    )
      touch = null;
    if (touch) previous = touch;
    const type = eventTypeFor(view.url, urlRules);
    // A rule naming a type the workspace has since deleted falls back to a plain page view.
    return { view, type: known.has(type) ? type : "PAGE_VIEWED", touch };
  });
  const campaigns = await campaignsByName(
    tx,
    input.workspaceId,
    read.flatMap((r) => (r.touch?.campaign ? [r.touch.campaign] : [])),
  );
  const recorded = read.filter((r, index) => r.touch !== null || index >= read.length - MAX_EVENTS);
  await tx.leadEvent.createMany({
    data: recorded.map(({ view, type, touch }) => ({
      workspaceId: input.workspaceId,
      leadId: input.leadId,
      type,
      occurredAt: view.occurredAt,
      properties: eventProperties(view, touch) as Prisma.InputJsonValue,
      campaignId: touch?.campaign ? (campaigns.get(touch.campaign.toLowerCase())?.id ?? null) : null,
    })),
  });

  const touches = read.flatMap((r) => (r.touch ? [r.touch] : []));
  if (touches.length > 0) {
    const first = touches[0] as Touch;
    const last = touches[touches.length - 1] as Touch;
    const keptLast = lead.lastTouch as Touch | null;
    const firstCampaign = first.campaign ? campaigns.get(first.campaign.toLowerCase()) : undefined;
    await tx.lead.update({
      where: { id: input.leadId },
      data: {
        ...(lead.firstTouch === null ? { firstTouch: first as unknown as Prisma.InputJsonValue } : {}),
        ...(!keptLast || keptLast.at <= last.at ? { lastTouch: last as unknown as Prisma.InputJsonValue } : {}),
        // A lead the website just brought in came through its first touch (not the form's default channel).
        ...(input.isNew && lead.firstTouch === null
          ? { channel: first.channel as Channel, ...(firstCampaign ? { campaignId: firstCampaign.id } : {}) }
          : {}),
      },
    });
  }
  return { views: views.length };
}

function sameSource(a: Touch, b: Touch) {
  return a.channel === b.channel && a.source === b.source && a.medium === b.medium && a.campaign === b.campaign;
}

function eventProperties(view: ViewRow, touch: Touch | null) {
  const properties: Record<string, string> = { url: view.url, visitorId: view.visitorId };
  if (view.title) properties.title = view.title;
  if (touch) {
    properties.touchChannel = touch.channel;
    if (view.referrer) properties.referrer = view.referrer;
    if (touch.source) properties.utmSource = touch.source;
    if (touch.medium) properties.utmMedium = touch.medium;
    if (touch.campaign) properties.utmCampaign = touch.campaign;
  }
  return properties;
}

/** The workspace's campaigns a UTM campaign names (without case): only existing ones, a URL cannot create any. */
async function campaignsByName(tx: Tx, workspaceId: string, names: string[]) {
  const wanted = [...new Set(names.map((name) => name.toLowerCase()))];
  if (wanted.length === 0) return new Map<string, { id: string; channel: Channel }>();
  const rows = await tx.$queryRaw<{ id: string; name: string; channel: Channel }[]>`
    SELECT id, name, channel FROM "Campaign"
    WHERE "workspaceId" = ${workspaceId} AND lower(name) = ANY(${wanted}::text[]) AND "archivedAt" IS NULL`;
  return new Map(rows.map((row) => [row.name.toLowerCase(), row]));
}

/**
 * The attribution job: views of identified visitors become their leads'
 * events, and those leads are re-scored (an MQL crossing hands them off, as
 * any event does). Returns how many leads it updated.
 */
export async function attributePending(now = new Date(), limit = 200): Promise<number> {
  await db.$executeRaw`
    UPDATE "PageView" pv SET "leadId" = tv."leadId"
    FROM "TrackedVisitor" tv
    WHERE pv."leadId" IS NULL AND pv."occurredAt" > ${new Date(now.getTime() - RACE_WINDOW_MS)}
      AND tv."workspaceId" = pv."workspaceId" AND tv."visitorId" = pv."visitorId"`;
  const pending = await db.$queryRaw<{ workspaceId: string; leadId: string }[]>`
    SELECT "workspaceId", "leadId" FROM "PageView" WHERE "leadId" IS NOT NULL
    GROUP BY 1, 2 ORDER BY min(id) LIMIT ${limit}`;
  let updated = 0;
  for (const { workspaceId, leadId } of pending) {
    try {
      await db.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Lead" WHERE id = ${leadId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
        if (locked.length === 0) {
          // The lead is gone: so are the views waiting for it.
          await tx.pageView.deleteMany({ where: { workspaceId, leadId } });
          return;
        }
        const { views } = await convertViews(tx, { workspaceId, leadId, isNew: false });
        if (views === 0) return;
        const scoring = await scoringInputs(tx, workspaceId);
        const scored = await applyScore(tx, {
          leadId,
          model: scoring.model,
          personas: scoring.personas,
          actorUserId: null,
          now,
        });
        await emitQualified(tx, workspaceId, scored.handoffs, now);
        updated += 1;
      });
    } catch (error) {
      logger.warn("tracking.attributionFailed", { error, leadId });
    }
  }
  return updated;
}

/** Anonymous views nobody identified are kept this long, then dropped (daily job). */
export const ANONYMOUS_VIEW_DAYS = 180;

export async function pruneAnonymousViews(now = new Date()): Promise<number> {
  return db.pageView
    .deleteMany({
      where: { leadId: null, occurredAt: { lt: new Date(now.getTime() - ANONYMOUS_VIEW_DAYS * 86_400_000) } },
    })
    .then((result) => result.count);
}
