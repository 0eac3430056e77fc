import "server-only";
import { formatInTimeZone } from "date-fns-tz";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { localDays } from "@/lib/local-days";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { mqlEntriesByMonth } from "@/server/metrics/funnel";
import { acceptanceRate, decidedHandoffs } from "@/server/metrics/quality";
import {
  commitmentInForce,
  type SlaCommitment,
  type SlaScope,
  slaAnswers,
  slaCommitments,
  slaEvents,
} from "@/server/metrics/sla";
import { workspaceTimeZone } from "@/server/workspaces/queries";

/**
 * The alignment index: one number per calendar month (workspace time zone) for how well marketing and sales keep
 * their agreement, the mean × 100 of four parts between 0 and 1, each computed as its dashboard computes it:
 * - commitment: MQLs delivered (the funnel's MQL entries) ÷ the monthly commitment of the SLA in force at the
 *   month's end, at most 1;
 * - SLA compliance: assignments answered in time ÷ assignments decided (the SLA dashboard's headline);
 * - acceptance: handoffs accepted ÷ (accepted + rejected) (the lead quality dashboard's);
 * - glossary: the share of the terms the qualification rules rely on that were agreed at the month's end.
 * A part without data that month is null and left out of the mean; the index is null when every part is.
 */

/**
 * The glossary terms (starter keys) the qualification rules and the handoff rely on: what an MQL and an SQL are,
 * the scoring model that decides MQL, the fit it scores (persona, ICP), what disqualifies, the handoff and its SLA.
 * If marketing and sales do not agree on these words, they do not agree on which leads qualify.
 */
export const QUALIFICATION_TERM_KEYS = [
  "mql",
  "sql",
  "lead-scoring",
  "disqualified-lead",
  "buyer-persona",
  "icp",
  "handoff",
  "sla",
] as const;

export const DEFAULT_ALIGNMENT_MONTHS = 12;
export const MAX_ALIGNMENT_MONTHS = 24;

/** The API's query: ?months= (1–24, default 12); anything else is an error. */
export const ZAlignmentQuery = z
  .object({
    months: z.coerce.number().int().min(1).max(MAX_ALIGNMENT_MONTHS).default(DEFAULT_ALIGNMENT_MONTHS),
  })
  .strict();

export type AlignmentPart = { value: number | null; numerator: number; denominator: number };
export type GlossaryPart = AlignmentPart & { terms: { key: string; agreed: boolean }[] };
export type AlignmentMonth = {
  /** YYYY-MM, in the workspace's time zone. */
  month: string;
  /** The month holds now: its figures are still growing (its MQLs are a part of the month's). */
  inProgress: boolean;
  /** Mean of the parts that have data × 100, rounded to 1 decimal; null when none has. */
  index: number | null;
  commitment: AlignmentPart;
  slaCompliance: AlignmentPart;
  acceptance: AlignmentPart;
  glossary: GlossaryPart;
};
export type AlignmentTrend = { timeZone: string; months: AlignmentMonth[] /* oldest first */ };

/** A calendar month of the workspace: its key and its instants [start, end). */
type Month = { key: string; start: Date; end: Date };
type Counts<K extends string> = Map<string, Record<K, number>>;
type ReliedOnTerm = { key: string; createdAt: Date; deprecatedAt: Date | null; agreedAt: Date | null };

export async function alignmentIndex(
  actor: Actor,
  options: { months?: number } = {},
  now = new Date(),
): Promise<AlignmentTrend> {
  requirePermission(actor, "metrics.read");
  const ws = actor.workspaceId;
  const timeZone = await workspaceTimeZone(ws);
  const months = calendarMonths(monthCount(options.months), timeZone, now);
  const first = months[0] as Month;
  const last = months.at(-1) as Month;
  const span = { from: first.start, to: last.end };
  // One query per part for the whole span, grouped by month in SQL.
  const [mqls, compliance, acceptance, commitments, terms] = await Promise.all([
    mqlEntriesByMonth(ws, { fromDate: `${first.key}-01`, toDate: lastDayOf(last.key) }),
    complianceByMonth({ workspaceId: ws, ...span, join: Prisma.empty, leads: Prisma.empty }, timeZone),
    acceptanceByMonth(ws, span, timeZone),
    slaCommitments(ws),
    reliedOnTerms(ws),
  ]);
  const current = formatInTimeZone(now, timeZone, "yyyy-MM");
  return {
    timeZone,
    months: months.map((month) => {
      const parts = {
        commitment: commitmentPart(mqls.get(month.key) ?? 0, commitments, month.end),
        slaCompliance: ratioPart(compliance.get(month.key)?.inTime ?? 0, compliance.get(month.key)?.decided ?? 0),
        acceptance: acceptancePart(acceptance.get(month.key)),
        glossary: glossaryPart(terms, month.end),
      };
      return { month: month.key, inProgress: month.key === current, index: indexOf(Object.values(parts)), ...parts };
    }),
  };
}

/** The months asked for, within 1…24 (the API validates; other callers are held to the same bounds). */
function monthCount(months: number | undefined): number {
  if (months === undefined || !Number.isFinite(months)) return DEFAULT_ALIGNMENT_MONTHS;
  return Math.min(MAX_ALIGNMENT_MONTHS, Math.max(1, Math.trunc(months)));
}

