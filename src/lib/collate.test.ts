import { describe, expect, it } from "vitest";
import { sortByName } from "./collate";

describe("sortByName", () => {
  it("ignores case and accents, and reads numbers as numbers", () => {
    const names = ["CPL", "campaign", "CAC", "Élodie", "Elena", "Lead 10", "Lead 2", "zeta"];
    expect(sortByName(names, (n) => n)).toEqual([
      "CAC",
      "campaign",
      "CPL",
      "Elena",
      "Élodie",
      "Lead 2",
      "Lead 10",
      "zeta",
    ]);
  });

  it("sorts by the name shown in the reader's language", () => {
    const terms = [
      { en: "Lead", it: "Contatto" },
      { en: "Buyer persona", it: "Buyer persona" },
      { en: "Customer", it: "Cliente" },
    ];
    expect(sortByName(terms, (t) => t.it, "it").map((t) => t.it)).toEqual(["Buyer persona", "Cliente", "Contatto"]);
    expect(sortByName(terms, (t) => t.en, "en").map((t) => t.en)).toEqual(["Buyer persona", "Customer", "Lead"]);
  });
});
