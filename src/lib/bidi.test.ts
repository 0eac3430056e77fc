import { describe, expect, it } from "vitest";
import { isolate, isolateValues } from "./bidi";

describe("bidi isolation of people's text", () => {
  it("wraps text in first-strong isolate … pop isolate, leaving empty text empty", () => {
    expect(isolate("Ada")).toBe("\u2068Ada\u2069");
    // An override left open by the text is closed by the isolate's end, before the sentence goes on.
    expect(isolate("\u202Eevil")).toBe("\u2068\u202Eevil\u2069");
    expect(isolate("")).toBe("");
  });

  it("isolates the strings among a message's values only", () => {
    const when = new Date(0);
    expect(isolateValues({ lead: "شركة", count: 3, at: when })).toEqual({
      lead: "\u2068شركة\u2069",
      count: 3,
      at: when,
    });
  });
});
