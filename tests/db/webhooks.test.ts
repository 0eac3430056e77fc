import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { acceptHandoff, rejectHandoff } from "@/server/handoffs/answer";
import { sweepBreaches } from "@/server/handoffs/sweeps";
import { captureNewLead } from "@/server/leads/quick-capture";
import { captureLead, recordLeadEvent } from "@/server/leads/service";
import { eraseLead } from "@/server/privacy/service";
import { freshWorkspace } from "@/server/seed/factories";
import { DISABLE_AFTER_DAYS, dispatchWebhooks, MAX_ATTEMPTS, retryDelayMs } from "@/server/webhooks/dispatcher";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/events";
import { pruneWebhookEvents } from "@/server/webhooks/outbox";
import { createEndpoint, redeliver, rotateSecret, setSlack } from "@/server/webhooks/service";
import { startReceiver } from "../support/webhook-receiver";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(secret: () => string | null = () => null) {
  const started = await startReceiver(secret);
  cleanups.push(() => started.close());
  return started;
}

async function subscribe(ws: Ws, url: string, events: string[] = [...WEBHOOK_EVENT_TYPES]) {
  const created = await createEndpoint(ws.admin, { url, description: "", events: events as never });
  return created;
}

/** A lead that becomes MQL: lead.created, lead.mql and handoff.created, in this order. */
async function qualify(ws: Ws, email: string) {
  const { lead } = await db.$transaction((tx) => captureLead(tx, ws.marketer, { email, name: "Ada Rossi" }));
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    await db.$transaction((tx) => recordLeadEvent(tx, ws.marketer, lead.id, { type }));
  }
  const handoff = await db.handoff.findFirstOrThrow({ where: { leadId: lead.id } });
  return { leadId: lead.id, handoffId: handoff.id };
}

