import { formatInTimeZone } from "date-fns-tz";
/**
 * The dashboards read pre-aggregated counts kept by database triggers. After
 * hundreds of random changes made through the app's own services (captures,
 * events that qualify leads, answers, deals, reassignment, persona matches,
 * campaign changes, erasures) — with the deltas folded in at random moments —
 * every funnel, SLA and ROI figure must equal a full recompute from the raw
 * tables (the dashboards read rollups and the lead dimensions that stage
 * changes and handoffs carry; the recompute joins the leads).
 */
import { describe, expect, it } from "vitest";
import { prng } from "@/lib/prng";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { acceptHandoff, reassignHandoff, rejectHandoff } from "@/server/handoffs/answer";
import { progressDeal } from "@/server/handoffs/deals";
import { captureLead, recordLeadEvent } from "@/server/leads/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { roiMetrics } from "@/server/metrics/roi";
import { compactFunnel, rebuildFunnel } from "@/server/metrics/rollup";
import { slaMetrics } from "@/server/metrics/sla";
import { ZPersonaFields } from "@/server/personas/schema";
import { createPersona } from "@/server/personas/service";
import { addMember, freshWorkspace } from "@/server/seed/factories";
import { updateWorkspace } from "@/server/workspaces/service";

const CHANNELS = ["EVENTS", "PAID_SEARCH", "EMAIL", "REFERRAL"] as const;
const CAMPAIGNS = ["Fair", "Ads", "Newsletter", undefined] as const;
const DAY = 86_400_000;

async function compare(ws: Awaited<ReturnType<typeof freshWorkspace>>, now: Date) {
  const campaigns = await db.campaign.findMany({ where: { workspaceId: ws.workspace.id } });
  const personas = await db.persona.findMany({ where: { workspaceId: ws.workspace.id } });
  const filters = [
    {},
    { channel: "EVENTS" },
    { campaignId: campaigns[0]?.id },
    { personaId: personas[0]?.id },
    { ownerId: ws.sales.userId },
    { from: "2026-03-01", to: "2026-03-20" },
    { from: "2026-03-05", to: "2026-04-30", channel: "PAID_SEARCH", interval: "week" },
  ];
  for (const f of filters) {
    const filter = ZMetricsFilter.parse({ from: "2026-02-20", to: "2026-05-31", ...f });
    const rolled = await funnelMetrics(ws.manager, filter, now, "rollup");
    const raw = await funnelMetrics(ws.manager, filter, now, "raw");
    expect(rolled, JSON.stringify(f)).toEqual(raw);
    const slaRolled = await slaMetrics(ws.manager, filter, now, "rollup");
    const slaRaw = await slaMetrics(ws.manager, filter, now, "raw");
    expect(slaRolled, JSON.stringify(f)).toEqual(slaRaw);
    const roiRolled = await roiMetrics(ws.manager, filter, now, "rollup");
    const roiRaw = await roiMetrics(ws.manager, filter, now, "raw");
    expect(roiRolled, JSON.stringify(f)).toEqual(roiRaw);
  }
}

describe("funnel rollup", () => {
  it("equals a full recompute after random changes, before and after compaction and a time-zone change", async () => {
    const ws = await freshWorkspace("Rollup");
    const reps: Actor[] = [ws.sales, await addMember(ws.workspace.id, "SALES")];
    const random = prng(20261123);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const leads: string[] = [];
    let clock = new Date("2026-03-02T08:00:00Z").getTime();
    const tick = () => {
      clock += Math.floor(random() * 8 * 3600_000);
      return new Date(clock);
    };

    for (let step = 0; step < 260; step++) {
      const now = tick();
      const roll = random();
      try {
        if (roll < 0.35 || leads.length < 5) {
          const { lead } = await db.$transaction((tx) =>
            captureLead(
              tx,
              ws.marketer,
              {
                email: `lead-${random().toString(36).slice(2, 8)}@x.test`,
                channel: pick(CHANNELS),
                campaign: pick(CAMPAIGNS),
                industry: pick(["Logistics", "Retail", "Software"]),
                country: pick(["IT", "DE"]),
              },
              now,
            ),
          );
          if (!leads.includes(lead.id)) leads.push(lead.id);
        } else if (roll < 0.6) {
          const type = pick(["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "FORM_SUBMITTED"]);
          await db.$transaction((tx) =>
            recordLeadEvent(tx, ws.marketer, pick(leads), { type, campaign: pick(CAMPAIGNS) }, now),
          );
        } else if (roll < 0.75) {
          const open = await db.handoff.findFirst({ where: { workspaceId: ws.workspace.id, status: "OPEN" } });
          if (open) {
            const answerer =
              random() < 0.5 ? ws.manager : (reps.find((r) => r.userId === open.assigneeId) ?? ws.manager);
            if (random() < 0.6) await acceptHandoff(answerer, open.id, now);
            else
              await rejectHandoff(
                answerer,
                open.id,
                { reason: pick(["TIMING", "SPAM", "NO_BUDGET"] as const), note: "" },
                now,
              );
          }
        } else if (roll < 0.83) {
          const sql = await db.lead.findFirst({
            where: { workspaceId: ws.workspace.id, stage: { in: ["SQL", "OPPORTUNITY"] } },
          });
          if (sql) {
            const step =
              sql.stage === "SQL" && random() < 0.6
                ? { step: "opportunity" as const, amount: 1000, expectedCloseDate: "2026-06-30" }
                : random() < 0.6
                  ? {
                      step: "won" as const,
                      amount: Math.round(random() * 20_000),
                      closedOn: formatInTimeZone(now, "Europe/Rome", "yyyy-MM-dd"),
                    }
                  : { step: "lost" as const, reason: "price" };
            await progressDeal(ws.manager, sql.id, step, now);
          }
        } else if (roll < 0.88) {
          const open = await db.handoff.findFirst({ where: { workspaceId: ws.workspace.id, status: "OPEN" } });
          if (open) await reassignHandoff(ws.manager, open.id, pick(reps).userId, now);
        } else if (roll < 0.91) {
          // A new persona re-matches leads on their next scoring.
          await createPersona(
            ws.marketer,
            ZPersonaFields.parse({ name: `Persona ${step}`, fitIndustries: [pick(["logistics", "retail"])] }),
          );
        } else if (roll < 0.94 && leads.length > 10) {
          // Erasure of a lead.
          const id = leads.splice(Math.floor(random() * leads.length), 1)[0] as string;
          await db.lead.delete({ where: { id } });
        } else if (roll < 0.97) {
          await compactFunnel(Math.ceil(random() * 200));
        } else {
          // Move a lead's creation day (data correction).
          await db.lead.update({
            where: { id: pick(leads) },
            data: { createdAt: new Date(clock - random() * 20 * DAY) },
          });
        }
      } catch (error) {
        // Random operations may be refused (e.g. a deal step from the wrong stage): the rollup must still agree.
        if (!(error as { code?: string }).code) throw error;
      }
    }
    const end = new Date(clock);
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBeGreaterThan(50);
    expect(await db.leadStageChange.count({ where: { workspaceId: ws.workspace.id, toStage: "MQL" } })).toBeGreaterThan(
      5,
    );
    await compare(ws, end);
    while ((await compactFunnel()) > 0);
    await compare(ws, end);

    // A new time zone moves local days: the rollup is rebuilt to match.
    await updateWorkspace(ws.admin, { name: ws.workspace.name, timeZone: "America/New_York" });
    await compare(ws, end);
    await rebuildFunnel(ws.workspace.id);
    await compare(ws, end);
  }, 120_000);
});
