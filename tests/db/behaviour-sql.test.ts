import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { behaviourSumsAtCutoffs, behaviourSumsQuery, parseBehaviourSums } from "@/server/scoring/behaviour-sql";
import {
  type BehaviourRule,
  behaviourSums,
  type ScoringModel,
  scoreFromSums,
  scoreLead,
} from "@/server/scoring/engine";
import { freshWorkspace } from "@/server/seed/factories";

const TYPES = ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "EMAIL_OPENED", "WEBINAR_ATTENDED"] as const;
const DAY = 86_400_000;

const rule = fc.record({
  id: fc.uuid(),
  label: fc.constant("rule"),
  eventType: fc.constantFrom(...TYPES),
  points: fc.oneof(
    fc.integer({ min: -50, max: 100 }),
    fc.double({ min: 0.01, max: 1000, noNaN: true }),
    fc.double({ min: -1000, max: -0.01, noNaN: true }),
  ),
  cap: fc.option(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 500, noNaN: true })), {
    nil: null,
  }),
  decay: fc.oneof(
    fc.constant({ mode: "none" as const }),
    fc.record({ mode: fc.constant("halfLife" as const), days: fc.double({ min: 0.5, max: 400, noNaN: true }) }),
    fc.record({ mode: fc.constant("window" as const), days: fc.double({ min: 0.5, max: 400, noNaN: true }) }),
  ),
}) satisfies fc.Arbitrary<BehaviourRule>;

const event = fc.record({
  type: fc.constantFrom(...TYPES, "CONTENT_DOWNLOADED"),
  // Mostly past events, some in the future (they do not count yet), millisecond precision like the column.
  offsetMs: fc.integer({ min: -800 * DAY, max: 30 * DAY }),
});

describe("behaviour sums in SQL", { timeout: 120_000 }, () => {
  it("score every lead exactly as the engine does on its events", async () => {
    const ws = await freshWorkspace("Behaviour SQL");
    const workspaceId = ws.workspace.id;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rule, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(event, { maxLength: 25 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 50 }),
        async (rules, leadsEvents, threshold) => {
          run++;
          const now = new Date(Date.UTC(2026, 10, 23, 9, 30, 15, 123) + run * 7_777);
          const model: ScoringModel = {
            fitRules: [],
            behaviourRules: rules,
            disqualifiers: [],
            mqlThreshold: threshold,
          };
          const leads = leadsEvents.map((events, i) => ({
            id: `bsql-${run}-${i}`,
            events: events.map((e) => ({ type: e.type, occurredAt: new Date(now.getTime() + e.offsetMs) })),
          }));
          await db.lead.createMany({
            data: leads.map((l) => ({ id: l.id, workspaceId, email: `${l.id}@example.com`, channel: "OTHER" })),
          });
          await db.leadEvent.createMany({
            data: leads.flatMap((l) => l.events.map((e) => ({ workspaceId, leadId: l.id, ...e }))),
          });
          const rows = await db.$queryRaw<{ leadId: string; sums: string }[]>(
            behaviourSumsQuery({ rules, leadIds: leads.map((l) => l.id), now }),
          );
          const byLead = new Map(rows.map((r) => [r.leadId, r.sums]));
          const attributes = {
            email: "x@example.com",
            industry: "",
            companySize: null,
            country: "",
            title: "",
            channel: "OTHER",
            personaId: null,
          };
          for (const lead of leads) {
            const fromSql = parseBehaviourSums(byLead.get(lead.id), rules.length);
            const inJs = behaviourSums(rules, lead.events, now);
            expect(fromSql.map((s) => s.events)).toEqual(inJs.map((s) => s.events));
            fromSql.forEach((s, i) => {
              expect(s.sum).toBeCloseTo(inJs[i]?.sum ?? 0, 9);
            });
            expect(scoreFromSums(attributes, fromSql, model)).toEqual(scoreLead(attributes, lead.events, model, now));
          }

          // The backtest's variant: each lead at a moment of its own (here up to 40 days before or after `now`).
          const cutoffs = leads.map((lead, i) => ({ lead, at: new Date(now.getTime() + (i - 3) * 13.3 * DAY + i) }));
          const batch = Prisma.sql`(SELECT * FROM (VALUES ${Prisma.join(
            cutoffs.map((c) => Prisma.sql`(${c.lead.id}, ${c.at}::timestamp(3), ${c.at.getTime()}::float8)`),
          )}) AS v(id, cutoff, "cutoffMs"))`;
          const atCutoff = new Map(
            (await db.$queryRaw<{ leadId: string; sums: string }[]>(behaviourSumsAtCutoffs(batch, rules))).map((r) => [
              r.leadId,
              r.sums,
            ]),
          );
          for (const { lead, at } of cutoffs) {
            const fromSql = parseBehaviourSums(atCutoff.get(lead.id), rules.length);
            expect(scoreFromSums(attributes, fromSql, model)).toEqual(scoreLead(attributes, lead.events, model, at));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
