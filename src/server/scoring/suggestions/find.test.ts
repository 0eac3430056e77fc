import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import {
  type AnsweredHandoff,
  applyChange,
  findDisagreements,
  type Names,
  titleWords,
  wilson,
} from "@/server/scoring/suggestions/find";

const names: Names = {
  persona: (id) => `P-${id}`,
  channel: (c) => c.toLowerCase(),
  label: (dimension, name) => `${dimension}: ${name}`,
};

function handoffs(count: number, rejected: number, over: Partial<AnsweredHandoff>, reason: AnsweredHandoff["reason"]) {
  return Array.from(
    { length: count },
    (_, i): AnsweredHandoff => ({
      rejected: i < rejected,
      reason: i < rejected ? reason : null,
      personaId: null,
      channel: "EMAIL",
      campaignId: null,
      title: "Marketing manager",
      rules: ["form"],
      ...over,
    }),
  );
}

describe("disagreements between the model and sales", () => {
  it("finds a rule and a title word sales returns far more often, with the change that follows", () => {
    // 48 MQLs scored by 'Content downloaded', 31 returned NOT_A_FIT; 152 others, 15 returned; 12 students, 11 returned.
    const data = [
      ...handoffs(48, 31, { rules: ["form", "content"] }, "NOT_A_FIT"),
      ...handoffs(152, 15, {}, "TIMING"),
      ...handoffs(12, 11, { title: "Student" }, "NOT_A_FIT"),
    ];
    const findings = findDisagreements(data, DEFAULT_SCORING_MODEL, names);
    // The average: 57 of 212 returned.
    expect(findings.map((f) => f.key).sort()).toEqual(["rule:content", "title:student"]);
    const content = findings.find((f) => f.key === "rule:content");
    expect(content).toMatchObject({
      handoffs: 48,
      rejected: 31,
      reasons: { NOT_A_FIT: 31 },
      topReason: "NOT_A_FIT",
      average: 57 / 212,
      // Accepted 17/48 against 155/212 on average: 5 × (17/48) / (155/212) = 2.42 → 2 points.
      change: { kind: "lowerRule", ruleKind: "behaviour", ruleId: "content", from: 5, to: 2 },
    });
    expect(content?.low).toBeGreaterThan(57 / 212);
    expect(findings.find((f) => f.key === "title:student")?.change).toEqual({
      kind: "addDisqualifier",
      label: "title: student",
      when: { attribute: "title", operator: "containsAny", values: ["student"] },
    });
  });

  it("counts a title word's group as the proposed rule would match it: anywhere in the title", () => {
    // 12 "Intern" MQLs, 11 returned; 40 "International sales" MQLs, all accepted, contain the word too.
    const data = [
      ...handoffs(12, 11, { title: "Intern" }, "NOT_A_FIT"),
      ...handoffs(40, 0, { title: "International sales" }, null),
      ...handoffs(150, 20, { title: "Owner" }, "TIMING"),
    ];
    // "intern": 11 of 52 returned (21 %) against 31 of 202 (15 %) — within the noise once the 40 are counted.
    expect(findDisagreements(data, DEFAULT_SCORING_MODEL, names).map((f) => f.key)).not.toContain("title:intern");
    // Without them it is a finding.
    const alone = [
      ...handoffs(12, 11, { title: "Intern" }, "NOT_A_FIT"),
      ...handoffs(150, 20, { title: "Owner" }, "TIMING"),
    ];
    expect(findDisagreements(alone, DEFAULT_SCORING_MODEL, names).map((f) => f.key)).toContain("title:intern");
  });

  it("leaves out a title word most MQLs share, however often they were returned", () => {
    // "manager" is in 60 of 160 titles (37 %), 40 of them returned against 30 of the other 100.
    const data = [
      ...handoffs(60, 40, { title: "Fleet manager" }, "NOT_A_FIT"),
      ...handoffs(100, 30, { title: "Owner" }, "TIMING"),
    ];
    const keys = findDisagreements(data, DEFAULT_SCORING_MODEL, names).map((f) => f.key);
    expect(keys).not.toContain("title:manager");
    expect(keys).not.toContain("title:fleet");
  });

  it("finds nothing where a group is returned at the average rate, or too few times to tell", () => {
    const data = [
      // 'Content downloaded' returned 11 of 48 times (23 %), the rest 35 of 152 (23 %).
      ...handoffs(48, 11, { rules: ["form", "content"] }, "NOT_A_FIT"),
      ...handoffs(152, 35, {}, "TIMING"),
      // Every one of nine returned: far above the average, but under ten returns.
      ...handoffs(9, 9, { channel: "SOCIAL" }, "SPAM"),
    ];
    expect(findDisagreements(data, DEFAULT_SCORING_MODEL, names)).toEqual([]);
    expect(findDisagreements([], DEFAULT_SCORING_MODEL, names)).toEqual([]);
  });

  it("suggests a negative fit rule for a persona or channel, and no change for a campaign", () => {
    const data = [
      ...handoffs(40, 30, { personaId: "p1", channel: "SOCIAL", campaignId: "c1" }, "NO_BUDGET"),
      ...handoffs(160, 16, {}, "TIMING"),
    ];
    const byKey = new Map(findDisagreements(data, DEFAULT_SCORING_MODEL, names).map((f) => [f.key, f]));
    expect(byKey.get("persona:p1")?.change).toEqual({
      kind: "addFitRule",
      label: "persona: P-p1",
      when: { attribute: "persona", operator: "is", personaId: "p1" },
      points: -10,
    });
    expect(byKey.get("channel:SOCIAL")?.change).toMatchObject({
      kind: "addFitRule",
      when: { attribute: "channel", operator: "in", values: ["SOCIAL"] },
    });
    expect(byKey.get("campaign:c1")?.change).toBeNull();
  });

  it("applies a change to the model", () => {
    const lowered = applyChange(
      DEFAULT_SCORING_MODEL,
      { kind: "lowerRule", ruleKind: "behaviour", ruleId: "content", label: "Content downloaded", from: 5, to: 2 },
      "new",
    );
    expect(lowered.behaviourRules.find((r) => r.id === "content")?.points).toBe(2);
    expect(lowered.behaviourRules.filter((r) => r.id !== "content")).toEqual(
      DEFAULT_SCORING_MODEL.behaviourRules.filter((r) => r.id !== "content"),
    );
    const disqualified = applyChange(
      DEFAULT_SCORING_MODEL,
      {
        kind: "addDisqualifier",
        label: "Intern",
        when: { attribute: "title", operator: "containsAny", values: ["intern"] },
      },
      "dq-1",
    );
    expect(disqualified.disqualifiers.at(-1)).toEqual({
      id: "dq-1",
      label: "Intern",
      when: { attribute: "title", operator: "containsAny", values: ["intern"] },
    });
  });

  it("computes the Wilson interval and title words", () => {
    // 31 of 48: p = 0.646; centre (p + z²/2n)/(1 + z²/n) = 0.6350, half-width 0.1306: 0.5044 … 0.7657.
    const { low, high } = wilson(31, 48);
    expect(low).toBeCloseTo(0.5043, 3);
    expect(high).toBeCloseTo(0.7657, 3);
    expect(titleWords("Studente / Stagista, IT")).toEqual(["studente", "stagista"]);
  });
});