/** The last `count` calendar months up to the one holding now, oldest first, as instants of the time zone. */
function calendarMonths(count: number, timeZone: string, now: Date): Month[] {
  const [year, month] = formatInTimeZone(now, timeZone, "yyyy-MM").split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const key = new Date(Date.UTC(year, month - count + i, 1)).toISOString().slice(0, 7);
    const { from, to } = localDays(`${key}-01`, lastDayOf(key), timeZone) as { from: Date; to: Date };
    return { key, start: from, end: to };
  });
}

function lastDayOf(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) an instant column falls in, in the time zone. */
const localMonth = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM')`;

/**
 * The SLA dashboard's compliance per month: answers that decided their assignment (in time or late) plus breaches,
 * from the same rows the dashboard counts (slaAnswers, slaEvents), in one round trip.
 */
async function complianceByMonth(scope: SlaScope, timeZone: string): Promise<Counts<"decided" | "inTime">> {
  const rows = await db.$queryRaw<{ month: string; decided: bigint; in_time: bigint }[]>`
    SELECT month, sum(decided)::bigint AS decided, sum(in_time)::bigint AS in_time FROM (
      SELECT ${localMonth(Prisma.sql`a.at`, timeZone)} AS month,
             count(*) FILTER (WHERE NOT a.breached) AS decided,
             count(*) FILTER (WHERE NOT a.breached AND a.in_time) AS in_time
      FROM (${slaAnswers(scope)}) a
      GROUP BY 1
      UNION ALL
      SELECT ${localMonth(Prisma.sql`e.at`, timeZone)} AS month, count(*) AS decided, 0 AS in_time
      FROM (${slaEvents(scope)}) e
      WHERE e.kind = 'BREACHED'
      GROUP BY 1
    ) m
    GROUP BY month`;
  return new Map(rows.map((r) => [r.month, { decided: Number(r.decided), inTime: Number(r.in_time) }]));
}

/** The lead quality dashboard's accepted and rejected handoffs per month of their answer. */
async function acceptanceByMonth(
  workspaceId: string,
  span: { from: Date; to: Date },
  timeZone: string,
): Promise<Counts<"accepted" | "rejected">> {
  const rows = await db.$queryRaw<{ month: string; accepted: bigint; rejected: bigint }[]>`
    SELECT ${localMonth(Prisma.sql`h."answeredAt"`, timeZone)} AS month,
           count(*) FILTER (WHERE h.status = 'ACCEPTED') AS accepted,
           count(*) FILTER (WHERE h.status = 'REJECTED') AS rejected
    FROM "Handoff" h
    WHERE ${decidedHandoffs(workspaceId, span)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.month, { accepted: Number(r.accepted), rejected: Number(r.rejected) }]));
}

/** The workspace's terms of QUALIFICATION_TERM_KEYS, each with its first agreement (any revision's) and deprecation. */
function reliedOnTerms(workspaceId: string): Promise<ReliedOnTerm[]> {
  return db.$queryRaw<ReliedOnTerm[]>`
    SELECT t.key, t."createdAt", t."deprecatedAt", min(r."agreedAt") AS "agreedAt"
    FROM "GlossaryTerm" t
    LEFT JOIN "TermRevision" r ON r."termId" = t.id AND r."workspaceId" = ${workspaceId}
    WHERE t."workspaceId" = ${workspaceId} AND t.key IN (${Prisma.join([...QUALIFICATION_TERM_KEYS])})
    GROUP BY t.id`;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

function ratioPart(numerator: number, denominator: number): AlignmentPart {
  return { value: ratio(numerator, denominator), numerator, denominator };
}

/** MQLs delivered against the commitment in force at the month's end; delivering more than promised still counts 1. */
function commitmentPart(delivered: number, commitments: SlaCommitment[], monthEnd: Date): AlignmentPart {
  // No SLA yet at the month's end, or a commitment of zero MQLs: nothing was promised, nothing to meet.
  const target = commitmentInForce(commitments, monthEnd) ?? 0;
  const met = ratio(delivered, target);
  return { value: met === null ? null : Math.min(1, met), numerator: delivered, denominator: target };
}

function acceptancePart(counts: { accepted: number; rejected: number } | undefined): AlignmentPart {
  const accepted = counts?.accepted ?? 0;
  const rejected = counts?.rejected ?? 0;
  return { value: acceptanceRate(accepted, rejected), numerator: accepted, denominator: accepted + rejected };
}

/**
 * The relied-on terms the workspace had at the month's end, and whether each was agreed then: a revision agreed by
 * that moment and the term not deprecated by it. Terms created later were not part of that month's agreement.
 */
function glossaryPart(terms: ReliedOnTerm[], monthEnd: Date): GlossaryPart {
  const held = QUALIFICATION_TERM_KEYS.flatMap((key) => terms.filter((t) => t.key === key && t.createdAt < monthEnd));
  const states = held.map((t) => ({
    key: t.key,
    agreed: t.agreedAt !== null && t.agreedAt < monthEnd && (t.deprecatedAt === null || t.deprecatedAt >= monthEnd),
  }));
  return { ...ratioPart(states.filter((t) => t.agreed).length, states.length), terms: states };
}

/** The mean of the parts that have data × 100, to 1 decimal. */
function indexOf(parts: AlignmentPart[]): number | null {
  const values = parts.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.round(mean * 1000) / 10;
}
