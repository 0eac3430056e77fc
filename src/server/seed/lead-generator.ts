import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Channel, LeadStage, RejectReason } from "@/generated/prisma/enums";
import { businessMinutesBetween } from "@/lib/business-time";
import { prng } from "@/lib/prng";
import { REJECT_DESTINATION, REJECT_REASONS } from "@/lib/reject-reasons";
import { db } from "@/server/db";
import { calendarOf, clockFor, currentSla } from "@/server/handoffs/sla";
import { matchPersona } from "@/server/leads/persona-match";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";
import { type StoredScore, storeScores } from "@/server/leads/score-row";
import { personaFits, publishedModel } from "@/server/leads/scoring-context";
import { scoreLead } from "@/server/scoring/engine";
import { scoreExplanation } from "@/server/scoring/explanation";

/**
 * Realistic leads for the demo seed (and, in batches, for benchmarks): spread
 * over the last months across channels, campaigns and personas, with events,
 * scored by the workspace's published model with the same engine as live
 * capture, and with stage histories that move some MQLs on to customers.
 * Deterministic for a given seed.
 */

const CHANNELS: [Channel, number][] = [
  ["ORGANIC_SEARCH", 24],
  ["PAID_SEARCH", 18],
  ["SOCIAL", 14],
  ["EMAIL", 10],
  ["EVENTS", 12],
  ["REFERRAL", 8],
  ["DIRECT", 7],
  ["PARTNER", 5],
  ["OTHER", 2],
];
const CAMPAIGNS: Partial<Record<Channel, string[]>> = {
  PAID_SEARCH: ["Google Ads – fleet software", "Google Ads – GPS tracking"],
  SOCIAL: ["LinkedIn – logistics managers", "LinkedIn – retail operations"],
  EMAIL: ["Newsletter – monthly", "Nurture – cost guide"],
  EVENTS: ["Transpotec Milano", "Logistics Summit Verona"],
  ORGANIC_SEARCH: ["Blog – fuel costs guide"],
};
const INDUSTRIES = [
  "Logistics",
  "Retail",
  "Automotive",
  "Construction",
  "Food distribution",
  "Software",
  "Manufacturing",
];
const TITLES = [
  "Fleet manager",
  "Head of Fleet",
  "Operations director",
  "COO",
  "Owner",
  "Logistics manager",
  "IT manager",
  "Student",
  "Procurement specialist",
];
const COUNTRIES = ["IT", "IT", "IT", "DE", "AT", "CH", "FR", "ES"];
const FIRST = [
  "Giulia",
  "Marco",
  "Luca",
  "Sara",
  "Paolo",
  "Anna",
  "Matteo",
  "Elena",
  "Davide",
  "Chiara",
  "Jonas",
  "Lena",
  "Pierre",
  "Lucía",
];
const LAST = [
  "Rossi",
  "Bianchi",
  "Ferrari",
  "Esposito",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Müller",
  "Schmidt",
  "Dubois",
  "García",
];
const COMPANIES = [
  "Trasporti",
  "Logistica",
  "Distribuzione",
  "Retail",
  "Costruzioni",
  "Auto",
  "Foods",
  "Group",
  "Italia",
  "Spedizioni",
];
/** The share of MQLs still waiting for sales (rolls at or above it), the rest answered. */
const WAITING = 0.94;

const EVENT_WEIGHTS: [string, number][] = [
  ["EMAIL_OPENED", 30],
  ["EMAIL_CLICKED", 14],
  ["CONTENT_DOWNLOADED", 5],
  ["FORM_SUBMITTED", 12],
  ["PRICING_PAGE_VIEWED", 14],
  ["WEBINAR_ATTENDED", 6],
  ["EVENT_VISITED", 4],
  ["DEMO_REQUESTED", 12],
];

