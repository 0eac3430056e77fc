/**
 * Webhooks out (issue 20) on the bench workspace: what a subscription adds to
 * an API capture (the outbox row is written in the capture's own statement),
 * and how fast the dispatcher delivers the outbox to a local receiver — beside
 * the same captures without a subscription, and the same POSTs sent bare.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { createApiToken } from "@/server/api-tokens/service";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { dispatchWebhooks } from "@/server/webhooks/dispatcher";
import { createEndpoint } from "@/server/webhooks/service";
import { concurrently, type Figure, ms, ratio, stats, time } from "./lib/bench-stats";

const GROUP = "Website capture and webhooks (issue 20)";
/** The extra share of `app` over `base`, e.g. "+5 %" (a ratio rounded to 1.1× hides whether 10 % was crossed). */
const extra = (app: number, base: number) =>
  `${app >= base ? "+" : "−"}${Math.round(Math.abs(app / base - 1) * 100)} %`;
const CAPTURES = 2_000;
const CONCURRENCY = 20;

/** A receiver that answers 204 at once (in this process: the floor below posts to it too, so both pay the same). */
function startReceiver(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received++;
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
        count: () => received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

async function captureRound(token: string, label: string) {
  const stamp = `${label}-${Date.now()}`;
  return concurrently(CAPTURES, CONCURRENCY, async (i) => {
    const request = new Request("http://bench/api/v1/leads", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ email: `hook-${stamp}-${i}@bench.example`, name: `Hook ${i}`, channel: "PAID_SEARCH" }),
    });
    const response = await postLead(request, { params: Promise.resolve({}) });
    if (response.status !== 201) throw new Error(`POST /api/v1/leads answered ${response.status}`);
  });
}

/** Bare POSTs of the same bodies to the same receiver, as many at once as the dispatcher sends: the floor. */
async function barePosts(url: string, bodies: string[]) {
  const agent = new http.Agent({ keepAlive: false });
  return concurrently(bodies.length, CONCURRENCY, (i) => {
    const body = bodies[i] ?? "{}";
    return new Promise<void>((resolve, reject) => {
      const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve());
      });
      request.on("error", reject);
      request.end(body);
    });
  });
}

export async function benchWebhooks(workspaceId: string, marketer: Actor, admin: Actor): Promise<Figure[]> {
  const token = (await createApiToken(marketer, { name: `bench webhooks ${Date.now()}` })).secret;
  const receiver = await startReceiver();
  try {
    // A warm-up round first (the handler's first requests compile and cache), then rounds without and with a
    // subscription alternate, so drift of the machine hits both alike.
    await captureRound(token, "warmup");
    const without: number[] = [];
    const withHook: number[] = [];
    let wallWithout = 0;
    let wallWith = 0;
    let endpointId: string | null = null;
    for (let round = 0; round < 2; round++) {
      const plain = await captureRound(token, `plain${round}`);
      without.push(...plain.latencies);
      wallWithout += plain.wall;
      const endpoint = await createEndpoint(admin, {
        url: receiver.url,
        description: "bench",
        events: ["lead.created"],
      });
      endpointId = endpoint.endpoint.id;
      const hooked = await captureRound(token, `hooked${round}`);
      withHook.push(...hooked.latencies);
      wallWith += hooked.wall;
      if (round === 0) await db.webhookEndpoint.delete({ where: { id: endpointId } });
    }
    const a = stats(without);
    const b = stats(withHook);
    const figures: Figure[] = [
      {
        key: "webhooks.capture.overhead",
        group: GROUP,
        name: "POST /api/v1/leads with a lead.created subscription vs none, 20 concurrent clients (p95; throughput)",
        target: "< 10 % extra",
        app: `${ms(b.p95)} (median ${ms(b.median)}); ${Math.round((2 * CAPTURES * 1000) / wallWith)} leads/s`,
        floor: `${ms(a.p95)} (median ${ms(a.median)}); ${Math.round((2 * CAPTURES * 1000) / wallWithout)} leads/s without`,
        ratio: `${extra(b.p95, a.p95)} p95, ${extra(b.median, a.median)} median, ${extra(wallWith, wallWithout)} wall time`,
      },
    ];

    // The outbox now holds CAPTURES deliveries for the receiver: drain it.
    const pending = await db.webhookDelivery.count({ where: { workspaceId, status: "PENDING" } });
    const before = receiver.count();
    const [, drained] = await time(() => dispatchWebhooks({ workspaceId, limit: 1_000_000 }));
    const delivered = receiver.count() - before;
    if (delivered !== pending) throw new Error(`delivered ${delivered} of ${pending}`);
    const bodies = (
      await db.webhookEvent.findMany({ where: { workspaceId }, select: { payload: true }, take: pending })
    ).map((e) => e.payload);
    const floor = await barePosts(receiver.url, bodies);
    figures.push({
      key: "webhooks.dispatch.throughput",
      group: GROUP,
      name: `Webhook deliveries to a local receiver (${pending.toLocaleString("en")} signed events, claim + send + log)`,
      target: "—",
      app: `${Math.round((delivered * 1000) / drained)} deliveries/s`,
      floor: `${Math.round((bodies.length * 1000) / floor.wall)} bare POSTs/s (20 at once)`,
      ratio: ratio(floor.wall / bodies.length, drained / delivered).replace(/×$/, "× of the floor's rate"),
    });
    if (endpointId) await db.webhookEndpoint.delete({ where: { id: endpointId } });
    await db.webhookEvent.deleteMany({ where: { workspaceId } });
    return figures;
  } finally {
    await receiver.close();
  }
}
