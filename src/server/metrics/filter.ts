import { formatInTimeZone } from "date-fns-tz";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { Channel } from "@/generated/prisma/enums";
import { addDays, localDays } from "@/lib/local-days";

/**
 * The filters every dashboard, chart and metrics API call share: a range of
 * local dates in the workspace's time zone (to inclusive), and optional
 * channel, campaign, persona and owner (the lead's current owner).
 */
export const ZMetricsFilter = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  channel: z.enum(Channel).optional().catch(undefined),
  campaignId: z.string().min(1).max(64).optional().catch(undefined),
  personaId: z.string().min(1).max(64).optional().catch(undefined),
  ownerId: z.string().min(1).max(64).optional().catch(undefined),
  interval: z.enum(["week", "month"]).default("month").catch("month"),
});
export type MetricsFilter = z.infer<typeof ZMetricsFilter>;

/** The strict form of the filter for the API: wrong values are errors, not ignored. */
export const ZMetricsQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    channel: z.enum(Channel).optional(),
    campaignId: z.string().min(1).max(64).optional(),
    personaId: z.string().min(1).max(64).optional(),
    ownerId: z.string().min(1).max(64).optional(),
    interval: z.enum(["week", "month"]).default("month"),
  })
  .strict();

export type Range = {
  /** Local dates, `to` inclusive. */
  fromDate: string;
  toDate: string;
  /** The same range as instants: [from, to). */
  from: Date;
  to: Date;
  days: number;
  timeZone: string;
};

const DAY = 86_400_000;

/** The filter's range (default: the last 90 days up to today), resolved in the workspace's time zone. */
export function resolveRange(filter: Pick<MetricsFilter, "from" | "to">, timeZone: string, now = new Date()): Range {
  const today = formatInTimeZone(now, timeZone, "yyyy-MM-dd");
  let toDate = filter.to ?? today;
  let fromDate = filter.from ?? addDays(toDate, -89);
  if (fromDate > toDate) [fromDate, toDate] = [toDate, fromDate];
  return rangeOf(fromDate, toDate, timeZone);
}

export function rangeOf(fromDate: string, toDate: string, timeZone: string): Range {
  const { from, to } = localDays(fromDate, toDate, timeZone) as { from: Date; to: Date };
  const days = Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY) + 1;
  return { fromDate, toDate, from, to, days, timeZone };
}

/** The range of the same length just before (for "compared to the previous period"). */
export function previousRange(range: Range): Range {
  return rangeOf(addDays(range.fromDate, -range.days), addDays(range.fromDate, -1), range.timeZone);
}

/** SQL conditions on the lead table aliased `l` for the filter's dimensions. */
export function leadConditions(filter: MetricsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.channel) parts.push(Prisma.sql`AND l.channel = ${filter.channel}::"Channel"`);
  if (filter.campaignId) parts.push(Prisma.sql`AND l."campaignId" = ${filter.campaignId}`);
  if (filter.personaId) parts.push(Prisma.sql`AND l."personaId" = ${filter.personaId}`);
  if (filter.ownerId) parts.push(Prisma.sql`AND l."ownerId" = ${filter.ownerId}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The same conditions on a stage change or handoff row (alias given), which
 * carry their lead's current dimensions (kept by triggers): no join needed.
 */
export function historyConditions(filter: MetricsFilter, alias: "c" | "h"): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (filter.channel) parts.push(Prisma.sql`AND ${col("leadChannel")} = ${filter.channel}::"Channel"`);
  if (filter.campaignId) parts.push(Prisma.sql`AND ${col("leadCampaignId")} = ${filter.campaignId}`);
  if (filter.personaId) parts.push(Prisma.sql`AND ${col("leadPersonaId")} = ${filter.personaId}`);
  if (filter.ownerId) parts.push(Prisma.sql`AND ${col("leadOwnerId")} = ${filter.ownerId}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/** `JOIN "Lead" l` on the given lead id column — only when the filter needs the lead's dimensions. */
export function leadJoin(filter: MetricsFilter, leadId: Prisma.Sql): Prisma.Sql {
  const needed = filter.channel || filter.campaignId || filter.personaId || filter.ownerId;
  return needed ? Prisma.sql`JOIN "Lead" l ON l.id = ${leadId}` : Prisma.empty;
}

/** The same conditions on a rollup row aliased `r` (dimensions stored as "" when absent). */
export function rollupConditions(filter: MetricsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.channel) parts.push(Prisma.sql`AND r.channel = ${filter.channel}::"Channel"`);
  if (filter.campaignId) parts.push(Prisma.sql`AND r."campaignId" = ${filter.campaignId}`);
  if (filter.personaId) parts.push(Prisma.sql`AND r."personaId" = ${filter.personaId}`);
  if (filter.ownerId) parts.push(Prisma.sql`AND r."ownerId" = ${filter.ownerId}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The returned-leads list for the same filter (a rejection figure clicks
 * through to the rejections it counts): the dashboard's period and every
 * dimension, plus e.g. the reason.
 */
export function returnedHref(
  filter: MetricsFilter & { from?: string; to?: string },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.campaignId) params.set("campaignId", filter.campaignId);
  if (filter.personaId) params.set("personaId", filter.personaId);
  if (filter.ownerId) params.set("ownerId", filter.ownerId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/handoffs/returned?${params}`;
}

/** The leads list's query string for the same filter (every figure clicks through to its leads). */
export function leadsHref(
  filter: MetricsFilter & { from?: string; to?: string },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.campaignId) params.set("campaign", filter.campaignId);
  if (filter.personaId) params.set("persona", filter.personaId);
  if (filter.ownerId) params.set("owner", filter.ownerId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/leads?${params}`;
}
