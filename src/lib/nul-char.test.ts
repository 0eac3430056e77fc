import { describe, expect, it } from "vitest";
import { nulCharPath } from "@/lib/nul-char";

describe("nulCharPath", () => {
  it("finds U+0000 in nested strings and keys, and nothing in clean input", () => {
    expect(nulCharPath({ a: "ok", b: [1, "x\u0000y"] })).toEqual(["b", 1]);
    expect(nulCharPath({ "k\u0000": 1 })).toEqual(["k\u0000"]);
    expect(nulCharPath("\u0000")).toEqual([]);
    expect(nulCharPath({ a: ["ok", { b: "fine" }], n: 0, z: null })).toBeNull();
  });
});
