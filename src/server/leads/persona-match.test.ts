import { describe, expect, it } from "vitest";
import { matchPersona, type PersonaFit } from "./persona-match";

const persona = (overrides: Partial<PersonaFit>): PersonaFit => ({
  id: "p",
  name: "P",
  fitIndustries: [],
  fitSizeMin: null,
  fitSizeMax: null,
  fitTitleKeywords: [],
  fitCountries: [],
  ...overrides,
});

const fleet = persona({
  id: "fleet",
  name: "Fleet",
  fitIndustries: ["Logistics"],
  fitTitleKeywords: ["fleet"],
  fitCountries: ["IT"],
});
const logistics = persona({ id: "log", name: "Logistics", fitIndustries: ["logistics"] });
const small = persona({ id: "small", name: "Small", fitSizeMin: 1, fitSizeMax: 20 });

describe("persona matching", () => {
  it("needs every defined attribute to match; picks the most specific persona", () => {
    const lead = { industry: "LOGISTICS", companySize: 120, title: "Head of Fleet", country: "it" };
    expect(matchPersona(lead, [logistics, fleet, small])).toBe("fleet");
    expect(matchPersona({ ...lead, country: "DE" }, [logistics, fleet, small])).toBe("log");
    expect(matchPersona({ ...lead, industry: "Retail" }, [logistics, fleet])).toBeNull();
  });

  it("treats a missing company size as not matching a size range, and ignores personas without fit attributes", () => {
    expect(matchPersona({ industry: "", companySize: null, title: "", country: "" }, [small])).toBeNull();
    expect(matchPersona({ industry: "", companySize: 5, title: "", country: "" }, [small])).toBe("small");
    expect(
      matchPersona({ industry: "x", companySize: 5, title: "", country: "" }, [persona({ id: "empty" })]),
    ).toBeNull();
  });
});
