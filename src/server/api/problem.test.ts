import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { problem, problemFromError, validationProblem } from "./problem";
import { json } from "./route";

describe("problem documents (RFC 9457)", () => {
  it("have the problem+json type and the standard members", async () => {
    const response = problem(404, "No such lead");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, title: "Not Found", detail: "No such lead" });
  });

  it("are never cached, and small ones are sent uncompressed while large bodies may be gzipped", async () => {
    expect(problem(404, "No such lead").headers.get("cache-control")).toBe("no-store, no-transform");
    expect(json({ notes: "x".repeat(2_000) }).headers.get("cache-control")).toBe("no-store");
    expect(json({}, { headers: { "cache-control": "public, max-age=300" } }).headers.get("cache-control")).toBe(
      "public, max-age=300",
    );
  });

  it("list validation errors with field paths", async () => {
    const result = z.object({ lead: z.object({ email: z.email() }) }).safeParse({ lead: { email: "x" } });
    if (result.success) throw new Error("expected failure");
    const body = await validationProblem(result.error).json();
    expect(body.status).toBe(422);
    expect(body.errors[0].path).toBe("lead.email");
  });

  it("map expected errors to their status and rate limits to Retry-After", async () => {
    expect(problemFromError(new AppError("forbidden")).status).toBe(403);
    expect(problemFromError(new AppError("conflict")).status).toBe(409);
    const limited = problemFromError(new AppError("rateLimited", "slow down", { params: { seconds: 42 } }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("42");
  });

  it("never echo unexpected errors, but log them", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const response = problemFromError(new Error("connection string postgres://secret@db"), "req-1");
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
    expect(logged).toHaveBeenCalledWith("api.unexpected", expect.objectContaining({ requestId: "req-1" }));
    logged.mockRestore();
  });
});
