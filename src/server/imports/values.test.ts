import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, readValue, unknownValues } from "./values";

describe("closed-set import values", () => {
  it("reads countries by code or by their English or Italian name, in any case", () => {
    for (const [cell, code] of [
      ["it", "IT"],
      ["Italy", "IT"],
      ["ITALIA", "IT"],
      ["Germania", "DE"],
      ["United Kingdom", "GB"],
      ["Regno Unito", "GB"],
      ["UK", "GB"],
      ["usa", "US"],
    ]) {
      expect(readValue("country", cell as string)).toBe(code);
    }
    expect(readValue("country", "Atlantis")).toBeUndefined();
    // Groupings and unknown regions are not countries; aliases (ZR for CD) are not offered twice.
    expect(COUNTRY_CODES).toContain("IT");
    expect(COUNTRY_CODES).not.toContain("EU");
    expect(COUNTRY_CODES).not.toContain("ZZ");
    expect(COUNTRY_CODES).not.toContain("ZR");
  });

  it("lets the importer's value mapping decide, before the app's own reading", () => {
    expect(readValue("channel", "Webinar")).toBeUndefined();
    expect(readValue("channel", " WEBINAR ", { channel: { webinar: "EVENTS" } })).toBe("EVENTS");
    expect(readValue("channel", "email", { channel: { email: "PARTNER" } })).toBe("PARTNER");
  });

  it("lists unknown cells once per spelling-insensitive value, most rows first", () => {
    const rows = [{ c: "Webinar" }, { c: "webinar" }, { c: "Fiera X" }, { c: "" }, { c: "Social" }];
    expect(unknownValues(rows, { channel: "c" })).toEqual({
      channel: {
        distinct: 2,
        values: [
          { value: "Webinar", key: "webinar", rows: 2 },
          { value: "Fiera X", key: "fiera x", rows: 1 },
        ],
      },
      country: { distinct: 0, values: [] },
    });
    expect(unknownValues(rows, { channel: "c" }, {}, 1).channel).toMatchObject({ distinct: 2, values: [{ rows: 2 }] });
  });
});
