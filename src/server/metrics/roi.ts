import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Channel } from "@/generated/prisma/enums";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { leadConditions, type MetricsFilter, resolveRange, rollupConditions } from "@/server/metrics/filter";
import type { Source } from "@/server/metrics/funnel";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * Spend against won revenue, by campaign and by channel.
 * - Spend: each spend period counts with the share of its days inside the
 *   range, in EUR; summed per campaign on its own — never once per joined
 *   lead or deal.
 * - Leads, MQLs, SQLs, customers: leads created / entering MQL / entering SQL /
 *   won in the range, by their source campaign.
 * - Revenue: won amounts of leads won in the range, attributed to the
 *   campaign of their first touch, of their last touch before the win, and
 *   linearly (each touch an equal share). Touches are the lead's source
 *   campaign at capture and its events that name a campaign (website page
 *   views with a known UTM campaign among them); a source campaign that came
 *   from such a page view before the capture is that touch, counted once.
 * - CPL, cost per MQL and per SQL, CAC (spend ÷ new customers; marketing
 *   spend only — sales costs are not recorded), ROI = (revenue − spend) ÷ spend.
 * - By channel, a lead's channel is its own (as in every filter and list):
 *   each channel row counts the leads of that channel and the won amounts of
 *   those leads; its spend is that of the campaigns of that channel (a
 *   campaign's channel is the default of the leads it captures). So a channel
 *   filter keeps its row exactly as it is unfiltered, and the row's link lists
 *   the leads it counts. The campaign rows credit revenue by touch instead;
 *   under a channel filter they count only that channel's leads.
 */

export type RoiRow = {
  key: string;
  campaignId: string | null;
  name: string | null;
  channel: Channel;
  spend: number;
  leads: number;
  mqls: number;
  sqls: number;
  customers: number;
  revenueFirstTouch: number;
  revenueLastTouch: number;
  revenueLinear: number;
};

const SUMMED = [
  "spend",
  "leads",
  "mqls",
  "sqls",
  "customers",
  "revenueFirstTouch",
  "revenueLastTouch",
  "revenueLinear",
] as const;

const per = (amount: number, count: number) => (count > 0 ? amount / count : null);
const roi = (revenue: number, spend: number) => (spend > 0 ? (revenue - spend) / spend : null);

export function ratios(row: RoiRow) {
  return {
    cpl: per(row.spend, row.leads),
    costPerMql: per(row.spend, row.mqls),
    costPerSql: per(row.spend, row.sqls),
    cac: per(row.spend, row.customers),
    roiFirstTouch: roi(row.revenueFirstTouch, row.spend),
    roiLastTouch: roi(row.revenueLastTouch, row.spend),
  };
}

export async function roiMetrics(actor: Actor, filter: MetricsFilter, now = new Date(), source: Source = "rollup") {
  requirePermission(actor, "metrics.read");
  const ws = actor.workspaceId;
  const range = resolveRange(filter, await workspaceTimeZone(ws), now);
  const leads = leadConditions(filter);
  const campaignOnly = Prisma.sql`${filter.channel ? Prisma.sql`AND c.channel = ${filter.channel}::"Channel"` : Prisma.empty}
    ${filter.campaignId ? Prisma.sql`AND c.id = ${filter.campaignId}` : Prisma.empty}`;

  const [campaigns, spend, counts, revenue, wonByChannel, marketing] = await Promise.all([
    db.campaign.findMany({ where: { workspaceId: ws }, select: { id: true, name: true, channel: true } }),
    db.$queryRaw<{ campaignId: string; spend: Prisma.Decimal }[]>`
      SELECT s."campaignId",
             sum(s."amountEur" * (LEAST(s."periodEnd", ${range.toDate}::date) - GREATEST(s."periodStart", ${range.fromDate}::date) + 1)
                 / (s."periodEnd" - s."periodStart" + 1)) AS spend
      FROM "CampaignSpend" s JOIN "Campaign" c ON c.id = s."campaignId"
      WHERE s."workspaceId" = ${ws} AND s."periodEnd" >= ${range.fromDate}::date AND s."periodStart" <= ${range.toDate}::date
      ${campaignOnly}
      GROUP BY 1`,
    source === "rollup"
      ? db.$queryRaw<{ campaignId: string | null; channel: Channel; kind: string; n: bigint }[]>`
          SELECT NULLIF(r."campaignId", '') AS "campaignId", r.channel,
                 CASE WHEN r.kind = 'cohort' THEN 'LEAD' ELSE r.stage::text END AS kind, sum(r.n)::bigint AS n
          FROM (
            SELECT kind, stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelRollup"
            WHERE "workspaceId" = ${ws} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
            UNION ALL
            SELECT kind, stage, n, channel, "campaignId", "personaId", "ownerId" FROM "FunnelDelta"
            WHERE "workspaceId" = ${ws} AND day >= ${range.fromDate}::date AND day <= ${range.toDate}::date
          ) r
          WHERE ((r.kind = 'cohort' AND r.stage = 'LEAD') OR (r.kind = 'flow' AND r.stage IN ('MQL', 'SQL', 'CUSTOMER')))
          ${rollupConditions(filter)}
          GROUP BY 1, 2, 3
          HAVING sum(r.n) <> 0`
      : db.$queryRaw<{ campaignId: string | null; channel: Channel; kind: string; n: bigint }[]>`
          SELECT l."campaignId", l.channel, 'LEAD' AS kind, count(*) AS n
          FROM "Lead" l
          WHERE l."workspaceId" = ${ws} AND l."createdAt" >= ${range.from} AND l."createdAt" < ${range.to} ${leads}
          GROUP BY 1, 2
          UNION ALL
          SELECT l."campaignId", l.channel, c."toStage"::text AS kind, count(*) AS n
          FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId"
          WHERE c."workspaceId" = ${ws} AND c.at >= ${range.from} AND c.at < ${range.to}
            AND c."toStage" IN ('MQL', 'SQL', 'CUSTOMER') ${leads}
          GROUP BY 1, 2, 3`,
    db.$queryRaw<
      {
        campaignId: string | null;
        channel: Channel;
        first: Prisma.Decimal;
        last: Prisma.Decimal;
        linear: Prisma.Decimal;
      }[]
    >`
      WITH won AS (
        SELECT l.id, l.channel, l."wonAmount" AS amount, l."customerAt" AS won_at, l."campaignId", l."createdAt"
        FROM "Lead" l
        WHERE l."workspaceId" = ${ws} AND l."customerAt" >= ${range.from} AND l."customerAt" < ${range.to}
          AND l."wonAmount" IS NOT NULL ${leads}
      ),
      touches AS (
        SELECT w.id AS lead_id, w."campaignId" AS campaign_id, w."createdAt" AS at, 0::bigint AS seq FROM won w
        WHERE w."campaignId" IS NOT NULL
          -- A lead the website brought took its campaign from the page view that is already its first touch.
          AND NOT EXISTS (SELECT 1 FROM "LeadEvent" s WHERE s."leadId" = w.id AND s."campaignId" = w."campaignId"
                          AND s."occurredAt" <= w."createdAt")
        UNION ALL
        SELECT e."leadId", e."campaignId", e."occurredAt", e.id FROM "LeadEvent" e JOIN won w ON w.id = e."leadId"
        WHERE e."campaignId" IS NOT NULL AND e."occurredAt" <= w.won_at
      ),
      ranked AS (
        SELECT t.*, row_number() OVER (PARTITION BY lead_id ORDER BY at, seq) AS first_rank,
               row_number() OVER (PARTITION BY lead_id ORDER BY at DESC, seq DESC) AS last_rank,
               count(*) OVER (PARTITION BY lead_id) AS n
        FROM touches t
      ),
      credit AS (
        SELECT r.campaign_id, NULL::"Channel" AS channel,
               CASE WHEN r.first_rank = 1 THEN w.amount ELSE 0 END AS first,
               CASE WHEN r.last_rank = 1 THEN w.amount ELSE 0 END AS last,
               w.amount / r.n AS linear
        FROM ranked r JOIN won w ON w.id = r.lead_id
        UNION ALL
        SELECT NULL, w.channel, w.amount, w.amount, w.amount
        FROM won w WHERE NOT EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = w.id)
      )
      SELECT campaign_id AS "campaignId", channel, sum(first) AS first, sum(last) AS last, sum(linear) AS linear
      FROM credit GROUP BY 1, 2`,
    // Won revenue by the lead's own channel (the channel rows).
    db.$queryRaw<{ channel: Channel; amount: Prisma.Decimal }[]>`
      SELECT l.channel, sum(l."wonAmount") AS amount
      FROM "Lead" l
      WHERE l."workspaceId" = ${ws} AND l."customerAt" >= ${range.from} AND l."customerAt" < ${range.to}
        AND l."wonAmount" IS NOT NULL ${leads}
      GROUP BY 1`,
    // Marketing's part of the won revenue (the Attribution term): sourced — captured by a campaign; influenced — a
    // campaign touch (capture included) before the win. Sourced is part of influenced: shown apart, never added.
    db.$queryRaw<[{ sourced: Prisma.Decimal | null; influenced: Prisma.Decimal | null }]>`
      SELECT sum(l."wonAmount") FILTER (WHERE l."campaignId" IS NOT NULL) AS sourced,
             sum(l."wonAmount") FILTER (WHERE l."campaignId" IS NOT NULL OR EXISTS (
               SELECT 1 FROM "LeadEvent" e
               WHERE e."leadId" = l.id AND e."campaignId" IS NOT NULL AND e."occurredAt" <= l."customerAt")) AS influenced
      FROM "Lead" l
      WHERE l."workspaceId" = ${ws} AND l."customerAt" >= ${range.from} AND l."customerAt" < ${range.to}
        AND l."wonAmount" IS NOT NULL ${leads}`,
  ]);

  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const rows = new Map<string, RoiRow>();
  const row = (campaignId: string | null, channel: Channel): RoiRow => {
    const campaign = campaignId ? campaignById.get(campaignId) : undefined;
    const key = campaign ? campaign.id : `channel:${channel}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        key,
        campaignId: campaign?.id ?? null,
        name: campaign?.name ?? null,
        channel: campaign?.channel ?? channel,
        spend: 0,
        leads: 0,
        mqls: 0,
        sqls: 0,
        customers: 0,
        revenueFirstTouch: 0,
        revenueLastTouch: 0,
        revenueLinear: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of spend) {
    const campaign = campaignById.get(s.campaignId);
    if (campaign) row(campaign.id, campaign.channel).spend += Number(s.spend);
  }
  for (const c of counts) {
    const r = row(c.campaignId, c.channel);
    const n = Number(c.n);
    if (c.kind === "LEAD") r.leads += n;
    else if (c.kind === "MQL") r.mqls += n;
    else if (c.kind === "SQL") r.sqls += n;
    else if (c.kind === "CUSTOMER") r.customers += n;
  }
  for (const v of revenue) {
    const campaign = v.campaignId ? campaignById.get(v.campaignId) : undefined;
    const r = row(campaign?.id ?? null, campaign?.channel ?? (v.channel as Channel));
    r.revenueFirstTouch += Number(v.first);
    r.revenueLastTouch += Number(v.last);
    r.revenueLinear += Number(v.linear);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const finished = [...rows.values()].map((r) => ({
    ...r,
    spend: round(r.spend),
    revenueFirstTouch: round(r.revenueFirstTouch),
    revenueLastTouch: round(r.revenueLastTouch),
    revenueLinear: round(r.revenueLinear),
  }));
  const empty = (key: string, channel: Channel): RoiRow => ({
    key,
    campaignId: null,
    name: null,
    channel,
    spend: 0,
    leads: 0,
    mqls: 0,
    sqls: 0,
    customers: 0,
    revenueFirstTouch: 0,
    revenueLastTouch: 0,
    revenueLinear: 0,
  });
  const addInto = (target: RoiRow, row: RoiRow) => {
    for (const k of SUMMED) target[k] = round(target[k] + row[k]);
    return target;
  };
  const byChannel = new Map<Channel, RoiRow>();
  const channelRow = (channel: Channel) => {
    let r = byChannel.get(channel);
    if (!r) {
      r = empty(channel, channel);
      byChannel.set(channel, r);
    }
    return r;
  };
  // Spend by the campaign's channel; counts and revenue by the lead's own.
  for (const r of finished) if (r.spend) channelRow(r.channel).spend = round(channelRow(r.channel).spend + r.spend);
  for (const c of counts) {
    const r = channelRow(c.channel);
    const n = Number(c.n);
    if (c.kind === "LEAD") r.leads += n;
    else if (c.kind === "MQL") r.mqls += n;
    else if (c.kind === "SQL") r.sqls += n;
    else if (c.kind === "CUSTOMER") r.customers += n;
  }
  for (const w of wonByChannel) {
    const r = channelRow(w.channel);
    const amount = round(Number(w.amount));
    // A lead has one channel: every attribution gives the channel all of its leads' revenue.
    r.revenueFirstTouch = amount;
    r.revenueLastTouch = amount;
    r.revenueLinear = amount;
  }
  const total = [...byChannel.values()].reduce(addInto, empty("total", "OTHER"));
  const withRatios = (r: RoiRow) => ({ ...r, ...ratios(r) });
  return {
    range: { from: range.fromDate, to: range.toDate, timeZone: range.timeZone },
    currency: "EUR",
    /** Spend is per campaign: persona and owner filters narrow leads and revenue, not spend. */
    spendFiltered: !filter.personaId && !filter.ownerId,
    byCampaign: finished
      .filter((r) => r.campaignId)
      .sort((a, b) => b.spend - a.spend || (a.name ?? "").localeCompare(b.name ?? ""))
      .map(withRatios),
    byChannel: [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel)).map(withRatios),
    total: withRatios(total),
    marketingRevenue: {
      sourced: round(Number(marketing[0]?.sourced ?? 0)),
      influenced: round(Number(marketing[0]?.influenced ?? 0)),
    },
  };
}
export type RoiMetrics = Awaited<ReturnType<typeof roiMetrics>>;
