import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import it_ from "../../../messages/it.json";
import { ruleLabel } from "./default-labels";
import { DEFAULT_SCORING_MODEL } from "./schema";

const italian = createTranslator({ locale: "it", messages: it_ }) as unknown as Parameters<typeof ruleLabel>[1];
const english = createTranslator({ locale: "en", messages: en }) as unknown as Parameters<typeof ruleLabel>[1];

describe("rule names in the reader's language", () => {
  it("reads the starter model's rules in Italian, and every starter rule has both names", () => {
    expect(ruleLabel({ ruleId: "event", label: "Visited us at an event" }, italian)).toBe("Ci ha visitato a un evento");
    for (const rule of [
      ...DEFAULT_SCORING_MODEL.fitRules,
      ...DEFAULT_SCORING_MODEL.behaviourRules,
      ...DEFAULT_SCORING_MODEL.disqualifiers,
    ]) {
      expect(ruleLabel({ ruleId: rule.id, label: rule.label }, english)).toBe(rule.label);
      expect(ruleLabel({ ruleId: rule.id, label: rule.label }, italian)).not.toBe(
        rule.label === "Student" ? "" : rule.label,
      );
    }
  });

  it("shows a name the workspace gave as written", () => {
    expect(ruleLabel({ ruleId: "event", label: "Came to Transpotec" }, italian)).toBe("Came to Transpotec");
    expect(ruleLabel({ ruleId: "custom-1", label: "Fleet over 50 vans" }, italian)).toBe("Fleet over 50 vans");
  });
});
