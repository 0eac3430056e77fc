import { describe, expect, it } from "vitest";
import { curveStep, modelFigures, type Outcomes } from "@/server/scoring/backtest/metrics";

// Ten leads; what became of them is shared by both models.
const reached = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
const NOT_A_FIT = 1 << 0;
const NO_BUDGET = 1 << 1;
const outcomes: Outcomes = {
  reached: Uint8Array.from(reached),
  accepted: Uint8Array.from([1, 1, 0, 1, 1, 0, 1, 0, 0, 0]),
  rejections: Uint16Array.from([0, 0, NOT_A_FIT, 0, NOT_A_FIT | NO_BUDGET, 0, 0, 0, 0, 0]),
  // Sales answered the handoffs of leads 0–4 (the MQLs of the model in force at the time).
  answered: Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
  months: 2,
};

describe("backtest figures, computed by hand", () => {
  it("model A: a clean ranking", () => {
    const figures = modelFigures(
      {
        scores: Float64Array.from([90, 80, 70, 60, 50, 40, 30, 20, 10, 0]),
        disqualified: new Uint8Array(10),
        threshold: 55,
      },
      outcomes,
    );
    // MQL at 55: leads 0–3; of them 0, 1, 3 reached the outcome; 4 leads reached it in all.
    expect(figures).toMatchObject({ mqls: 4, mqlsPerMonth: 2, truePositives: 3, precision: 0.75, recall: 0.75 });
    // Lead 2 (an MQL) was returned as not a fit; sales saw all four MQLs.
    expect(figures.returned).toBe(1);
    expect(figures.answered).toBe(4);
    expect(figures.reasons).toEqual({ NOT_A_FIT: 1 });
    // Each positive beats the negatives below it: 6 + 6 + 5 + 3 = 20 of 4 × 6 pairs.
    expect(figures.auc).toBeCloseTo(20 / 24, 12);
    // One lead per tenth; the average conversion is 0.4.
    expect(figures.deciles.map((d) => d.lift)).toEqual([2.5, 2.5, 0, 2.5, 0, 0, 2.5, 0, 0, 0]);
    expect(figures.deciles[0]).toMatchObject({ leads: 1, reached: 1, rate: 1, minScore: 90, maxScore: 90 });
    // The curve: at 55, 4 MQLs (2 a month), 3 accepted; at 0 every lead, 5 accepted.
    const at = (t: number) => figures.curve.find((p) => p.threshold === t);
    expect(at(55)).toMatchObject({ mqls: 4, mqlsPerMonth: 2, acceptance: 0.75, precision: 0.75 });
    expect(at(0)).toMatchObject({ mqls: 10, mqlsPerMonth: 5, acceptance: 0.5, precision: 0.4 });
    expect(at(95)).toBeUndefined();
    expect(figures.curve.map((p) => p.threshold)).toEqual([...Array(19).keys()].map((k) => k * 5));
  });

  it("model B: ties and a disqualifier", () => {
    const disqualified = new Uint8Array(10);
    disqualified[2] = 1;
    const figures = modelFigures(
      { scores: Float64Array.from([50, 50, 50, 50, 50, 10, 10, 10, 10, 10]), disqualified, threshold: 50 },
      outcomes,
    );
    // Lead 2 is at 50 but disqualified: MQLs are 0, 1, 3, 4; three reached the outcome.
    expect(figures).toMatchObject({ mqls: 4, disqualified: 1, truePositives: 3, precision: 0.75, recall: 0.75 });
    expect(figures.returned).toBe(1);
    expect(figures.reasons).toEqual({ NOT_A_FIT: 1, NO_BUDGET: 1 });
    // Positives at 50 beat lead 2 (−∞) and the four negatives at 10, and tie lead 4: 5.5 each;
    // the positive at 10 beats lead 2 and ties four negatives: 1 + 2. (3 × 5.5 + 3) / 24.
    expect(figures.auc).toBeCloseTo(19.5 / 24, 12);
    // Ranking: the four at 50 (three reached), then the five at 10 (one reached), then the disqualified lead last;
    // ties in a scrambled order, the same every time.
    const reachedIn = (from: number, to: number) => figures.deciles.slice(from, to).reduce((n, d) => n + d.reached, 0);
    expect([reachedIn(0, 4), reachedIn(4, 9)]).toEqual([3, 1]);
    expect(figures.deciles[9]).toMatchObject({ leads: 1, reached: 0, minScore: 50 });
    expect(
      modelFigures(
        { scores: Float64Array.from([50, 50, 50, 50, 50, 10, 10, 10, 10, 10]), disqualified, threshold: 50 },
        outcomes,
      ).deciles,
    ).toEqual(figures.deciles);
  });

  it("reports no precision, recall or AUC where they are undefined", () => {
    const none: Outcomes = { ...outcomes, reached: new Uint8Array(10) };
    const figures = modelFigures(
      { scores: new Float64Array(10), disqualified: new Uint8Array(10), threshold: 100 },
      none,
    );
    expect(figures).toMatchObject({ mqls: 0, precision: null, recall: null, auc: null });
    expect(figures.deciles[0]?.lift).toBeNull();
  });

  it("uses round steps for the threshold curve", () => {
    expect(curveStep(90)).toBe(5);
    expect(curveStep(400)).toBe(10);
    expect(curveStep(7)).toBe(0.2);
    expect(curveStep(0)).toBe(1);
  });
});
