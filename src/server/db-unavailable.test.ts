import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises the shapes an outage takes, and nothing else", () => {
    const outage = [
      { code: "P1001" },
      { code: "ECONNREFUSED" },
      { originalCode: "57P01" },
      { code: "08006" },
      { kind: "ConnectionClosed" },
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("Connection terminated unexpectedly"),
      { message: "wrapped", cause: { code: "ECONNRESET" } },
      { meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
    ];
    for (const error of outage) expect(isDatabaseUnavailable(error), JSON.stringify(error)).toBe(true);
    const bugs = [
      new Error("Cannot read properties of undefined"),
      { code: "P2002" },
      { originalCode: "23505" },
      null,
      "x",
    ];
    for (const error of bugs) expect(isDatabaseUnavailable(error), JSON.stringify(error)).toBe(false);
  });
});
