import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { starterDefinition } from "@/server/forms/schema";
import { createForm } from "@/server/forms/service";
import { startStamp, submitForm } from "@/server/forms/submit";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { roiMetrics } from "@/server/metrics/roi";
import { eraseLead } from "@/server/privacy/service";
import { freshWorkspace } from "@/server/seed/factories";
import { attributePending, pruneAnonymousViews } from "@/server/tracking/attribution";
import { collect, collectorStats, flushNow } from "@/server/tracking/collector";
import { trackingSettings, updateTrackingSettings } from "@/server/tracking/service";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
const SITE = "https://www.acme.example";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";
let serial = 0;

/** A workspace whose tracking accepts views from SITE (consent required, the default rules). */
async function trackedWorkspace() {
  const ws = await freshWorkspace();
  const settings = await trackingSettings(ws.marketer);
  await updateTrackingSettings(ws.marketer, {
    requireConsent: true,
    allowedOrigins: [SITE],
    urlRules: settings.urlRules,
    channelRules: settings.channelRules,
  });
  return { ws, key: settings.publicKey };
}

/** The part of the settings a marketer edits. */
async function editable(ws: Ws) {
  const { requireConsent, allowedOrigins, urlRules, channelRules } = await trackingSettings(ws.marketer);
  return { requireConsent, allowedOrigins, urlRules, channelRules };
}

const visitor = () => `visitor${++serial}${Date.now().toString(36)}`;

function beacon(key: string, vid: string, url: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ s: key, v: vid, c: true, u: url, t: "Acme", r: "", ...extra });
}

const browser = (now = new Date()) => ({ origin: SITE, userAgent: CHROME, now });

async function viewsOf(ws: Ws, vid: string) {
  await flushNow();
  return db.pageView.findMany({ where: { workspaceId: ws.workspace.id, visitorId: vid }, orderBy: { id: "asc" } });
}

async function submitDemo(ws: Ws, vid: string | null, email: string, shown: Date) {
  const form = await createForm(ws.marketer, {
    name: `Demo ${++serial}`,
    definition: { ...starterDefinition(), allowedOrigins: [SITE], channel: "OTHER" },
  });
  const row = await db.leadForm.findUniqueOrThrow({ where: { id: form.id } });
  const raw: Record<string, string> = {
    started: startStamp(row.id, shown),
    email,
    name: "Giulia",
    company: "Ferro",
    consent: "on",
  };
  if (vid) raw.vid = vid;
  return submitForm(row.publicId, raw, {
    ip: `10.1.0.${++serial}`,
    origin: SITE,
    page: `${SITE}/demo`,
    locale: "en",
    now: new Date(shown.getTime() + 8_000),
  });
}

