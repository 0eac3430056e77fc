import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { jsonbText } from "@/server/jsonb-text";
import type { ScoreResult } from "@/server/scoring/engine";
import { scoreExplanation, scoreExplanationText } from "@/server/scoring/explanation";

// Bulk re-scoring compares jsonbText of a new explanation with the stored jsonb's text to skip unchanged rows:
// the two must agree on whatever an explanation can hold (labels are free text typed by marketers).
describe("jsonbText writes JSON as PostgreSQL prints jsonb", () => {
  const values: unknown[] = [
    { contributions: [], disqualifiedBy: [] },
    {
      contributions: [
        { ruleId: "form", label: "Form submitted", kind: "behaviour", points: 9.08, events: 10 },
        { ruleId: "size", label: "Piccole aziende — “<10” dipendenti", kind: "fit", points: -20 },
        { ruleId: "x", label: 'quote " backslash \\ tab \t newline \n bell \u0007 emoji 🚚', kind: "fit", points: 0.1 },
      ],
      disqualifiedBy: [{ ruleId: "student", label: "Studente" }],
    },
    { b: 1, a: 2, aa: [true, false, null], é: "accent", z: { y: 1.5, x: -0.25 }, big: 123456789012.34 },
    [1, "two", [3], {}],
  ];

  for (const [i, value] of values.entries())
    it(`value ${i}`, async () => {
      const [row] = await db.$queryRaw<{ text: string }[]>`SELECT (${JSON.stringify(value)}::jsonb)::text AS text`;
      expect(jsonbText(value)).toBe(row?.text);
    });

  it("gives up (null) on numbers jsonb would print differently", () => {
    expect(jsonbText({ points: 1e21 })).toBeNull();
    expect(jsonbText([Number.NaN])).toBeNull();
  });
});

describe("scoreExplanationText is the stored explanation's text", () => {
  const result = (over: Partial<ScoreResult>): ScoreResult => ({
    fit: 0,
    engagement: 0,
    total: 0,
    qualifies: false,
    disqualifiedBy: [],
    explanation: [],
    ...over,
  });
  const cases: ScoreResult[] = [
    result({}),
    result({
      explanation: [
        { ruleId: "size", label: 'Piccole aziende “<10” \\ "dipendenti"\n', kind: "fit", points: -20 },
        { ruleId: "demo", label: "Demo 🚚", kind: "behaviour", points: 9.08, events: 3 },
        { ruleId: "open", label: "Email opened", kind: "behaviour", points: 0.01, events: 1 },
      ],
      disqualifiedBy: [
        { ruleId: "student", label: "Studente" },
        { ruleId: "free", label: "Free mail" },
      ],
    }),
  ];
  for (const [i, value] of cases.entries())
    it(`case ${i}`, async () => {
      const [row] = await db.$queryRaw<{ text: string }[]>`
        SELECT (${JSON.stringify(scoreExplanation(value))}::jsonb)::text AS text`;
      expect(scoreExplanationText(value)).toBe(row?.text);
      expect(scoreExplanationText(value)).toBe(jsonbText(scoreExplanation(value)));
    });
});
