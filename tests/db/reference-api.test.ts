/**
 * What the dashboards and the UI do, through the API too: campaigns and their
 * spend, deal steps (and the lead's deal in its shape), lead quality, goals,
 * the SLA and the scoring model in force — with the API's conventions
 * (tokens and roles, problem documents, idempotent POSTs, cursor pages).
 */
import { formatInTimeZone } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import { GET as getCampaign, PATCH as patchCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { GET as listSpend, POST as postSpend } from "@/app/api/v1/campaigns/[id]/spend/route";
import { GET as listCampaigns, POST as postCampaign } from "@/app/api/v1/campaigns/route";
import { GET as goals } from "@/app/api/v1/goals/route";
import { POST as postDeal } from "@/app/api/v1/leads/[id]/deal/route";
import { GET as getLead } from "@/app/api/v1/leads/[id]/route";
import { GET as quality } from "@/app/api/v1/metrics/quality/route";
import { GET as scoringModel } from "@/app/api/v1/scoring-model/route";
import { GET as sla } from "@/app/api/v1/sla/route";
import { createApiToken } from "@/server/api-tokens/service";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { acceptHandoff } from "@/server/handoffs/answer";
import { createHandoffs } from "@/server/handoffs/assignment";
import { freshWorkspace } from "@/server/seed/factories";

const token = async (actor: Actor) => (await createApiToken(actor, { name: "bi" })).secret;

function call(secret: string, url: string, body?: unknown, method?: string, headers: Record<string, string> = {}) {
  return new Request(`http://test${url}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

describe("campaigns and spend through the API", () => {
  it("creates (idempotently), lists by pages, changes, and records spend by day or month with currency and rate", async () => {
    const ws = await freshWorkspace("Campaign API");
    const marketer = await token(ws.marketer);
    const body = { name: "Trade fair Verona", channel: "EVENTS", startDate: "2026-11-01", budget: 5000 };
    const created = await postCampaign(
      call(marketer, "/api/v1/campaigns", body, "POST", { "idempotency-key": "c1" }),
      noParams,
    );
    expect(created.status).toBe(201);
    const campaign = await created.json();
    expect(campaign).toMatchObject({ name: "Trade fair Verona", channel: "EVENTS", budget: 5000, currency: "EUR" });
    const replay = await postCampaign(
      call(marketer, "/api/v1/campaigns", body, "POST", { "idempotency-key": "c1" }),
      noParams,
    );
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(campaign);
    const duplicate = await postCampaign(call(marketer, "/api/v1/campaigns", body), noParams);
    expect(duplicate.status).toBe(422);
    expect((await duplicate.json()).errors).toEqual([expect.objectContaining({ path: "name" })]);
    await postCampaign(call(marketer, "/api/v1/campaigns", { name: "Ads", channel: "PAID_SEARCH" }), noParams);

    const first = await (await listCampaigns(call(marketer, "/api/v1/campaigns?limit=1"), noParams)).json();
    expect(first.data).toHaveLength(1);
    const second = await (
      await listCampaigns(call(marketer, `/api/v1/campaigns?limit=1&cursor=${first.nextCursor}`), noParams)
    ).json();
    expect([...first.data, ...second.data].map((c: { name: string }) => c.name).sort()).toEqual([
      "Ads",
      "Trade fair Verona",
    ]);
    expect((await listCampaigns(call(marketer, "/api/v1/campaigns?cursor=nonsense"), noParams)).status).toBe(422);

    const patched = await patchCampaign(
      call(marketer, `/api/v1/campaigns/${campaign.id}`, { budget: 6000 }, "PATCH"),
      params(campaign.id),
    );
    expect(await patched.json()).toMatchObject({ budget: 6000, startDate: "2026-11-01", name: "Trade fair Verona" });
    const backwards = await patchCampaign(
      call(marketer, `/api/v1/campaigns/${campaign.id}`, { endDate: "2026-10-01" }, "PATCH"),
      params(campaign.id),
    );
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).errors).toEqual([expect.objectContaining({ path: "endDate" })]);
    expect((await getCampaign(call(marketer, `/api/v1/campaigns/${campaign.id}`), params(campaign.id))).status).toBe(
      200,
    );

    const spend = (entry: unknown) =>
      postSpend(call(marketer, `/api/v1/campaigns/${campaign.id}/spend`, entry), params(campaign.id));
    const usd = await spend({
      period: { kind: "month", month: "2026-11" },
      amount: 1000,
      currency: "USD",
      eurRate: 0.9,
    });
    expect(usd.status).toBe(201);
    expect(await usd.json()).toMatchObject({ periodStart: "2026-11-01", periodEnd: "2026-11-30", amountEur: 900 });
    expect(
      (await spend({ period: { kind: "month", month: "2026-11" }, amount: 1200, currency: "USD", eurRate: 0.9 }))
        .status,
    ).toBe(200);
    const noRate = await spend({ period: { kind: "day", date: "2026-11-05" }, amount: 10, currency: "USD" });
    expect(noRate.status).toBe(422);
    expect((await noRate.json()).errors).toEqual([expect.objectContaining({ path: "eurRate" })]);
    await spend({ period: { kind: "day", date: "2026-11-05" }, amount: 80 });
    const rows = (
      await (await listSpend(call(marketer, `/api/v1/campaigns/${campaign.id}/spend`), params(campaign.id))).json()
    ).data;
    expect(rows.map((r: { amountEur: number }) => r.amountEur).sort()).toEqual([1080, 80]);

    // A sales rep reads campaigns but cannot change them; another workspace's campaign is not found.
    const rep = await token(ws.sales);
    expect((await postCampaign(call(rep, "/api/v1/campaigns", { name: "X", channel: "OTHER" }), noParams)).status).toBe(
      403,
    );
    const other = await freshWorkspace("Campaign API other");
    const stranger = await token(other.marketer);
    expect((await getCampaign(call(stranger, `/api/v1/campaigns/${campaign.id}`), params(campaign.id))).status).toBe(
      404,
    );
  });
});

describe("deal steps through the API", () => {
  it("opens an opportunity and wins it; the lead's shape carries its deal; refused steps are problems", async () => {
    const ws = await freshWorkspace("Deal API");
    const lead = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: "deal@acme.test", channel: "EVENTS", stage: "MQL" },
    });
    const [handoff] = await db.$transaction((tx) =>
      createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: [lead.id], now: new Date(), actorUserId: null }),
    );
    const manager = await token(ws.manager);
    const deal = (body: unknown) => postDeal(call(manager, `/api/v1/leads/${lead.id}/deal`, body), params(lead.id));
    // Still an MQL: no deal step yet.
    expect((await deal({ step: "opportunity", amount: 100, expectedCloseDate: "2027-01-31" })).status).toBe(409);
    await acceptHandoff(ws.manager, handoff?.id as string);

    const opened = await deal({ step: "opportunity", amount: 12_000, expectedCloseDate: "2027-01-31" });
    expect(opened.status).toBe(200);
    expect((await opened.json()).deal).toMatchObject({ opportunityAmount: 12_000, expectedCloseDate: "2027-01-31" });
    expect((await deal({ step: "won", amount: 11_500, closedOn: "2099-01-01" })).status).toBe(422);
    const today = formatInTimeZone(new Date(), "Europe/Rome", "yyyy-MM-dd");
    const won = await deal({ step: "won", amount: 11_500, closedOn: today });
    expect(won.status).toBe(200);
    const read = await (await getLead(call(manager, `/api/v1/leads/${lead.id}`), params(lead.id))).json();
    expect(read).toMatchObject({ stage: "CUSTOMER", deal: { opportunityAmount: 12_000, wonAmount: 11_500 } });
    expect(read.deal.wonAt).toEqual(expect.any(String));
    expect((await deal({ step: "lost", reason: "" })).status).toBe(422);
    // A marketer's token cannot move deals.
    const marketer = await token(ws.marketer);
    expect(
      (await postDeal(call(marketer, `/api/v1/leads/${lead.id}/deal`, { step: "lost", reason: "x" }), params(lead.id)))
        .status,
    ).toBe(403);
  });
});

describe("the agreement and the figures through the API", () => {
  it("reads lead quality, goals with progress, the SLA and the scoring model in force", async () => {
    const ws = await freshWorkspace("Reference API");
    const rep = await token(ws.sales);
    const q = await quality(call(rep, "/api/v1/metrics/quality?channel=EVENTS"), noParams);
    expect(q.status).toBe(200);
    expect(await q.json()).toMatchObject({ accepted: 0, rejected: 0, acceptance: null });
    expect((await quality(call(rep, "/api/v1/metrics/quality?from=yesterday"), noParams)).status).toBe(400);

    const g = await goals(call(rep, "/api/v1/goals?month=2026-11"), noParams);
    expect(g.status).toBe(200);
    expect((await g.json()).goals).toEqual(expect.any(Array));
    expect((await goals(call(rep, "/api/v1/goals?month=November"), noParams)).status).toBe(400);

    const agreement = await (await sla(call(rep, "/api/v1/sla"), noParams)).json();
    expect(agreement).toMatchObject({
      version: expect.any(Number),
      responseHours: expect.any(Number),
      timeZone: "Europe/Rome",
    });
    const model = await (await scoringModel(call(rep, "/api/v1/scoring-model"), noParams)).json();
    expect(model).toMatchObject({ version: expect.any(Number), definition: { mqlThreshold: expect.any(Number) } });
  });
});
