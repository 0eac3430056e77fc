/** The handoff API: the same rules as the inbox, as problem documents (409 answered, 403 not yours, 404 elsewhere). */
import { describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/v1/handoffs/[id]/accept/route";
import { POST as reject } from "@/app/api/v1/handoffs/[id]/reject/route";
import { GET as list } from "@/app/api/v1/handoffs/route";
import { createApiToken } from "@/server/api-tokens/service";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createHandoffs } from "@/server/handoffs/assignment";
import { addMember, freshWorkspace } from "@/server/seed/factories";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
const token = async (actor: Actor) => (await createApiToken(actor, { name: "crm" })).secret;

function call(secret: string, url: string, body?: unknown) {
  return new Request(`http://test${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

let serial = 0;
async function handoff(ws: Ws) {
  const lead = await db.lead.create({
    data: { workspaceId: ws.workspace.id, email: `api-${++serial}@acme.test`, channel: "PARTNER", stage: "MQL" },
  });
  const [created] = await db.$transaction((tx) =>
    createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: [lead.id], now: new Date(), actorUserId: null }),
  );
  if (!created) throw new Error("no handoff");
  return created;
}

describe("handoff API", () => {
  it("lists my open handoffs, accepts one (200), then answers 409 to a second answer", async () => {
    const ws = await freshWorkspace("API");
    const rep = await token(ws.sales);
    const first = await handoff(ws);
    const second = await handoff(ws);
    const listed = await list(call(rep, "/api/v1/handoffs?status=open&assignee=me&limit=1"), noParams);
    expect(listed.status).toBe(200);
    const page = await listed.json();
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await (
      await list(call(rep, `/api/v1/handoffs?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`), noParams)
    ).json();
    expect([page.data[0].id, next.data[0].id].sort()).toEqual([first.id, second.id].sort());

    const ok = await accept(call(rep, `/api/v1/handoffs/${first.id}/accept`, {}), params(first.id));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: first.id, status: "ACCEPTED", answeredById: ws.sales.userId });
    const again = await reject(
      call(rep, `/api/v1/handoffs/${first.id}/reject`, { reason: "TIMING" }),
      params(first.id),
    );
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
  });

  it("403 for another rep's handoff and for a marketer, 404 from another workspace, 422 for a bad reason", async () => {
    const ws = await freshWorkspace("API");
    const other = await freshWorkspace("API");
    const h = await handoff(ws);
    const secondRep = await token(await addMember(ws.workspace.id, "SALES"));
    const marketer = await token(ws.marketer);
    const stranger = await token(other.manager);
    const rep = await token(ws.sales);
    expect((await accept(call(secondRep, `/api/v1/handoffs/${h.id}/accept`, {}), params(h.id))).status).toBe(403);
    expect((await accept(call(marketer, `/api/v1/handoffs/${h.id}/accept`, {}), params(h.id))).status).toBe(403);
    expect((await accept(call(stranger, `/api/v1/handoffs/${h.id}/accept`, {}), params(h.id))).status).toBe(404);
    const bad = await reject(call(rep, `/api/v1/handoffs/${h.id}/reject`, { reason: "BORED" }), params(h.id));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("reason");
    const extra = await reject(call(rep, `/api/v1/handoffs/${h.id}/reject`, { reason: "SPAM", x: 1 }), params(h.id));
    expect(extra.status).toBe(422);
    const malformed = await reject(call(rep, `/api/v1/handoffs/${h.id}/reject`, "{"), params(h.id));
    expect(malformed.status).toBe(400);
    const ok = await reject(
      call(rep, `/api/v1/handoffs/${h.id}/reject`, { reason: "SPAM", note: "bot" }),
      params(h.id),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "REJECTED", rejectReason: "SPAM", note: "bot" });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: h.leadId } });
    expect(lead.stage).toBe("DISQUALIFIED");
    expect((await list(call(rep, "/api/v1/handoffs?status=bogus"), noParams)).status).toBe(400);
  });
});