describe("the page-view collector", () => {
  it("queues a browser's view and writes it with its UTM parameters in one batch", async () => {
    const { ws, key } = await trackedWorkspace();
    const vid = visitor();
    const url = `${SITE}/pricing?utm_source=Google&utm_medium=cpc&utm_campaign=Spring`;
    expect(await collect(beacon(key, vid, url, { r: "https://www.google.it/" }), browser())).toBeNull();
    const [view] = await viewsOf(ws, vid);
    expect(view).toMatchObject({
      url,
      title: "Acme",
      referrer: "https://www.google.it/",
      utmSource: "Google",
      utmMedium: "cpc",
      utmCampaign: "Spring",
      leadId: null,
    });
  });

  it("drops bots, unknown sites, other origins, views without consent, and malformed or oversized beacons", async () => {
    const { ws, key } = await trackedWorkspace();
    const vid = visitor();
    const ok = beacon(key, vid, `${SITE}/`);
    expect(await collect(ok, { ...browser(), userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" })).toBe(
      "bot",
    );
    expect(await collect(ok, { ...browser(), userAgent: "" })).toBe("bot");
    expect(await collect(beacon("unknownsitekey", vid, `${SITE}/`), browser())).toBe("unknownSite");
    expect(await collect(ok, { ...browser(), origin: "https://evil.example" })).toBe("origin");
    // A site with Referrer-Policy no-referrer makes the browser say "null": the page's own address must be listed.
    expect(await collect(beacon(key, vid, "https://evil.example/"), { ...browser(), origin: "null" })).toBe("origin");
    expect(await collect(beacon(key, vid, "https://evil.example/"), browser())).toBe("origin");
    expect(await collect(beacon(key, vid, `${SITE}/`, { c: false }), browser())).toBe("consent");
    expect(await collect("{not json", browser())).toBe("invalid");
    expect(await collect(beacon(key, "short", `${SITE}/`), browser())).toBe("invalid");
    expect(await collect(beacon(key, vid, `${SITE}/${"x".repeat(4_100)}`), browser())).toBe("invalid");
    expect(await viewsOf(ws, vid)).toHaveLength(0);
    expect(await collect(ok, { ...browser(), origin: "null" })).toBeNull();
    expect(await viewsOf(ws, vid)).toHaveLength(1);
  });

  it("bounds one visitor: past 60 views a minute the rest are dropped and counted", async () => {
    const { ws, key } = await trackedWorkspace();
    const vid = visitor();
    const before = collectorStats().dropped.visitorLimit ?? 0;
    const outcomes = [];
    for (let i = 0; i < 65; i++) outcomes.push(await collect(beacon(key, vid, `${SITE}/p${i}`), browser()));
    expect(outcomes.filter((o) => o === null)).toHaveLength(60);
    expect(outcomes.filter((o) => o === "visitorLimit")).toHaveLength(5);
    expect((collectorStats().dropped.visitorLimit ?? 0) - before).toBe(5);
    expect(await viewsOf(ws, vid)).toHaveLength(60);
  });

  it("without consent required, a view needs none", async () => {
    const { ws, key } = await trackedWorkspace();
    await updateTrackingSettings(ws.marketer, { ...(await editable(ws)), requireConsent: false });
    const vid = visitor();
    expect(await collect(beacon(key, vid, `${SITE}/`, { c: false }), browser())).toBeNull();
    expect(await viewsOf(ws, vid)).toHaveLength(1);
  });
});

describe("page views become a lead's events", () => {
  it("a form submission takes the visitor's earlier views: events by URL rule, channel and campaign of the first touch, one scoring", async () => {
    const { ws, key } = await trackedWorkspace();
    const campaign = await db.campaign.create({
      data: { workspaceId: ws.workspace.id, name: "Spring Launch", channel: "PAID_SEARCH" },
    });
    const vid = visitor();
    const t0 = new Date(Date.now() - 60_000);
    const landing = `${SITE}/?utm_source=google&utm_medium=cpc&utm_campaign=spring%20launch`;
    await collect(beacon(key, vid, landing, { r: "https://www.google.com/" }), browser(t0));
    await collect(beacon(key, vid, `${SITE}/features`, { r: `${SITE}/` }), browser(new Date(t0.getTime() + 5_000)));
    await collect(
      beacon(key, vid, `${SITE}/pricing`, { r: `${SITE}/features` }),
      browser(new Date(t0.getTime() + 9_000)),
    );
    // Another visitor's views stay theirs.
    const other = visitor();
    await collect(beacon(key, other, `${SITE}/pricing`), browser(t0));

    const outcome = await submitDemo(ws, vid, "giulia@ferro.example", new Date(t0.getTime() + 20_000));
    expect(outcome.kind).toBe("stored");
    const lead = await db.lead.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, email: "giulia@ferro.example" },
      include: { events: { orderBy: { occurredAt: "asc" } }, score: true },
    });
    expect(lead.events.map((e) => e.type)).toEqual([
      "PAGE_VIEWED",
      "PAGE_VIEWED",
      "PRICING_PAGE_VIEWED",
      "DEMO_REQUESTED",
    ]);
    expect(lead.events[0]).toMatchObject({ campaignId: campaign.id });
    expect(lead.events[0]?.properties).toMatchObject({
      url: landing,
      touchChannel: "PAID_SEARCH",
      utmSource: "google",
    });
    expect(lead.events[1]?.campaignId).toBeNull();
    // The website brought the lead: its channel and campaign are the first touch's, not the form's default.
    expect(lead).toMatchObject({ channel: "PAID_SEARCH", campaignId: campaign.id });
    expect(lead.firstTouch).toMatchObject({ channel: "PAID_SEARCH", campaign: "spring launch", landingPage: landing });
    expect(lead.lastTouch).toMatchObject({ channel: "PAID_SEARCH" });
    // The pricing view counts in the score (the default model gives it points) with the demo request.
    const explained = JSON.stringify(lead.score?.scoreExplanation);
    expect(explained).toContain("pricing");
    expect(explained).toContain("demo");
    expect(
      await db.trackedVisitor.findFirst({ where: { workspaceId: ws.workspace.id, visitorId: vid } }),
    ).toMatchObject({
      leadId: lead.id,
    });
    expect(await viewsOf(ws, vid)).toHaveLength(0);
    expect(await viewsOf(ws, other)).toHaveLength(1);
  });

  it("later views of the identified visitor follow on their own (the job): events, a new last touch, a new score", async () => {
    const { ws, key } = await trackedWorkspace();
    const vid = visitor();
    const shown = new Date(Date.now() - 120_000);
    await collect(beacon(key, vid, `${SITE}/`), browser(new Date(shown.getTime() - 10_000)));
    expect((await submitDemo(ws, vid, "marco@ferro.example", shown)).kind).toBe("stored");
    const before = await db.lead.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, email: "marco@ferro.example" },
      include: { score: true },
    });
    expect(before.firstTouch).toMatchObject({ channel: "DIRECT" });
    expect(before.channel).toBe("DIRECT");

    const later = new Date();
    await collect(
      beacon(key, vid, `${SITE}/pricing?utm_source=newsletter&utm_medium=email`),
      browser(new Date(later.getTime() - 1_000)),
    );
    const [waiting] = await viewsOf(ws, vid);
    expect(waiting?.leadId).toBe(before.id);
    expect(await attributePending(later)).toBeGreaterThanOrEqual(1);
    const after = await db.lead.findUniqueOrThrow({
      where: { id: before.id },
      include: { score: true, events: { where: { type: "PRICING_PAGE_VIEWED" } } },
    });
    expect(after.events).toHaveLength(1);
    expect(after.lastTouch).toMatchObject({ channel: "EMAIL", source: "newsletter" });
    expect(after.firstTouch).toMatchObject({ channel: "DIRECT" });
    expect(after.channel).toBe("DIRECT");
    expect(after.score?.totalScore).toBeGreaterThan(before.score?.totalScore ?? 0);
    expect(await viewsOf(ws, vid)).toHaveLength(0);
  });

  it("erasing the lead forgets its browser; anonymous views are dropped after the retention", async () => {
    const { ws, key } = await trackedWorkspace();
    const vid = visitor();
    const shown = new Date(Date.now() - 60_000);
    await collect(beacon(key, vid, `${SITE}/?utm_source=linkedin`), browser(new Date(shown.getTime() - 5_000)));
    await submitDemo(ws, vid, "anna@ferro.example", shown);
    const lead = await db.lead.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, email: "anna@ferro.example" },
    });
    // A view the browser sent while it was being identified waits anonymous: it goes with the lead too.
    await collect(beacon(key, vid, `${SITE}/late`), browser());
    await flushNow();
    await db.pageView.updateMany({ where: { visitorId: vid }, data: { leadId: null } });
    await eraseLead(ws.admin, lead.id);
    expect(await viewsOf(ws, vid)).toHaveLength(0);
    expect(await db.trackedVisitor.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    const erased = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(erased.firstTouch).toMatchObject({ channel: "SOCIAL" });
    expect(erased.firstTouch).not.toHaveProperty("landingPage");

    const old = visitor();
    await collect(beacon(key, old, `${SITE}/`), browser(new Date(Date.now() - 200 * 86_400_000)));
    await flushNow();
    expect(await pruneAnonymousViews()).toBeGreaterThanOrEqual(1);
    expect(await viewsOf(ws, old)).toHaveLength(0);
  });
});

