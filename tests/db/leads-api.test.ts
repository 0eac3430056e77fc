/**
 * The public leads API: every error case is a problem document with a field
 * path (never a 500), and Idempotency-Key replays are exact and race-free.
 */
import { describe, expect, it } from "vitest";
import { POST as postEvent } from "@/app/api/v1/leads/[id]/events/route";
import { GET as getOne } from "@/app/api/v1/leads/[id]/route";
import { GET as list, POST as post } from "@/app/api/v1/leads/route";
import { createApiToken } from "@/server/api-tokens/service";
import { db } from "@/server/db";
import { freshWorkspace } from "@/server/seed/factories";

async function setup() {
  const ws = await freshWorkspace("API");
  const token = await createApiToken(ws.marketer, { name: "form" });
  return { ws, token: token.secret };
}

function request(token: string, body: unknown, headers: Record<string, string> = {}, method = "POST") {
  return new Request("http://test/api/v1/leads", {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const noParams = { params: Promise.resolve({}) };

describe("POST /api/v1/leads", () => {
  it("creates (201) and then updates by email (200)", async () => {
    const { token } = await setup();
    const created = await post(request(token, { email: "  Ada@Acme.TEST ", name: "Ada", channel: "EVENTS" }), noParams);
    expect(created.status).toBe(201);
    // The support reference of the request (API routes make their own; the page proxy does not run for them).
    expect(created.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const body = await created.json();
    expect(body).toMatchObject({ email: "ada@acme.test", stage: "LEAD", channel: "EVENTS" });
    // A new lead is answered from the one-statement path; reading it back through Prisma gives the same document.
    const readBack = await getOne(
      new Request(`http://test/api/v1/leads/${body.id}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: body.id }) },
    );
    expect(await readBack.json()).toEqual(body);
    const updated = await post(request(token, { email: "ada@acme.test", company: "Acme" }), noParams);
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: body.id, name: "Ada", company: "Acme" });
  });

  it.each([
    ["malformed JSON", "{ not json", 400, undefined],
    ["a wrong type", { email: "a@b.test", companySize: "big" }, 422, "companySize"],
    ["an unknown field", { email: "a@b.test", favouriteColour: "blue" }, 422, "/"],
    ["an invalid email", { email: "not-an-email" }, 422, "email"],
    ["an oversized string", { email: "a@b.test", name: "x".repeat(5000) }, 422, "name"],
    ["a missing email", { name: "Nobody" }, 422, "email"],
    ["an array instead of an object", [{ email: "a@b.test" }], 422, "/"],
    ["markup", { email: "a@b.test", company: "<script>alert(1)</script>" }, 422, "company"],
  ])("answers %s with the right status and field path", async (_label, body, status, path) => {
    const { token } = await setup();
    const response = await post(request(token, body), noParams);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.status).toBe(status);
    if (path) expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("refuses bodies over 1 MB (413) and other media types (415)", async () => {
    const { token } = await setup();
    const big = await post(
      request(token, JSON.stringify({ email: "a@b.test", name: "x".repeat(1_100_000) })),
      noParams,
    );
    expect(big.status).toBe(413);
    const form = await post(
      request(token, "email=a@b.test", { "content-type": "application/x-www-form-urlencoded" }),
      noParams,
    );
    expect(form.status).toBe(415);
  });

  it("refuses roles without leads.write (403) and bad tokens (401)", async () => {
    const { ws } = await setup();
    const rep = await createApiToken(ws.sales, { name: "rep" });
    expect((await post(request(rep.secret, { email: "a@b.test" }), noParams)).status).toBe(403);
    expect((await post(request("smk_nope", { email: "a@b.test" }), noParams)).status).toBe(401);
  });
});

describe("Idempotency-Key", () => {
  it("100 concurrent requests with one key make one lead and identical responses", { timeout: 60_000 }, async () => {
    const { ws, token } = await setup();
    const body = { email: "once@acme.test", name: "Once" };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => post(request(token, body, { "idempotency-key": "form-123" }), noParams)),
    );
    const statuses = new Set(responses.map((r) => r.status));
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(statuses).toEqual(new Set([201]));
    expect(bodies.size).toBe(1);
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(99);
  });

  it("the same key with a different body is refused with 422; another key is a new request", async () => {
    const { token } = await setup();
    expect((await post(request(token, { email: "k@acme.test" }, { "idempotency-key": "k1" }), noParams)).status).toBe(
      201,
    );
    const reused = await post(request(token, { email: "other@acme.test" }, { "idempotency-key": "k1" }), noParams);
    expect(reused.status).toBe(422);
    expect((await post(request(token, { email: "k@acme.test" }, { "idempotency-key": "k2" }), noParams)).status).toBe(
      200,
    );
  });

  it("a failed request does not burn its key", async () => {
    const { ws, token } = await setup();
    const lead = await post(request(token, { email: "ev@acme.test" }), noParams);
    const { id } = await lead.json();
    const eventRequest = (type: string) =>
      new Request(`http://test/api/v1/leads/${id}/events`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": `ev-${type}`,
        },
        body: JSON.stringify({ type }),
      });
    const unknown = await postEvent(eventRequest("TELEPATHY"), { params: Promise.resolve({ id }) });
    expect(unknown.status).toBe(422);
    expect(await db.idempotencyRecord.count({ where: { workspaceId: ws.workspace.id, key: "ev-TELEPATHY" } })).toBe(0);
    const ok = await postEvent(eventRequest("DEMO_REQUESTED"), { params: Promise.resolve({ id }) });
    expect(ok.status).toBe(201);
    expect((await ok.json()).lead.score.total).toBe(40);
  });
});

describe("GET /api/v1/leads", () => {
  it("pages through leads by last change with a cursor and filters by stage", async () => {
    const { token } = await setup();
    for (let i = 0; i < 5; i++) await post(request(token, { email: `p${i}@acme.test` }), noParams);
    const get = (query: string) =>
      list(
        new Request(`http://test/api/v1/leads?${query}`, { headers: { authorization: `Bearer ${token}` } }),
        noParams,
      );
    const first = await (await get("limit=2")).json();
    expect(first.data).toHaveLength(2);
    const second = await (await get(`limit=2&cursor=${first.nextCursor}`)).json();
    const third = await (await get(`limit=2&cursor=${second.nextCursor}`)).json();
    const emails = [...first.data, ...second.data, ...third.data].map((l: { email: string }) => l.email);
    expect(new Set(emails).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect((await (await get("stage=MQL")).json()).data).toHaveLength(0);
    expect((await get("stage=NOPE")).status).toBe(400);
    expect((await get("cursor=garbage")).status).toBe(422);

    const one = await getOne(
      new Request(`http://test/api/v1/leads/${first.data[0].id}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: first.data[0].id }) },
    );
    expect(one.status).toBe(200);
    const other = await setup();
    const hidden = await getOne(
      new Request(`http://test/api/v1/leads/${first.data[0].id}`, {
        headers: { authorization: `Bearer ${other.token}` },
      }),
      { params: Promise.resolve({ id: first.data[0].id }) },
    );
    expect(hidden.status).toBe(404);
  });
});