function weighted<T>(random: () => number, items: [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}
const REJECT_NOTES = [
  "",
  "Student project, no purchase intent.",
  "Budget frozen until next year.",
  "Called twice, no answer; email bounced.",
  "Asked to be contacted after the summer.",
  "Already talking to our partner in the region.",
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export async function generateLeads(input: {
  workspaceId: string;
  count: number;
  months?: number;
  seed?: number;
  now?: Date;
  ownerIds?: string[];
}) {
  const random = prng(input.seed ?? 42);
  const now = input.now ?? new Date();
  const spanMs = (input.months ?? 12) * 30 * 24 * 3600 * 1000;
  const model = await db.$transaction((tx) => publishedModel(tx, input.workspaceId));
  const personas = await personaFits(db, input.workspaceId);
  const campaignIds = new Map<string, string>();
  for (const [channel, names] of Object.entries(CAMPAIGNS) as [Channel, string[]][]) {
    for (const name of names) {
      const campaign = await db.campaign.upsert({
        where: { workspaceId_name: { workspaceId: input.workspaceId, name } },
        create: { workspaceId: input.workspaceId, name, channel },
        update: {},
      });
      campaignIds.set(name, campaign.id);
    }
  }

  // Monthly spend per campaign over the period (one campaign billed in USD).
  const months = Math.ceil((input.months ?? 12) + 1);
  const spendRows: Prisma.CampaignSpendCreateManyInput[] = [];
  for (const [name, campaignId] of campaignIds) {
    const usd = name.startsWith("LinkedIn");
    for (let m = 0; m < months; m++) {
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
      const amount = Math.round(500 + random() * 2_500);
      const eurRate = usd ? 0.92 : 1;
      spendRows.push({
        workspaceId: input.workspaceId,
        campaignId,
        periodStart: first,
        periodEnd: last,
        amount,
        currency: usd ? "USD" : "EUR",
        eurRate,
        amountEur: Math.round(amount * eurRate * 100) / 100,
      });
    }
  }
  await db.campaignSpend.createMany({ data: spendRows, skipDuplicates: true });

  const leads: Prisma.LeadCreateManyInput[] = [];
  const scores: StoredScore[] = [];
  const events: Prisma.LeadEventCreateManyInput[] = [];
  const stages: Prisma.LeadStageChangeCreateManyInput[] = [];
  const handoffs: Prisma.HandoffCreateManyInput[] = [];
  const handoffEvents: Prisma.HandoffEventCreateManyInput[] = [];
  const sla = input.ownerIds?.length ? await currentSla(db, input.workspaceId) : null;
  for (let i = 0; i < input.count; i++) {
    const id = randomUUID();
    const createdAt = new Date(now.getTime() - random() * spanMs);
    const channel = weighted(random, CHANNELS);
    const campaignName = CAMPAIGNS[channel] ? pick(random, CAMPAIGNS[channel] as string[]) : null;
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const company = `${last} ${pick(random, COMPANIES)}`;
    const facts = {
      industry: pick(random, INDUSTRIES),
      companySize: Math.round(5 + random() ** 2 * 2000),
      title: pick(random, TITLES),
      country: pick(random, COUNTRIES),
    };
    const ascii = (text: string) =>
      text
        .normalize("NFKD")
        .replace(/[^a-zA-Z]/g, "")
        .toLowerCase();
    const email = `${ascii(first)}.${ascii(last)}.${i}@${ascii(company)}.example`;
    const leadEvents: { type: string; occurredAt: Date }[] = [];
    const eventCount = Math.floor(random() ** 1.3 * 11);
    for (let e = 0; e < eventCount; e++) {
      const occurredAt = new Date(
        createdAt.getTime() + random() * Math.min(60 * 24 * 3600 * 1000, now.getTime() - createdAt.getTime()),
      );
      leadEvents.push({ type: weighted(random, EVENT_WEIGHTS), occurredAt });
    }
    leadEvents.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const personaId = matchPersona({ ...facts }, personas);
    // Qualification is judged when the last event happened (that is when the lead crossed, if it did).
    const lastTouch = leadEvents.at(-1)?.occurredAt ?? createdAt;
    const atCrossing = scoreLead({ email, ...facts, channel, personaId }, leadEvents, model.model, lastTouch);
    const today = scoreLead({ email, ...facts, channel, personaId }, leadEvents, model.model, now);

    let stage: LeadStage = "LEAD";
    const timestamps: Partial<Record<"mqlAt" | "sqlAt" | "opportunityAt" | "customerAt", Date>> = {};
    const history: { to: LeadStage; at: Date; reason: string }[] = [{ to: "LEAD", at: createdAt, reason: "captured" }];
    let at = lastTouch;
    const step = (to: LeadStage, reason: string, hours: number) => {
      at = new Date(Math.min(now.getTime(), at.getTime() + hours * 3600 * 1000));
      history.push({ to, at, reason });
      stage = to;
    };
    let assignee: string | null = null;
    const amounts: { opportunityAmount?: number; wonAmount?: number } = {};
    let answer: { status: "ACCEPTED" | "REJECTED"; at: Date; reason?: RejectReason } | null = null;
    // Content downloads are a weak signal: sales accepts fewer MQLs that downloaded content and returns most of
    // them as not a fit (the demo's story for the rules page's suggestions and backtest).
    const contentDriven = leadEvents.some((e) => e.type === "CONTENT_DOWNLOADED");
    if (atCrossing.qualifies) {
      const roll = random();
      // Leads still waiting for sales qualified in the last hours (older ones would have been answered or escalated).
      // (A few: with a few hundred MQLs a year, a tenth of them crossing in the last hours was a spike on every trend.)
      if (roll >= WAITING) at = new Date(Math.max(lastTouch.getTime(), now.getTime() - random() * 8 * 3600 * 1000));
      history.push({ to: "MQL", at, reason: "scoreCrossedThreshold" });
      stage = "MQL";
      timestamps.mqlAt = at;
      assignee = input.ownerIds?.length ? pick(random, input.ownerIds) : null;
      if (roll < (contentDriven ? 0.1 : 0.55)) {
        step("SQL", "handoffAccepted", 1 + random() * 30);
        timestamps.sqlAt = at;
        answer = { status: "ACCEPTED", at };
        const next = random();
        if (next < 0.45) {
          step("OPPORTUNITY", "opportunity", 24 * (3 + random() * 20));
          timestamps.opportunityAt = at;
          amounts.opportunityAmount = Math.round(2_000 + random() ** 2 * 48_000);
          if (random() < 0.4) {
            step("CUSTOMER", "won", 24 * (10 + random() * 60));
            timestamps.customerAt = at;
            amounts.wonAmount = Math.round((amounts.opportunityAmount ?? 10_000) * (0.8 + random() * 0.3));
          } else if (random() < 0.5) step("LOST", "lost:Chose a competitor", 24 * (10 + random() * 60));
        }
      } else if (roll < WAITING) {
        const reason: RejectReason =
          contentDriven && random() < 0.85
            ? "NOT_A_FIT"
            : pick(
                random,
                REJECT_REASONS.filter((r) => REJECT_DESTINATION[r] === (roll < 0.85 ? "NURTURE" : "DISQUALIFIED")),
              );
        step(REJECT_DESTINATION[reason], `handoffRejected:${reason}`, 2 + random() * 40);
        answer = { status: "REJECTED", at, reason };
      }
    }
    if (timestamps.mqlAt && assignee && sla) {
      const handoffId = randomUUID();
      const { dueAt, dueSoonAt } = clockFor(sla, timestamps.mqlAt);
      handoffs.push({
        id: handoffId,
        workspaceId: input.workspaceId,
        leadId: id,
        openLeadId: answer ? null : id,
        slaPolicyId: sla.id,
        status: answer?.status ?? "OPEN",
        assigneeId: assignee,
        handedOffAt: timestamps.mqlAt,
        scoreAtHandoff: atCrossing.total,
        assignedAt: timestamps.mqlAt,
        dueAt,
        firstDueAt: dueAt,
        dueSoonAt,
        // Past warnings are not sent again when the app starts.
        dueSoonNotifiedAt: dueSoonAt <= now ? dueSoonAt : null,
        answeredAt: answer?.at ?? null,
        answeredById: answer ? assignee : null,
        responseMinutes: answer ? businessMinutesBetween(timestamps.mqlAt, answer.at, calendarOf(sla)) : null,
        rejectReason: answer?.reason ?? null,
        note: answer?.reason ? pick(random, REJECT_NOTES) : "",
        breachCount: answer && answer.at > dueAt ? 1 : 0,
        // Answered late: the breach was recorded then (the demo keeps the lead with its rep).
        breachedAt: answer && answer.at > dueAt ? dueAt : null,
      });
      handoffEvents.push({
        workspaceId: input.workspaceId,
        handoffId,
        kind: "ASSIGNED",
        at: timestamps.mqlAt,
        toUserId: assignee,
      });
      if (answer && answer.at > dueAt) {
        handoffEvents.push({
          workspaceId: input.workspaceId,
          handoffId,
          kind: "BREACHED",
          at: dueAt,
          fromUserId: assignee,
        });
      }
      if (answer) {
        handoffEvents.push({
          workspaceId: input.workspaceId,
          handoffId,
          kind: answer.status,
          at: answer.at,
          actorUserId: assignee,
          details: answer.reason ? { reason: answer.reason } : {},
        });
      }
    }

    leads.push({
      id,
      workspaceId: input.workspaceId,
      email,
      name: `${first} ${last}`,
      company,
      ...facts,
      channel,
      campaignId: campaignName ? (campaignIds.get(campaignName) ?? null) : null,
      personaId,
      stage,
      ownerId: assignee,
      stageEnteredAt: history.at(-1)?.at ?? createdAt,
      ...timestamps,
      ...amounts,
      createdAt,
      updatedAt: history.at(-1)?.at ?? createdAt,
    });
    scores.push({
      leadId: id,
      fitScore: today.fit,
      engagementScore: today.engagement,
      totalScore: today.total,
      qualifies: today.qualifies,
      scoreExplanation: scoreExplanation(today),
      scoredAt: now,
      scoringModelId: model.id,
    });
    for (const event of leadEvents) {
      events.push({
        workspaceId: input.workspaceId,
        leadId: id,
        type: event.type,
        occurredAt: event.occurredAt,
        campaignId: leads.at(-1)?.campaignId ?? null,
      });
    }
    history.forEach((change, index) => {
      stages.push({
        workspaceId: input.workspaceId,
        leadId: id,
        fromStage: index === 0 ? null : (history[index - 1] as { to: LeadStage }).to,
        toStage: change.to,
        at: change.at,
        reason: change.reason,
        // Sales answered (and moved on) its own leads.
        actorUserId: change.to === "LEAD" || change.to === "MQL" ? null : assignee,
        scoringModelId: change.to === "MQL" ? model.id : null,
      });
    });
  }
  const BATCH = 1000;
  for (let i = 0; i < leads.length; i += BATCH) {
    await db.lead.createMany({ data: leads.slice(i, i + BATCH), skipDuplicates: true });
    await storeScores(db, input.workspaceId, scores.slice(i, i + BATCH));
  }
  for (let i = 0; i < events.length; i += BATCH) await db.leadEvent.createMany({ data: events.slice(i, i + BATCH) });
  for (let i = 0; i < stages.length; i += BATCH)
    await db.leadStageChange.createMany({ data: stages.slice(i, i + BATCH) });
  for (let i = 0; i < handoffs.length; i += BATCH) await db.handoff.createMany({ data: handoffs.slice(i, i + BATCH) });
  for (let i = 0; i < handoffEvents.length; i += BATCH)
    await db.handoffEvent.createMany({ data: handoffEvents.slice(i, i + BATCH) });
  return {
    leads: leads.length,
    events: events.length,
    stageChanges: stages.length,
    handoffs: handoffs.length,
    eventTypes: BUILT_IN_EVENT_TYPES.length,
  };
}
