import { describe, expect, it } from "vitest";
import { becomesMql, decayedPoints, type LeadAttributes, matches, type ScoringModel, scoreLead } from "./engine";

const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600 * 1000);

const lead = (overrides: Partial<LeadAttributes> = {}): LeadAttributes => ({
  email: "giulia@fleetco.it",
  industry: "Automotive",
  companySize: 200,
  country: "IT",
  title: "Head of Fleet",
  channel: "EVENTS",
  personaId: "fleet-manager",
  ...overrides,
});

const model: ScoringModel = {
  mqlThreshold: 60,
  fitRules: [
    {
      id: "ind",
      label: "Target industry",
      when: { attribute: "industry", operator: "in", values: ["automotive", "retail"] },
      points: 15,
    },
    { id: "small", label: "Too small", when: { attribute: "companySize", operator: "lt", value: 10 }, points: -20 },
    {
      id: "persona",
      label: "Fleet manager persona",
      when: { attribute: "persona", operator: "is", personaId: "fleet-manager" },
      points: 25,
    },
  ],
  behaviourRules: [
    {
      id: "demo",
      label: "Demo requested",
      eventType: "DEMO_REQUESTED",
      points: 30,
      cap: null,
      decay: { mode: "none" },
    },
    {
      id: "pricing",
      label: "Pricing viewed",
      eventType: "PRICING_VIEWED",
      points: 10,
      cap: 20,
      decay: { mode: "halfLife", days: 14 },
    },
    {
      id: "webinar",
      label: "Webinar",
      eventType: "WEBINAR_ATTENDED",
      points: 8,
      cap: null,
      decay: { mode: "window", days: 30 },
    },
  ],
  disqualifiers: [
    {
      id: "freemail",
      label: "Free-mail address",
      when: { attribute: "emailDomain", operator: "in", values: ["gmail.com", "hotmail.com"] },
    },
    {
      id: "student",
      label: "Student",
      when: { attribute: "title", operator: "containsAny", values: ["student", "studente"] },
    },
  ],
};

describe("fit rules", () => {
  it("add points for matching attributes, case-insensitively, and explain them", () => {
    const result = scoreLead(lead(), [], model, NOW);
    expect(result.fit).toBe(40);
    expect(result.explanation.map((c) => [c.ruleId, c.points])).toEqual([
      ["ind", 15],
      ["persona", 25],
    ]);
  });

  it("negative rules subtract; unknown attributes never match", () => {
    expect(scoreLead(lead({ companySize: 5, personaId: null }), [], model, NOW).fit).toBe(-5);
    expect(scoreLead(lead({ industry: null, companySize: null, personaId: null }), [], model, NOW).fit).toBe(0);
    expect(matches({ attribute: "industry", operator: "notIn", values: ["retail"] }, lead({ industry: null }))).toBe(
      false,
    );
  });
});

describe("behaviour rules", () => {
  it("halve points every half-life", () => {
    expect(decayedPoints(10, { mode: "halfLife", days: 14 }, daysAgo(0), NOW)).toBe(10);
    expect(decayedPoints(10, { mode: "halfLife", days: 14 }, daysAgo(14), NOW)).toBeCloseTo(5);
    expect(decayedPoints(10, { mode: "halfLife", days: 14 }, daysAgo(28), NOW)).toBeCloseTo(2.5);
  });

  it("count only the last N days in a window", () => {
    expect(decayedPoints(8, { mode: "window", days: 30 }, daysAgo(30), NOW)).toBe(8);
    expect(decayedPoints(8, { mode: "window", days: 30 }, daysAgo(31), NOW)).toBe(0);
  });

  it("cap a rule's total and ignore future events", () => {
    const events = [0, 0, 0, 0].map(() => ({ type: "PRICING_VIEWED", occurredAt: daysAgo(0) }));
    const result = scoreLead(lead(), [...events, { type: "DEMO_REQUESTED", occurredAt: daysAgo(-1) }], model, NOW);
    expect(result.engagement).toBe(20);
    expect(result.explanation.find((c) => c.ruleId === "pricing")).toMatchObject({ points: 20, events: 4 });
    expect(result.explanation.find((c) => c.ruleId === "demo")).toBeUndefined();
  });

  it("decay can take a lead back under the threshold over time", () => {
    const events = [
      { type: "PRICING_VIEWED", occurredAt: daysAgo(0) },
      { type: "PRICING_VIEWED", occurredAt: daysAgo(0) },
    ];
    const today = scoreLead(lead(), events, model, NOW);
    expect(today.total).toBe(60);
    expect(today.qualifies).toBe(true);
    const later = scoreLead(lead(), events, model, new Date(NOW.getTime() + 14 * 24 * 3600 * 1000));
    expect(later.total).toBe(50);
    expect(later.qualifies).toBe(false);
  });
});

describe("disqualifiers and the threshold", () => {
  it("keep a lead out of MQL whatever its score", () => {
    const hot = [
      { type: "DEMO_REQUESTED", occurredAt: daysAgo(1) },
      { type: "DEMO_REQUESTED", occurredAt: daysAgo(2) },
    ];
    expect(scoreLead(lead(), hot, model, NOW).qualifies).toBe(true);
    const freeMail = scoreLead(lead({ email: "giulia@gmail.com" }), hot, model, NOW);
    expect(freeMail.total).toBe(100);
    expect(freeMail.qualifies).toBe(false);
    expect(freeMail.disqualifiedBy).toEqual([{ ruleId: "freemail", label: "Free-mail address" }]);
    expect(scoreLead(lead({ title: "Studente di ingegneria" }), hot, model, NOW).qualifies).toBe(false);
  });

  it("qualifies at exactly the threshold", () => {
    const result = scoreLead(
      lead({ personaId: null }),
      [
        { type: "DEMO_REQUESTED", occurredAt: daysAgo(0) },
        { type: "PRICING_VIEWED", occurredAt: daysAgo(0) },
        { type: "WEBINAR_ATTENDED", occurredAt: daysAgo(3) },
      ],
      model,
      NOW,
    );
    expect(result.total).toBe(63);
    expect(result.qualifies).toBe(true);
  });
});

describe("threshold crossings", () => {
  const qualifying = scoreLead(lead(), [{ type: "DEMO_REQUESTED", occurredAt: daysAgo(0) }], model, NOW);
  it("make a lead MQL once per crossing", () => {
    expect(becomesMql({ qualifiedBefore: false, result: qualifying, stage: "LEAD" })).toBe(true);
    expect(becomesMql({ qualifiedBefore: true, result: qualifying, stage: "LEAD" })).toBe(false);
    expect(becomesMql({ qualifiedBefore: false, result: qualifying, stage: "NURTURE" })).toBe(true);
  });

  it("never move a lead backwards out of SQL or later", () => {
    for (const stage of ["MQL", "SQL", "OPPORTUNITY", "CUSTOMER", "LOST", "DISQUALIFIED"]) {
      expect(becomesMql({ qualifiedBefore: false, result: qualifying, stage })).toBe(false);
    }
  });
});
