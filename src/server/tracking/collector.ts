import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

/**
 * The collector behind `/t.js`: takes a page-view beacon, checks it cheaply in
 * memory and answers at once; the views are written by one multi-row INSERT
 * every FLUSH_MS (or sooner when many wait). So a flood costs the app one
 * INSERT per batch, never a database round trip per beacon, and everything a
 * site or a visitor can send is bounded: per visitor, per site, and the queue
 * itself (beyond it views are dropped and counted, the app stays responsive).
 * A view still queued when the process dies is lost: analytics, not records.
 */

export const MAX_BEACON_BYTES = 4_096;
const FLUSH_MS = 250;
const BATCH = 1_000;
/** About four seconds of the most this machine inserts: a longer backlog is a flood, not traffic. */
const MAX_QUEUE = 20_000;
const PER_VISITOR = { limit: 60, windowMs: 60_000 };
// Below what one server's HTTP stack takes (~600/s measured): one site cannot fill the queue for the others.
const perSite = () => ({ limit: env().TRACKING_SITE_VIEWS_PER_SECOND, windowMs: 1_000 });
/** Database reads for site keys not in the cache, per second: random keys cannot turn beacons into queries. */
const SITE_LOOKUPS = { limit: 50, windowMs: 1_000 };
const SITE_CACHE_MS = 30_000;

/** Crawlers, monitors, scripted browsers and HTTP libraries say so in their user agent. */
const BOT =
  /bot|crawl|spider|slurp|headless|phantom|puppeteer|selenium|lighthouse|preview|curl|wget|python|httpclient|java\/|go-http|okhttp|node-fetch|axios/i;

const ZBeacon = z.object({
  /** The site's public key. */
  s: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The visitor's anonymous id. */
  v: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The visitor consented (the site called consent). */
  c: z.boolean().optional(),
  u: z
    .string()
    .max(2_000)
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
  t: z.string().max(300).optional(),
  r: z.string().max(2_000).optional(),
});

export type DropReason =
  | "bot"
  | "invalid"
  | "unknownSite"
  | "origin"
  | "consent"
  | "visitorLimit"
  | "siteLimit"
  | "queueFull"
  | "writeFailed";

type Site = { workspaceId: string; requireConsent: boolean; allowedOrigins: string[] };
type QueuedView = {
  workspaceId: string;
  visitorId: string;
  url: string;
  title: string;
  referrer: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  occurredAt: Date;
};

function freshState() {
  return {
    queue: [] as QueuedView[],
    sites: new Map<string, { site: Site | null; until: number }>(),
    counters: new Map<string, { count: number; until: number }>(),
    flushing: null as Promise<void> | null,
    timer: null as NodeJS.Timeout | null,
    accepted: 0,
    written: 0,
    dropped: {} as Partial<Record<DropReason, number>>,
  };
}
// One queue and one cache per process: the route handlers and the pages are bundled apart, each with its own copy
// of this module, and must share them (as the database pool does).
const globalForCollector = globalThis as unknown as { smarketingCollector?: ReturnType<typeof freshState> };
globalForCollector.smarketingCollector ??= freshState();
const state = globalForCollector.smarketingCollector;

/** What this process accepted, wrote and dropped since it started (the bench and tests read it). */
export function collectorStats() {
  return {
    accepted: state.accepted,
    written: state.written,
    queued: state.queue.length,
    dropped: { ...state.dropped },
  };
}

function drop(reason: DropReason, count = 1): DropReason {
  state.dropped[reason] = (state.dropped[reason] ?? 0) + count;
  return reason;
}

/** Forgets the cached site settings (after the marketer saves them, so this process sees them at once). */
export function forgetSite(publicKey?: string) {
  if (publicKey) state.sites.delete(publicKey);
  else state.sites.clear();
}

async function siteFor(publicKey: string, now: number): Promise<Site | null> {
  const cached = state.sites.get(publicKey);
  if (cached && cached.until > now) return cached.site;
  if (!within("lookups", SITE_LOOKUPS, now)) return null;
  const row = await db.trackingSite.findUnique({
    where: { publicKey },
    select: { workspaceId: true, requireConsent: true, allowedOrigins: true },
  });
  if (state.sites.size > 10_000) {
    // Unknown keys go first: the real sites stay cached.
    for (const [key, entry] of state.sites) if (!entry.site) state.sites.delete(key);
    if (state.sites.size > 10_000) state.sites.clear();
  }
  state.sites.set(publicKey, { site: row, until: now + SITE_CACHE_MS });
  return row;
}

/** A fixed window counter in this process's memory (cleared wholesale when it grows, so it stays bounded). */
function within(key: string, limit: { limit: number; windowMs: number }, now: number): boolean {
  const counter = state.counters.get(key);
  if (!counter || counter.until <= now) {
    if (state.counters.size > 100_000) state.counters.clear();
    state.counters.set(key, { count: 1, until: now + limit.windowMs });
    return true;
  }
  counter.count += 1;
  return counter.count <= limit.limit;
}

