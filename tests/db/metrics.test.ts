/**
 * Every dashboard figure checked against hand-computed values on a small
 * workspace: leads that skip stages, a lead rejected then re-qualified, spend
 * in another currency, and ranges that cut a campaign's month.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as funnelApi } from "@/app/api/v1/metrics/funnel/route";
import { GET as roiApi } from "@/app/api/v1/metrics/roi/route";
import type { LeadStage } from "@/generated/prisma/enums";
import { createApiToken } from "@/server/api-tokens/service";
import { recordSpend } from "@/server/campaigns/service";
import { db } from "@/server/db";
import { goalProgress, leaderboard, setLeaderboardOptOut } from "@/server/goals/progress";
import { setGoal } from "@/server/goals/service";
import { listReturnedLeads, ZReturnedFilter } from "@/server/handoffs/queries";
import { listLeads, ZLeadFilter } from "@/server/leads/list";
import { leadsHref, returnedHref, ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { addMember, freshWorkspace } from "@/server/seed/factories";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
let ws: Ws;
let other: Ws;
let rep2: { userId: string };
const NOW = new Date("2026-11-01T12:00:00Z");
const october = ZMetricsFilter.parse({ from: "2026-10-01", to: "2026-10-31" });
const t = (iso: string) => new Date(iso);

async function lead(spec: {
  email: string;
  createdAt: string;
  channel: "EVENTS" | "PAID_SEARCH" | "REFERRAL" | "EMAIL";
  campaignId?: string;
  path: [LeadStage, string, string?][];
  wonAmount?: number;
}) {
  const last = spec.path.at(-1);
  const at = (stage: LeadStage) => spec.path.find((p) => p[0] === stage)?.[1];
  const created = await db.lead.create({
    data: {
      workspaceId: ws.workspace.id,
      email: spec.email,
      channel: spec.channel,
      campaignId: spec.campaignId ?? null,
      stage: last?.[0] ?? "LEAD",
      createdAt: t(spec.createdAt),
      mqlAt: at("MQL") ? t(at("MQL") as string) : null,
      sqlAt: at("SQL") ? t(at("SQL") as string) : null,
      opportunityAt: at("OPPORTUNITY") ? t(at("OPPORTUNITY") as string) : null,
      customerAt: at("CUSTOMER") ? t(at("CUSTOMER") as string) : null,
      wonAmount: spec.wonAmount ?? null,
    },
  });
  let from: LeadStage | null = null;
  for (const [stage, when, reason] of [["LEAD", spec.createdAt], ...spec.path] as [LeadStage, string, string?][]) {
    await db.leadStageChange.create({
      data: {
        workspaceId: ws.workspace.id,
        leadId: created.id,
        fromStage: from,
        toStage: stage,
        at: t(when),
        reason: reason ?? "",
      },
    });
    from = stage;
  }
  return created;
}

async function handoff(spec: {
  leadId: string;
  handedOffAt: string;
  firstDueAt: string;
  answeredAt?: string;
  answeredById?: string;
  responseMinutes?: number;
  status: "OPEN" | "ACCEPTED" | "REJECTED";
  assigneeId: string;
  rejectReason?: "TIMING";
}) {
  const sla = await db.slaPolicy.upsert({
    where: { workspaceId_version: { workspaceId: ws.workspace.id, version: 1 } },
    create: { workspaceId: ws.workspace.id, version: 1, timeZone: "Europe/Rome", mqlMonthlyTarget: 4 },
    update: {},
  });
  return db.handoff.create({
    data: {
      workspaceId: ws.workspace.id,
      leadId: spec.leadId,
      slaPolicyId: sla.id,
      status: spec.status,
      assigneeId: spec.assigneeId,
      handedOffAt: t(spec.handedOffAt),
      assignedAt: t(spec.handedOffAt),
      dueAt: t(spec.firstDueAt),
      firstDueAt: t(spec.firstDueAt),
      dueSoonAt: t(spec.firstDueAt),
      answeredAt: spec.answeredAt ? t(spec.answeredAt) : null,
      answeredById: spec.answeredById ?? null,
      responseMinutes: spec.responseMinutes ?? null,
      rejectReason: spec.rejectReason ?? null,
    },
  });
}

beforeAll(async () => {
  ws = await freshWorkspace("Metrics");
  other = await freshWorkspace("Other");
  rep2 = await addMember(ws.workspace.id, "SALES");
  const c1 = await db.campaign.create({ data: { workspaceId: ws.workspace.id, name: "Fair", channel: "EVENTS" } });
  const c2 = await db.campaign.create({ data: { workspaceId: ws.workspace.id, name: "Ads", channel: "PAID_SEARCH" } });

  // A: the full path, won 10,000; source Fair, then an Ads touch.
  const a = await lead({
    email: "a@x.test",
    createdAt: "2026-10-02T10:00:00Z",
    channel: "EVENTS",
    campaignId: c1.id,
    path: [
      ["MQL", "2026-10-03T10:00:00Z"],
      ["SQL", "2026-10-04T10:00:00Z"],
      ["OPPORTUNITY", "2026-10-10T10:00:00Z"],
      ["CUSTOMER", "2026-10-20T10:00:00Z"],
    ],
    wonAmount: 10_000,
  });
  await db.leadEvent.create({
    data: {
      workspaceId: ws.workspace.id,
      leadId: a.id,
      type: "EMAIL_CLICKED",
      occurredAt: t("2026-10-05T10:00:00Z"),
      campaignId: c2.id,
    },
  });
  // B: rejected (nurture) then re-qualified and accepted.
  const b = await lead({
    email: "b@x.test",
    createdAt: "2026-10-05T10:00:00Z",
    channel: "EVENTS",
    campaignId: c1.id,
    path: [
      ["MQL", "2026-10-06T10:00:00Z"],
      ["NURTURE", "2026-10-06T22:00:00Z", "handoffRejected:TIMING"],
      ["MQL", "2026-10-15T10:00:00Z"],
      ["SQL", "2026-10-17T10:00:00Z"],
    ],
  });
  // C: straight to SQL (skips MQL), won 2,000 with no campaign touch.
  await lead({
    email: "c@x.test",
    createdAt: "2026-10-08T10:00:00Z",
    channel: "REFERRAL",
    path: [
      ["SQL", "2026-10-09T10:00:00Z"],
      ["CUSTOMER", "2026-10-25T10:00:00Z"],
    ],
    wonAmount: 2_000,
  });
  // D: stays a lead.
  await lead({
    email: "d@x.test",
    createdAt: "2026-10-12T10:00:00Z",
    channel: "PAID_SEARCH",
    campaignId: c2.id,
    path: [],
  });
  // E: created in September, qualified in October.
  await lead({
    email: "e@x.test",
    createdAt: "2026-09-20T10:00:00Z",
    channel: "PAID_SEARCH",
    campaignId: c2.id,
    path: [
      ["MQL", "2026-10-01T10:00:00Z"],
      ["SQL", "2026-10-02T16:00:00Z"],
    ],
  });
  // F: MQL still waiting for sales.
  const f = await lead({
    email: "f@x.test",
    createdAt: "2026-10-19T08:00:00Z",
    channel: "EMAIL",
    path: [["MQL", "2026-10-19T09:00:00Z"]],
  });

  await handoff({
    leadId: a.id,
    handedOffAt: "2026-10-03T10:00:00Z",
    firstDueAt: "2026-10-03T14:00:00Z",
    answeredAt: "2026-10-03T12:00:00Z",
    answeredById: ws.sales.userId,
    responseMinutes: 120,
    status: "ACCEPTED",
    assigneeId: ws.sales.userId,
  });
  const late = await handoff({
    leadId: b.id,
    handedOffAt: "2026-10-06T10:00:00Z",
    firstDueAt: "2026-10-06T14:00:00Z",
    answeredAt: "2026-10-06T22:00:00Z",
    answeredById: rep2.userId,
    responseMinutes: 300,
    status: "REJECTED",
    rejectReason: "TIMING",
    assigneeId: rep2.userId,
  });
  await handoff({
    leadId: b.id,
    handedOffAt: "2026-10-15T10:00:00Z",
    firstDueAt: "2026-10-15T14:00:00Z",
    answeredAt: "2026-10-15T11:00:00Z",
    answeredById: ws.sales.userId,
    responseMinutes: 60,
    status: "ACCEPTED",
    assigneeId: ws.sales.userId,
  });
  const open = await handoff({
    leadId: f.id,
    handedOffAt: "2026-10-19T09:00:00Z",
    firstDueAt: "2026-10-20T09:00:00Z",
    status: "OPEN",
    assigneeId: rep2.userId,
  });
  await db.handoffEvent.createMany({
    data: [
      {
        workspaceId: ws.workspace.id,
        handoffId: late.id,
        kind: "BREACHED",
        at: t("2026-10-06T14:00:00Z"),
        fromUserId: rep2.userId,
      },
      {
        workspaceId: ws.workspace.id,
        handoffId: open.id,
        kind: "BREACHED",
        at: t("2026-10-20T09:00:00Z"),
        fromUserId: ws.sales.userId,
      },
      {
        workspaceId: ws.workspace.id,
        handoffId: open.id,
        kind: "REASSIGNED",
        at: t("2026-10-20T09:00:00Z"),
        fromUserId: ws.sales.userId,
        toUserId: rep2.userId,
      },
    ],
  });

  // Spend: Fair 3,000 in September (outside), 3,100 in October (100 a day), 500 on 1 November (outside);
  // Ads in USD at 0.9: 1,000 on 10 October (900 €) and 2,000 for October (1,800 €).
  const spend = (campaignId: string, period: object, amount: number, currency = "EUR", eurRate: number | null = null) =>
    recordSpend(ws.marketer, { campaignId, period: period as never, amount, currency, eurRate, note: "" });
  await spend(c1.id, { kind: "month", month: "2026-09" }, 3_000);
  await spend(c1.id, { kind: "month", month: "2026-10" }, 3_100);
  await spend(c1.id, { kind: "day", date: "2026-11-01" }, 500);
  await spend(c2.id, { kind: "day", date: "2026-10-10" }, 1_000, "USD", 0.9);
  await spend(c2.id, { kind: "month", month: "2026-10" }, 2_000, "USD", 0.9);
});

describe("funnel", () => {
  it("cohort, flow, conversions and time in stage match the hand count", async () => {
    const m = await funnelMetrics(ws.manager, october, NOW);
    // Created in October: A B C D F. Reached MQL: A B F and C (skipped MQL on its way to SQL).
    expect(m.cohort.counts).toEqual({ LEAD: 5, MQL: 4, SQL: 3, OPPORTUNITY: 2, CUSTOMER: 2 });
    expect(m.cohort.conversions.mqlToSql).toBe(3 / 4);
    expect(m.cohort.conversions.leadToSql).toBe(3 / 5);
    // Entries in October: MQL A, B twice (re-qualified), E, F; SQL A B C E.
    expect(m.flow.counts).toEqual({ LEAD: 5, MQL: 5, SQL: 4, OPPORTUNITY: 1, CUSTOMER: 2 });
    // MQL stays that ended: A 24 h, B 12 h, B 48 h, E 30 h → median 27 h.
    expect(m.timeInStage.MQL).toEqual({ medianHours: 27, stays: 4 });
    expect(m.trend).toEqual([{ period: "2026-10-01", changes: [], leads: 5, mql: 5, sql: 4, customer: 2 }]);
    expect(m.velocity.find((v) => v.month === "2026-10")).toMatchObject({ mqls: 5, rate: null });
    // The previous 31 days hold only E's creation.
    expect(m.cohort.previous).toEqual({ LEAD: 1, MQL: 1, SQL: 1, OPPORTUNITY: 0, CUSTOMER: 0 });
  });

  it("every figure clicks through to the same leads in the leads list", async () => {
    const m = await funnelMetrics(ws.manager, october, NOW);
    for (const stage of ["MQL", "SQL", "OPPORTUNITY", "CUSTOMER"] as const) {
      const list = await listLeads(
        ws.manager,
        ZLeadFilter.parse({ from: "2026-10-01", to: "2026-10-31", reached: stage }),
      );
      expect(list.count.value, stage).toBe(m.cohort.counts[stage]);
    }
    const created = await listLeads(ws.manager, ZLeadFilter.parse({ from: "2026-10-01", to: "2026-10-31" }));
    expect(created.count.value).toBe(m.cohort.counts.LEAD);
    // Flow: five MQL entries by four leads (B entered twice); the list shows each lead once.
    const entered = await listLeads(
      ws.manager,
      ZLeadFilter.parse({ from: "2026-10-01", to: "2026-10-31", entered: "MQL" }),
    );
    expect(entered.count.value).toBe(4);
    // …which the flow says beside its entries: 4 leads (5 entries).
    expect([m.flow.leads.MQL, m.flow.counts.MQL]).toEqual([4, 5]);
    // The page lists them all, E too (created in September: only the creation's upper bound is implied).
    expect(entered.leads).toHaveLength(4);
  });

  it("filters by channel, and another workspace sees none of it", async () => {
    const events = await funnelMetrics(ws.manager, { ...october, channel: "EVENTS" }, NOW);
    expect(events.cohort.counts).toEqual({ LEAD: 2, MQL: 2, SQL: 2, OPPORTUNITY: 1, CUSTOMER: 1 });
    const stranger = await funnelMetrics(other.manager, october, NOW);
    expect(stranger.cohort.counts.LEAD).toBe(0);
    expect(stranger.flow.counts.MQL).toBe(0);
  });
});

describe("a period still in progress", () => {
  it("compares the month so far with the same days of the month before, and marks the partial trend point", async () => {
    const own = await freshWorkspace("Month to date");
    const entries = ["2026-09-05T10:00:00Z", "2026-09-25T10:00:00Z", "2026-10-03T10:00:00Z"];
    for (const [i, at] of entries.entries()) {
      const created = await db.lead.create({
        data: {
          workspaceId: own.workspace.id,
          email: `mtd${i}@x.test`,
          channel: "EVENTS",
          stage: "MQL",
          createdAt: t(at),
          mqlAt: t(at),
        },
      });
      for (const [fromStage, toStage] of [
        [null, "LEAD"],
        ["LEAD", "MQL"],
      ] as const) {
        await db.leadStageChange.create({
          data: { workspaceId: own.workspace.id, leadId: created.id, fromStage, toStage, at: t(at) },
        });
      }
    }
    const now = t("2026-10-10T12:00:00Z");
    const filter = ZMetricsFilter.parse({ from: "2026-10-01", to: "2026-10-10" });
    for (const source of ["rollup", "raw"] as const) {
      const m = await funnelMetrics(own.manager, filter, now, source);
      const october = m.velocity.find((v) => v.month === "2026-10");
      // 1 MQL in October's first ten days against 1 in September's: flat, not the −50 % of a whole month (2).
      expect(october, source).toMatchObject({ mqls: 1, rate: 0, inProgress: { throughDay: 10, previousSameDays: 1 } });
      expect(m.trend.at(-1), source).toMatchObject({ period: "2026-10-01", inProgress: true });
    }
    // A whole past month is compared whole, and its trend point is complete.
    const september = await funnelMetrics(
      own.manager,
      ZMetricsFilter.parse({ from: "2026-09-01", to: "2026-09-30" }),
      now,
    );
    expect(september.velocity.find((v) => v.month === "2026-09")?.inProgress).toBeUndefined();
    expect(september.trend.at(-1)?.inProgress).toBeUndefined();
  });
});

describe("SLA", () => {
  it("compliance, response times in business hours, and breaches by rep", async () => {
    const m = await slaMetrics(ws.manager, october, NOW);
    // Decided in October: two assignments answered in time, two breached (rep 2's answer after its own breach stays
    // one breach; the open one's breach is the first rep's). The headline is the table's totals.
    expect(m.compliance).toEqual({ decided: 4, inTime: 2, late: 0, breached: 2, rate: 0.5 });
    // Answered: 60, 120, 300 minutes → median 2 h, p90 = 120 + 0.8 × 180 min = 4.4 h.
    expect(m.responseHours.median).toBeCloseTo(2, 6);
    expect(m.responseHours.p90).toBeCloseTo(4.4, 6);
    const byRep = Object.fromEntries(m.byRep.map((r) => [r.userId, r]));
    expect(byRep[ws.sales.userId]).toMatchObject({ decided: 3, answered: 2, inTime: 2, breaches: 1, reassigned: 1 });
    expect(byRep[rep2.userId]).toMatchObject({
      decided: 1,
      answered: 1,
      inTime: 0,
      late: 0,
      breaches: 1,
      reassigned: 0,
    });
    // At risk is a figure of now: none for October (it ended), the open one for a period including now, and the
    // filter applies to it (the open one is an e-mail lead).
    expect(m).toMatchObject({ atRiskInRange: false, atRisk: [] });
    const thisWeek = { from: "2026-10-26", to: "2026-11-01" };
    const current = await slaMetrics(ws.manager, ZMetricsFilter.parse(thisWeek), NOW);
    expect(current.atRisk.map((h) => h.overdue)).toEqual([true]);
    expect(current.atRiskCount).toBe(1);
    const social = await slaMetrics(ws.manager, ZMetricsFilter.parse({ ...thisWeek, channel: "SOCIAL" }), NOW);
    expect(social.atRisk).toEqual([]);
    const email = await slaMetrics(ws.manager, ZMetricsFilter.parse({ ...thisWeek, channel: "EMAIL" }), NOW);
    expect(email.atRisk).toHaveLength(1);
    expect(m.mqlsDelivered).toEqual([{ month: "2026-10", mqls: 5, target: 4, changes: [] }]);
  });
});

describe("ROI", () => {
  it("spend once per campaign (prorated, in EUR), revenue by first and last touch", async () => {
    const m = await roiMetrics(ws.manager, october, NOW);
    const fair = m.byCampaign.find((r) => r.name === "Fair");
    const ads = m.byCampaign.find((r) => r.name === "Ads");
    expect(fair).toMatchObject({
      spend: 3_100,
      leads: 2,
      mqls: 3,
      sqls: 2,
      customers: 1,
      revenueFirstTouch: 10_000,
      revenueLastTouch: 0,
      revenueLinear: 5_000,
    });
    expect(fair?.cpl).toBe(1_550);
    expect(fair?.costPerMql).toBeCloseTo(1_033.33, 2);
    expect(fair?.cac).toBe(3_100);
    expect(fair?.roiFirstTouch).toBeCloseTo((10_000 - 3_100) / 3_100, 10);
    expect(ads).toMatchObject({ spend: 2_700, leads: 1, mqls: 1, sqls: 1, customers: 0, revenueLastTouch: 10_000 });
    const referral = m.byChannel.find((r) => r.channel === "REFERRAL");
    expect(referral).toMatchObject({ spend: 0, leads: 1, sqls: 1, customers: 1, revenueFirstTouch: 2_000 });
    expect(m.total).toMatchObject({ spend: 5_800, revenueFirstTouch: 12_000, revenueLastTouch: 12_000, customers: 2 });
    expect(m.total.roiLastTouch).toBeCloseTo((12_000 - 5_800) / 5_800, 10);
  });

  it("by channel means the lead's own channel: a channel filter keeps its row as it is, and the row's link lists its leads", async () => {
    const all = await roiMetrics(ws.manager, october, NOW);
    // A won 10,000 with its last touch on the Ads campaign (paid search), but A is an Events lead: Events revenue.
    expect(all.byChannel.find((r) => r.channel === "EVENTS")).toMatchObject({ revenueLastTouch: 10_000, spend: 3_100 });
    expect(all.byChannel.find((r) => r.channel === "PAID_SEARCH")).toMatchObject({ revenueLastTouch: 0, spend: 2_700 });
    for (const row of all.byChannel) {
      const filtered = await roiMetrics(ws.manager, ZMetricsFilter.parse({ ...october, channel: row.channel }), NOW);
      expect(filtered.byChannel, row.channel).toEqual([row]);
      const params = Object.fromEntries(
        new URL(leadsHref({ ...october, channel: row.channel }), "http://x").searchParams,
      );
      expect((await listLeads(ws.manager, ZLeadFilter.parse(params))).count.value, row.channel).toBe(row.leads);
    }
    const revenue = all.byChannel.reduce((sum, r) => sum + r.revenueLastTouch, 0);
    expect(revenue).toBe(all.total.revenueLastTouch);
  });

  it("shows marketing-sourced and marketing-influenced revenue apart, as the Attribution term defines them", async () => {
    expect((await roiMetrics(ws.manager, october, NOW)).marketingRevenue).toEqual({
      sourced: 10_000,
      influenced: 10_000,
    });
    const own = await freshWorkspace("Sourced");
    const campaign = await db.campaign.create({
      data: { workspaceId: own.workspace.id, name: "Webinar", channel: "EMAIL" },
    });
    const won = (email: string, campaignId: string | null, amount: number) =>
      db.lead.create({
        data: {
          workspaceId: own.workspace.id,
          email,
          channel: "DIRECT",
          campaignId,
          stage: "CUSTOMER",
          createdAt: t("2026-10-02T10:00:00Z"),
          customerAt: t("2026-10-20T10:00:00Z"),
          wonAmount: amount,
        },
      });
    await won("captured@x.test", campaign.id, 1_000);
    const touched = await won("touched@x.test", null, 300);
    const late = await won("late@x.test", null, 50);
    await db.leadEvent.createMany({
      data: [
        {
          workspaceId: own.workspace.id,
          leadId: touched.id,
          type: "WEBINAR",
          occurredAt: t("2026-10-05T10:00:00Z"),
          campaignId: campaign.id,
        },
        // A touch after the win influenced nothing.
        {
          workspaceId: own.workspace.id,
          leadId: late.id,
          type: "WEBINAR",
          occurredAt: t("2026-10-25T10:00:00Z"),
          campaignId: campaign.id,
        },
      ],
    });
    await won("direct@x.test", null, 7);
    const m = await roiMetrics(own.manager, october, NOW, "raw");
    expect(m.marketingRevenue).toEqual({ sourced: 1_000, influenced: 1_300 });
    expect(m.total.revenueLastTouch).toBe(1_357);
  });

  it("a range that cuts a month counts that month's spend by days", async () => {
    const m = await roiMetrics(ws.manager, ZMetricsFilter.parse({ from: "2026-10-01", to: "2026-10-15" }), NOW);
    expect(m.byCampaign.find((r) => r.name === "Fair")?.spend).toBe(1_500);
    // 900 on the 10th + 1,800 × 15/31.
    expect(m.byCampaign.find((r) => r.name === "Ads")?.spend).toBeCloseTo(900 + (1_800 * 15) / 31, 2);
  });
});

describe("metrics API", () => {
  const get = async (handler: typeof funnelApi, secret: string, query: string) =>
    handler(new Request(`http://test/api/v1/metrics?${query}`, { headers: { authorization: `Bearer ${secret}` } }), {
      params: Promise.resolve({}),
    });

  it("returns the dashboard's figures with the same filters; bad filters are 400 problem documents", async () => {
    const secret = (await createApiToken(ws.sales, { name: "bi" })).secret;
    const funnel = await get(funnelApi, secret, "from=2026-10-01&to=2026-10-31&channel=EVENTS");
    expect(funnel.status).toBe(200);
    const body = await funnel.json();
    expect(body.cohort.counts).toEqual({ LEAD: 2, MQL: 2, SQL: 2, OPPORTUNITY: 1, CUSTOMER: 1 });
    const roi = await get(roiApi, secret, "from=2026-10-01&to=2026-10-31");
    expect((await roi.json()).total.spend).toBe(5_800);
    const bad = await get(funnelApi, secret, "from=yesterday&channel=TELEPATHY");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const unknown = await get(funnelApi, secret, "colour=blue");
    expect(unknown.status).toBe(400);
  });
});

describe("shared goals and the leaderboard", () => {
  it("show the month's progress from the dashboards' own figures", async () => {
    await setGoal(ws.manager, { month: "2026-10", metric: "MQLS", target: 4 });
    await setGoal(ws.manager, { month: "2026-10", metric: "SLA_COMPLIANCE", target: 0.9 });
    await expect(setGoal(ws.sales, { month: "2026-10", metric: "SQLS", target: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const progress = await goalProgress(ws.sales, "2026-10", NOW);
    const by = Object.fromEntries(progress.goals.map((g) => [g.metric, g]));
    expect(by.MQLS).toEqual({ metric: "MQLS", target: 4, actual: 5, progress: 5 / 4 });
    expect(by.SLA_COMPLIANCE).toMatchObject({ target: 0.9, actual: 0.5 });
    expect(by.SLA_COMPLIANCE?.progress).toBeCloseTo(0.5 / 0.9, 10);
    expect(by.REVENUE).toEqual({ metric: "REVENUE", target: null, actual: 12_000, progress: null });
  });

  it("ranks reps by SLA compliance and marketers by acceptance; opting out hides a person from others only", async () => {
    const fair = await db.campaign.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, name: "Fair" } });
    await db.campaign.update({ where: { id: fair.id }, data: { ownerId: ws.marketer.userId } });
    const board = await leaderboard(ws.manager, "2026-10", NOW);
    // The first rep answered two in time and let one breach; rep 2's only decided assignment is a breach.
    expect(board.reps.map((r) => [r.userId, r.compliance])).toEqual([
      [ws.sales.userId, 2 / 3],
      [rep2.userId, 0],
    ]);
    // Fair's MQLs answered in October: A accepted, B rejected then accepted.
    expect(board.marketers.map((m) => [m.userId, m.acceptance])).toEqual([[ws.marketer.userId, 2 / 3]]);
    await setLeaderboardOptOut({ ...ws.sales, userId: rep2.userId }, true);
    expect((await leaderboard(ws.manager, "2026-10", NOW)).reps.map((r) => r.userId)).toEqual([ws.sales.userId]);
    const own = await leaderboard({ ...ws.sales, userId: rep2.userId }, "2026-10", NOW);
    expect(own.reps.map((r) => [r.userId, r.optedOut])).toEqual([
      [ws.sales.userId, false],
      [rep2.userId, true],
    ]);
  });
});

describe("lead quality", () => {
  it("acceptance rate and the rejection mix by channel, campaign and persona", async () => {
    const m = await qualityMetrics(ws.manager, october, NOW);
    // Answered in October: A accepted, B returned (timing), B accepted again.
    expect({ accepted: m.accepted, rejected: m.rejected, acceptance: m.acceptance }).toEqual({
      accepted: 2,
      rejected: 1,
      acceptance: 2 / 3,
    });
    expect(m.reasons).toEqual({ TIMING: 1 });
    expect(m.byChannel).toEqual([
      { key: "EVENTS", accepted: 2, rejected: 1, reasons: { TIMING: 1 }, acceptance: 2 / 3 },
    ]);
    expect(m.byCampaign.map((g) => [g.key, g.rejected])).toEqual([["Fair", 1]]);
    expect((await qualityMetrics(ws.manager, { ...october, channel: "REFERRAL" }, NOW)).acceptance).toBeNull();
  });

  it("the returned figures open the rejections they count, under every filter", async () => {
    for (const extra of [{}, { channel: "EVENTS" }, { channel: "REFERRAL" }, { ownerId: rep2.userId }] as const) {
      const filter = ZMetricsFilter.parse({ ...october, ...extra });
      const m = await qualityMetrics(ws.manager, filter, NOW);
      const listed = async (href: string) => {
        const params = Object.fromEntries(new URL(href, "http://x").searchParams);
        return (await listReturnedLeads(ws.manager, ZReturnedFilter.parse(params))).rows.length;
      };
      expect(await listed(returnedHref(filter)), JSON.stringify(extra)).toBe(m.rejected);
      for (const [reason, count] of Object.entries(m.reasons)) {
        expect(await listed(returnedHref(filter, { reason })), reason).toBe(count);
      }
    }
  });
});
