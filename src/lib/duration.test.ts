import { describe, expect, it } from "vitest";
import { durationParts } from "./duration";

describe("durationParts", () => {
  it("reads hours from one hour up, minutes below, and 'under a minute' below that", () => {
    expect(durationParts(4.5)).toEqual({ unit: "hours", value: 4.5 });
    expect(durationParts(1)).toEqual({ unit: "hours", value: 1 });
    expect(durationParts(2 / 60)).toEqual({ unit: "minutes", value: 2 });
    expect(durationParts(59.4 / 60)).toEqual({ unit: "minutes", value: 59 });
    expect(durationParts(8 / 3600)).toEqual({ unit: "underMinute", value: 0 });
    expect(durationParts(0)).toEqual({ unit: "underMinute", value: 0 });
  });
});