/** Dispatches until nothing is pending; when nothing is due, the clock jumps to the next retry. */
async function drain(workspaceId: string, rounds = 30) {
  let now = new Date();
  for (let round = 0; round < rounds; round++) {
    const { attempted } = await dispatchWebhooks({ workspaceId, now: () => now });
    if (attempted > 0) continue;
    const next = await db.webhookDelivery.findFirst({
      where: { workspaceId, status: "PENDING", nextAttemptAt: { gt: now } },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next) return;
    now = next.nextAttemptAt;
  }
}

describe("webhooks out", () => {
  it("are written with the change: nothing for a rolled-back change, one delivery per subscribed endpoint", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    await subscribe(ws, site.url, ["lead.created"]);
    await subscribe(ws, site.url, ["handoff.created"]);

    const rolledBack = db.$transaction(async (tx) => {
      await captureLead(tx, ws.marketer, { email: "rollback@acme.test" });
      throw new Error("the change fails after the capture");
    });
    await expect(rolledBack).rejects.toThrow("the change fails");
    expect(await db.webhookEvent.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "kept@acme.test" }));
    // The API's one-statement capture writes its webhook in that same statement.
    await captureNewLead(db, ws.marketer, { email: "quick@acme.test" }, new Date(), "API");
    const events = await db.webhookEvent.findMany({
      where: { workspaceId: ws.workspace.id },
      include: { deliveries: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["lead.created", "lead.created"]);
    expect(events.map((e) => e.deliveries.length)).toEqual([1, 1]);
    expect(JSON.parse(events[1]?.payload ?? "{}")).toMatchObject({
      version: 1,
      type: "lead.created",
      workspaceId: ws.workspace.id,
      data: { lead: { email: "quick@acme.test", stage: "LEAD", score: { total: expect.any(Number) } } },
    });

    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    expect(site.received.map((r) => r.type).sort()).toEqual(["lead.created", "lead.created"]);
  });

  it("a receiver down, then up: every event arrives, verified, in order per lead", async () => {
    const ws = await freshWorkspace();
    let secret: string | null = null;
    const site = await receiver(() => secret);
    secret = (await subscribe(ws, site.url)).secret;
    site.setMode("down");

    const first = await qualify(ws, "first@acme.test");
    await acceptHandoff(ws.sales, first.handoffId);
    const second = await qualify(ws, "second@acme.test");
    await rejectHandoff(ws.sales, second.handoffId, { reason: "NO_BUDGET", note: "next year" });

    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    // While the first event of a lead fails, its later events wait: one attempt per lead so far.
    expect(site.attempts).toHaveLength(2);
    expect(site.received).toHaveLength(0);

    site.setMode("up");
    await drain(ws.workspace.id);
    const types = (leadId: string) => site.received.filter((r) => r.leadId === leadId).map((r) => r.type);
    expect(types(first.leadId)).toEqual(["lead.created", "lead.mql", "handoff.created", "handoff.accepted"]);
    expect(types(second.leadId)).toEqual(["lead.created", "lead.mql", "handoff.created", "handoff.rejected"]);
    expect(site.received.every((r) => r.verified)).toBe(true);
    expect(new Set(site.received.map((r) => r.id)).size).toBe(8);

    // The delivery log: the failed attempt (503) and the successful one.
    const logged = await db.webhookAttempt.findMany({
      where: { delivery: { workspaceId: ws.workspace.id, leadId: first.leadId } },
      orderBy: { id: "asc" },
    });
    expect(logged[0]).toMatchObject({ statusCode: 503, error: "httpError", excerpt: "maintenance" });
    expect(logged.filter((a) => a.statusCode === 204)).toHaveLength(4);
    const rejected = JSON.parse(site.received.find((r) => r.type === "handoff.rejected")?.body ?? "{}");
    expect(rejected.data.handoff).toMatchObject({ status: "REJECTED", rejectReason: "NO_BUDGET", note: "next year" });
  });

  it("an app server killed mid-delivery: the event still arrives, with the same webhook-id", async () => {
    const ws = await freshWorkspace();
    let secret: string | null = null;
    const site = await receiver(() => secret);
    secret = (await subscribe(ws, site.url, ["lead.created"])).secret;
    site.setMode("hang");
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "killed@acme.test" }));

    const root = path.resolve(import.meta.dirname, "../..");
    const child: ChildProcess = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/support/webhook-dispatch-child.ts")],
      { cwd: root, env: { ...process.env, WEBHOOK_WORKSPACE_ID: ws.workspace.id }, stdio: "ignore" },
    );
    cleanups.push(() => child.kill("SIGKILL"));
    for (let i = 0; i < 300 && site.attempts.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(site.attempts).toHaveLength(1);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    // Nothing was recorded; once the dead server's lease has run out, another server sends it again.
    site.setMode("up");
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    expect(site.received).toHaveLength(0);
    await dispatchWebhooks({ workspaceId: ws.workspace.id, now: () => new Date(Date.now() + 61_000) });
    expect(site.received).toHaveLength(1);
    expect(site.received[0]).toMatchObject({ id: site.attempts[0], type: "lead.created", verified: true });
  }, 60_000);

  it("refuses private, loopback-by-name and link-local targets, when saved and when sent", async () => {
    const ws = await freshWorkspace();
    for (const url of ["http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/x"]) {
      const error = await subscribe(ws, url).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.fieldErrors, url).toEqual({ url: ["privateAddress"] });
    }
    // A URL that turned private after it was saved (DNS changes): checked again at each send, never contacted.
    const site = await receiver();
    const { endpoint } = await subscribe(ws, site.url, ["lead.created"]);
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://192.168.1.10/hook" } });
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "private@acme.test" }));
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    const attempt = await db.webhookAttempt.findFirstOrThrow({ where: { delivery: { endpointId: endpoint.id } } });
    expect(attempt).toMatchObject({ error: "blockedAddress", statusCode: null });
    expect(site.attempts).toHaveLength(0);
  });

  it("a rotated secret: both the old and the new one verify during the overlap", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    const { endpoint, secret: old } = await subscribe(ws, site.url, ["lead.created"]);
    const { secret: fresh } = await rotateSecret(ws.admin, endpoint.id);
    expect(fresh).not.toBe(old);
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "rotated@acme.test" }));
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    const delivered = site.received[0];
    if (!delivered) throw new Error("nothing delivered");
    // Two signatures in one header: a receiver still on the old secret and one already on the new both verify.
    expect(delivered.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    for (const key of [old, fresh]) {
      expect(() => new Webhook(key).verify(delivered.body, delivered.headers)).not.toThrow();
    }
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(delivered.body, delivered.headers),
    ).toThrow();
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.previousSecretExpires?.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it("retries for about a day with growing, jittered delays, then gives up; a redeliver sends it again", async () => {
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, () => 0.5));
    expect(delays.every((d, i) => i === 0 || d > (delays[i - 1] ?? 0))).toBe(true);
    const total = delays.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(32);
    expect(retryDelayMs(3, () => 0)).not.toBe(retryDelayMs(3, () => 1));

    const ws = await freshWorkspace();
    const site = await receiver();
    await subscribe(ws, site.url, ["lead.created"]);
    site.setMode("down");
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "retry@acme.test" }));
    await drain(ws.workspace.id);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 503 });
    expect(site.attempts).toHaveLength(MAX_ATTEMPTS);

    site.setMode("up");
    await redeliver(ws.admin, delivery.id);
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    expect(site.received.map((r) => r.id)).toEqual([site.attempts[0]]);
  });

  it("an endpoint failing for days is switched off, and the admins are told", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    const { endpoint } = await subscribe(ws, site.url, ["lead.created"]);
    site.setMode("down");
    // A minute ahead: each day's new event is due at that day's round.
    const start = Date.now() + 60_000;
    for (let day = 0; day <= DISABLE_AFTER_DAYS; day++) {
      await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: `down-${day}@acme.test` }));
      await dispatchWebhooks({ workspaceId: ws.workspace.id, now: () => new Date(start + day * 86_400_000) });
    }
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored).toMatchObject({ disabledReason: "failing" });
    expect(stored.disabledAt).not.toBeNull();
    const told = await db.notification.findMany({ where: { workspaceId: ws.workspace.id, kind: "webhookDisabled" } });
    expect(told.map((n) => n.userId)).toEqual([ws.admin.userId]);
    // Switched off: nothing more is attempted, nor written for it.
    const attempts = site.attempts.length;
    await dispatchWebhooks({ workspaceId: ws.workspace.id, now: () => new Date(start + 30 * 86_400_000) });
    expect(site.attempts).toHaveLength(attempts);
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "after@acme.test" }));
    expect(
      await db.webhookEvent.count({ where: { workspaceId: ws.workspace.id, payload: { contains: "after@" } } }),
    ).toBe(0);
  });

  it("Slack hears new handoffs and returned leads as readable messages, in the admin's language", async () => {
    const ws = await freshWorkspace();
    const slack = await receiver();
    await setSlack(ws.admin, slack.url, "it");
    const { leadId, handoffId } = await qualify(ws, "slack@acme.test");
    await rejectHandoff(ws.sales, handoffId, { reason: "NO_BUDGET", note: "" });
    await drain(ws.workspace.id);
    const texts = slack.received.map((r) => (JSON.parse(r.body) as { text: string }).text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("Nuovo MQL");
    expect(texts[0]).toContain(`/leads/${leadId}|Ada Rossi>`);
    expect(texts[1]).toContain("Nessun budget");
    expect(texts.join("\n")).toMatch(/punteggio \d+/);
  });

  it("finished events are kept 30 days for the log and redelivery, then pruned; waiting ones stay", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    await subscribe(ws, site.url, ["lead.created"]);
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "sent@acme.test" }));
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    site.setMode("down");
    await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "waiting@acme.test" }));
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    const count = () => db.webhookEvent.count({ where: { workspaceId: ws.workspace.id } });
    await pruneWebhookEvents(new Date(Date.now() + 29 * 86_400_000));
    expect(await count()).toBe(2);
    await pruneWebhookEvents(new Date(Date.now() + 31 * 86_400_000));
    const left = await db.webhookEvent.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(left.map((e) => JSON.parse(e.payload).data.lead.email)).toEqual(["waiting@acme.test"]);
  });

  it("an SLA breach is sent with the rep who let it fall due", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    await subscribe(ws, site.url, ["handoff.breached"]);
    const { handoffId } = await qualify(ws, "late@acme.test");
    await sweepBreaches(new Date(Date.now() + 7 * 86_400_000), { workspaceId: ws.workspace.id });
    await drain(ws.workspace.id);
    expect(site.received.map((r) => r.type)).toEqual(["handoff.breached"]);
    const body = JSON.parse(site.received[0]?.body ?? "{}");
    expect(body.data.handoff).toMatchObject({ id: handoffId, breachCount: 1, assignee: { id: ws.sales.userId } });
  });

  it("an erased lead's webhook events go with its personal data", async () => {
    const ws = await freshWorkspace();
    const site = await receiver();
    await subscribe(ws, site.url, ["lead.created"]);
    const { lead } = await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "forget@acme.test" }));
    await dispatchWebhooks({ workspaceId: ws.workspace.id });
    expect(await db.webhookEvent.count({ where: { leadId: lead.id } })).toBe(1);
    await eraseLead(ws.manager, lead.id);
    expect(await db.webhookEvent.count({ where: { leadId: lead.id } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { delivery: { leadId: lead.id } } })).toBe(0);
  });
});
