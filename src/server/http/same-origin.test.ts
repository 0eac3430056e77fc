import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://app.test/x", { method: "POST", headers });

describe("assertSameOrigin", () => {
  it("lets this site's pages (and requests without an Origin) through, and refuses other sites", () => {
    expect(() => assertSameOrigin(post({ host: "app.test", origin: "http://app.test" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ host: "app.test" }))).not.toThrow();
    for (const origin of ["https://evil.example", "null", "not a url"]) {
      expect(() => assertSameOrigin(post({ host: "app.test", origin })), origin).toThrow(/Cross-site/);
    }
  });
});
