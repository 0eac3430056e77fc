import { describe, expect, it } from "vitest";
import { STARTER_TERMS } from "@/server/glossary/starter-terms";
import { METRIC_FORMULAS } from "./definitions";

describe("starter glossary terms state what the app computes", () => {
  for (const [key, formula] of Object.entries(METRIC_FORMULAS)) {
    it(`"${key}" says the formula of its figure, in both languages`, () => {
      const term = STARTER_TERMS.find((t) => t.key === key);
      expect(term, key).toBeDefined();
      expect(term?.en.definition.toLowerCase()).toContain(formula.en.toLowerCase());
      expect(term?.it.definition.toLowerCase()).toContain(formula.it.toLowerCase());
    });
  }

  it("no starter term promises costs the app does not record", () => {
    const cac = STARTER_TERMS.find((t) => t.key === "cac");
    expect(cac?.en.definition).not.toMatch(/\(marketing spend \+ sales spend\)/);
  });
});
