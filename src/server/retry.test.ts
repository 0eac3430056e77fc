import { describe, expect, it } from "vitest";
import { retryTransient } from "@/server/retry";

const deadlock = () => new Error("Raw query failed. Code: `40P01`. Message: `deadlock detected`");

describe("retryTransient", () => {
  it("runs the work again after a matching error and returns its result", async () => {
    let calls = 0;
    const retried: number[] = [];
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw deadlock();
        return "written";
      },
      { retryOn: /deadlock detected/, onRetry: (attempt) => retried.push(attempt) },
    );
    expect(result).toBe("written");
    expect(calls).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it("gives up after the last attempt with the error itself", async () => {
    let calls = 0;
    const failing = retryTransient(
      async () => {
        calls++;
        throw deadlock();
      },
      { retryOn: /deadlock detected/, attempts: 2 },
    );
    await expect(failing).rejects.toThrow(/deadlock detected/);
    expect(calls).toBe(2);
  });

  it("never retries other errors", async () => {
    let calls = 0;
    const failing = retryTransient(
      async () => {
        calls++;
        throw new Error("duplicate key value violates unique constraint");
      },
      { retryOn: /deadlock detected/ },
    );
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(calls).toBe(1);
  });
});