export type BeaconContext = { origin: string | null; userAgent: string; now?: Date };

/**
 * Takes one beacon (the request body as text). Returns null when the view was
 * queued, else why it was dropped. The caller answers 204 either way: a bot
 * learns nothing from the answer.
 */
export async function collect(body: string, context: BeaconContext): Promise<DropReason | null> {
  const now = context.now ?? new Date();
  if (!context.userAgent || BOT.test(context.userAgent)) return drop("bot");
  if (body.length > MAX_BEACON_BYTES) return drop("invalid");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return drop("invalid");
  }
  const parsed = ZBeacon.safeParse(json);
  if (!parsed.success) return drop("invalid");
  const beacon = parsed.data;
  const site = await siteFor(beacon.s, now.getTime());
  if (!site) return drop("unknownSite");
  // A browser names the page's origin on a cross-site POST: it must be a listed site and the page's own. Under a
  // strict Referrer-Policy (no-referrer) the browser says "null": then the page's address must be on a listed site.
  const pageOrigin = new URL(beacon.u).origin;
  const origin = context.origin?.toLowerCase() ?? "";
  const named = origin !== "" && origin !== "null" ? origin : pageOrigin;
  if (!site.allowedOrigins.includes(named) || pageOrigin !== named) return drop("origin");
  if (site.requireConsent && beacon.c !== true) return drop("consent");
  if (!within(`s:${site.workspaceId}`, perSite(), now.getTime())) return drop("siteLimit");
  if (!within(`v:${site.workspaceId}:${beacon.v}`, PER_VISITOR, now.getTime())) return drop("visitorLimit");
  if (state.queue.length >= MAX_QUEUE) return drop("queueFull");

  const params = new URL(beacon.u).searchParams;
  const utm = (name: string) => (params.get(`utm_${name}`) ?? "").trim().slice(0, 200);
  state.queue.push({
    workspaceId: site.workspaceId,
    visitorId: beacon.v,
    url: beacon.u,
    title: (beacon.t ?? "").slice(0, 300),
    referrer: beacon.r && URL.canParse(beacon.r) ? beacon.r : "",
    utmSource: utm("source"),
    utmMedium: utm("medium"),
    utmCampaign: utm("campaign"),
    occurredAt: now,
  });
  state.accepted += 1;
  scheduleFlush();
  return null;
}

function scheduleFlush() {
  if (state.queue.length >= BATCH) {
    void flushNow();
    return;
  }
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void flushNow();
  }, FLUSH_MS);
  state.timer.unref();
}

/**
 * Writes what is queued, a batch per INSERT, one flush at a time. A view of a
 * visitor a form already identified is written with that lead's id (the
 * attribution job then makes it one of the lead's events).
 */
export async function flushNow(): Promise<void> {
  if (state.flushing) {
    await state.flushing;
    if (state.queue.length === 0) return;
  }
  state.flushing = (async () => {
    // What is queued now, not what keeps arriving: a caller waits for a bounded amount of work.
    let remaining = state.queue.length;
    while (remaining > 0 && state.queue.length > 0) {
      const batch = state.queue.splice(0, Math.min(BATCH, remaining));
      remaining -= batch.length;
      try {
        await insertViews(batch);
        state.written += batch.length;
      } catch (error) {
        drop("writeFailed", batch.length);
        logger.error("tracking.flushFailed", { error, views: batch.length });
      }
    }
  })();
  try {
    await state.flushing;
  } finally {
    state.flushing = null;
  }
}

async function insertViews(batch: QueuedView[]) {
  const column = (key: Exclude<keyof QueuedView, "occurredAt">) => batch.map((view) => view[key]);
  await db.$executeRaw`
    INSERT INTO "PageView" ("workspaceId", "visitorId", url, title, referrer, "utmSource", "utmMedium", "utmCampaign",
      "occurredAt", "leadId")
    SELECT v.w, v.visitor, v.url, v.title, v.referrer, v.source, v.medium, v.campaign,
      v.at::timestamptz AT TIME ZONE 'UTC', tv."leadId"
    FROM unnest(${column("workspaceId")}::text[], ${column("visitorId")}::text[], ${column("url")}::text[],
      ${column("title")}::text[], ${column("referrer")}::text[], ${column("utmSource")}::text[],
      ${column("utmMedium")}::text[], ${column("utmCampaign")}::text[], ${batch.map((view) => view.occurredAt.toISOString())}::text[])
      AS v(w, visitor, url, title, referrer, source, medium, campaign, at)
    LEFT JOIN "TrackedVisitor" tv ON tv."workspaceId" = v.w AND tv."visitorId" = v.visitor`;
}