describe("touches in the ROI", () => {
  it("a website lead's first and last campaign touches get the first- and last-touch revenue, each touch counted once", async () => {
    const { ws, key } = await trackedWorkspace();
    const [ads, letter] = await Promise.all(
      [
        { name: "Spring Ads", channel: "PAID_SEARCH" as const },
        { name: "Newsletter", channel: "EMAIL" as const },
      ].map((c) => db.campaign.create({ data: { workspaceId: ws.workspace.id, ...c } })),
    );
    const vid = visitor();
    const shown = new Date(Date.now() - 120_000);
    // The ad's landing page, then the same page reloaded: one touch.
    for (const ago of [20_000, 10_000])
      await collect(
        beacon(key, vid, `${SITE}/?utm_source=google&utm_medium=cpc&utm_campaign=spring%20ads`),
        browser(new Date(shown.getTime() - ago)),
      );
    await submitDemo(ws, vid, "won@ferro.example", shown);
    await collect(
      beacon(key, vid, `${SITE}/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=Newsletter`),
      browser(new Date(Date.now() - 30_000)),
    );
    await flushNow();
    await attributePending();
    const lead = await db.lead.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, email: "won@ferro.example" },
    });
    expect(lead.campaignId).toBe(ads?.id);
    await db.lead.update({
      where: { id: lead.id },
      data: { stage: "CUSTOMER", customerAt: new Date(), wonAmount: 9_000 },
    });
    const today = new Date().toISOString().slice(0, 10);
    const roi = await roiMetrics(ws.manager, ZMetricsFilter.parse({ from: today, to: today }));
    const row = (id: string | undefined) => roi.byCampaign.find((r) => r.campaignId === id);
    expect(row(ads?.id)).toMatchObject({ revenueFirstTouch: 9_000, revenueLastTouch: 0, revenueLinear: 4_500 });
    expect(row(letter?.id)).toMatchObject({ revenueFirstTouch: 0, revenueLastTouch: 9_000, revenueLinear: 4_500 });
  });
});

describe("tracking settings", () => {
  it("refuses an unknown event type and a malformed origin, and a new origin is seen by the collector at once", async () => {
    const { ws, key } = await trackedWorkspace();
    const settings = await editable(ws);
    const refused = async (change: object) =>
      updateTrackingSettings(ws.marketer, { ...settings, ...change }).then(
        () => null,
        (error) => (isAppError(error) ? error.fieldErrors : error),
      );
    expect(
      await refused({ urlRules: [{ match: "pathPrefix", value: "/demo", eventType: "NOT_A_TYPE" }] }),
    ).toMatchObject({ "urlRules.0.eventType": ["unknownEventType"] });
    expect(await refused({ allowedOrigins: ["https://www.acme.example/path"] })).toMatchObject({
      "allowedOrigins.0": ["origin"],
    });
    const shop = "https://shop.acme.example";
    const vid = visitor();
    expect(await collect(beacon(key, vid, `${shop}/`), { ...browser(), origin: shop })).toBe("origin");
    await updateTrackingSettings(ws.marketer, { ...settings, allowedOrigins: [SITE, shop] });
    expect(await collect(beacon(key, vid, `${shop}/`), { ...browser(), origin: shop })).toBeNull();
  });
});
