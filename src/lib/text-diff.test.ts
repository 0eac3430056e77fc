import { describe, expect, it } from "vitest";
import { listDiff, textDiff } from "./text-diff";

describe("text diff", () => {
  it("marks added and removed words", () => {
    const parts = textDiff("A lead that asked for a demo", "A lead that asked for pricing");
    const removed = parts
      .filter((p) => p.kind === "removed")
      .map((p) => p.text)
      .join("|");
    const added = parts
      .filter((p) => p.kind === "added")
      .map((p) => p.text)
      .join("|");
    expect(removed).toContain("demo");
    expect(removed).not.toContain("lead");
    expect(added).toContain("pricing");
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("A lead that asked for pricing");
  });

  it("diffs lists as sets", () => {
    expect(listDiff(["MQL", "Qualified lead"], ["MQL", "Marketing lead"])).toEqual({
      added: ["Marketing lead"],
      removed: ["Qualified lead"],
    });
  });
});
