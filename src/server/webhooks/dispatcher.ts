import "server-only";
import { Webhook } from "standardwebhooks";
import { env } from "@/env";
import type { WebhookEndpoint } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/service";
import type { WebhookPayload } from "@/server/webhooks/events";
import { type OutboundResult, postJson } from "@/server/webhooks/outbound";
import { unseal } from "@/server/webhooks/secret-box";
import { slackMessage } from "@/server/webhooks/slack";

/**
 * Delivers the outbox (outbox.ts) at least once. Any number of app servers
 * run this; a delivery is claimed with a lease (row lock, SKIP LOCKED), sent
 * with no transaction open, then recorded. A server killed mid-send never
 * records: the lease runs out and another sends it again, with the same
 * webhook-id, which receivers de-duplicate on.
 *
 * Why not pg-boss: its current releases need Node 22 (this app supports 20);
 * it has no per-key ordering (events of one lead must arrive in order, which
 * here is one NOT EXISTS in the claim); and the delivery log, redeliver and
 * endpoint disabling need these rows anyway — a job table beside them would
 * be a second copy of the same state to keep consistent.
 */

/** Attempts in all: with the delays below, retries span about a day. */
export const MAX_ATTEMPTS = 10;
const BASE_DELAY_SECONDS = 10;
/** Long enough for one send (10 s time-out) with margin; then another server may retry. */
const LEASE_SECONDS = 60;
const BATCH = 20;
/** An endpoint whose every attempt failed for this long is switched off, and admins are told. */
export const DISABLE_AFTER_DAYS = 5;
const DAY_MS = 86_400_000;

/**
 * Delay before the next attempt after `failures` failed ones: 10 s × 3ⁿ⁻¹
 * (10 s, 30 s, 1.5 min … 18 h; 27 h in all), each ±15 % at random so that
 * deliveries failing together do not retry together.
 */
export function retryDelayMs(failures: number, random = Math.random): number {
  const base = BASE_DELAY_SECONDS * 3 ** Math.max(0, failures - 1) * 1000;
  return Math.round(base * (0.85 + 0.3 * random()));
}

type Claimed = { id: bigint; eventId: string; endpointId: string; attempts: number };

/** Due deliveries, at most one per (endpoint, lead) — the oldest pending — so a lead's events stay in order. */
async function claim(now: Date, limit: number, workspaceId: string | null): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET "leaseUntil" = ${lease}
    WHERE d.id IN (
      SELECT d.id FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e."disabledAt" IS NULL
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now}
        AND (${workspaceId}::text IS NULL OR d."workspaceId" = ${workspaceId})
        AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now})
        AND (d."leadId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "WebhookDelivery" earlier
          WHERE earlier."endpointId" = d."endpointId" AND earlier."leadId" = d."leadId"
            AND earlier.status = 'PENDING' AND earlier.id < d.id))
      ORDER BY d."nextAttemptAt", d.id
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED)
    RETURNING d.id, d."eventId", d."endpointId", d.attempts`;
}

/** The signature header: the current secret's, and during a rotation's overlap the previous one's too. */
export function signatureHeader(endpoint: WebhookEndpoint, msgId: string, at: Date, payload: string): string {
  const secrets = [endpoint.secretSealed];
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpires && endpoint.previousSecretExpires > at) {
    secrets.push(endpoint.previousSecretSealed);
  }
  return secrets.map((sealed) => new Webhook(unseal(sealed)).sign(msgId, at, payload)).join(" ");
}

async function send(endpoint: WebhookEndpoint, event: { id: string; payload: string }) {
  // The signed timestamp is the real time of the send (receivers refuse stale or future ones), whatever clock
  // schedules the retries.
  const now = new Date();
  const allowLoopback = env().WEBHOOK_ALLOW_LOOPBACK === "true";
  if (endpoint.kind === "SLACK") {
    const message = slackMessage(JSON.parse(event.payload) as WebhookPayload, endpoint.locale);
    // A type Slack does not show (only possible if its subscription was edited by hand): nothing to send.
    if (!message) return { ok: true, status: 204, durationMs: 0, excerpt: "" } satisfies OutboundResult;
    return postJson(endpoint.url, JSON.stringify(message), {}, { allowLoopback });
  }
  return postJson(
    endpoint.url,
    event.payload,
    {
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signatureHeader(endpoint, event.id, now, event.payload),
    },
    { allowLoopback },
  );
}

type Outcome = { delivery: Claimed; endpoint: WebhookEndpoint; result: OutboundResult; at: Date };

/**
 * Records a batch's answers in one transaction of a few statements (not a
 * transaction per delivery: the log would cost more than the sends): the
 * attempts, each delivery's new state, and each endpoint's failure clock.
 */
async function record(outcomes: Outcome[]) {
  if (outcomes.length === 0) return;
  const rows = outcomes.map(({ delivery, result, at }) => {
    const attempts = delivery.attempts + 1;
    const status = result.ok ? "DELIVERED" : attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
    return {
      id: String(delivery.id),
      status,
      attempts,
      at: at.toISOString(),
      next: new Date(at.getTime() + (result.ok ? 0 : retryDelayMs(attempts))).toISOString(),
      code: result.status,
      error: result.ok ? null : result.error,
    };
  });
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.createMany({
      data: outcomes.map(({ delivery, result, at }) => ({
        deliveryId: delivery.id,
        at,
        durationMs: result.durationMs,
        statusCode: result.status,
        error: result.ok ? null : result.error,
        excerpt: result.excerpt,
      })),
    });
    // Only while still pending: a delivery an admin redelivered or that another server finished meanwhile stays as it is.
    await tx.$executeRaw`
      UPDATE "WebhookDelivery" d SET
        status = r.status::"WebhookDeliveryStatus", attempts = r.attempts, "lastAttemptAt" = r.at,
        "lastStatusCode" = r.code, "lastError" = r.error, "leaseUntil" = NULL,
        "deliveredAt" = CASE WHEN r.status = 'DELIVERED' THEN r.at ELSE NULL END,
        "nextAttemptAt" = CASE WHEN r.status = 'PENDING' THEN r.next ELSE d."nextAttemptAt" END
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS r(id bigint, status text, attempts int, at timestamp(3), next timestamp(3), code int, error text)
      WHERE d.id = r.id AND d.status = 'PENDING'`;
    const byEndpoint = new Map<string, { endpoint: WebhookEndpoint; ok: boolean; failed: Date | null }>();
    for (const { endpoint, result, at } of outcomes) {
      const entry = byEndpoint.get(endpoint.id) ?? { endpoint, ok: false, failed: null };
      if (result.ok) entry.ok = true;
      else entry.failed ??= at;
      byEndpoint.set(endpoint.id, entry);
    }
    for (const { endpoint, ok, failed } of byEndpoint.values()) {
      if (ok) {
        // Any success restarts the failure clock (read from the row: the batch's copy may be stale).
        await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, failingSince: { not: null } },
          data: { failingSince: null },
        });
      } else if (failed) await failing(tx, endpoint, failed);
    }
  });
}

/** Starts an endpoint's failure clock, or switches it off (and tells the admins) once it ran for days. */
async function failing(tx: Tx, endpoint: WebhookEndpoint, at: Date) {
  if (!endpoint.failingSince) {
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: at } });
    return;
  }
  if (at.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_DAYS * DAY_MS) return;
  const switched = await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id, disabledAt: null },
    data: { disabledAt: at, disabledReason: "failing" },
  });
  if (switched.count === 0) return;
  const admins = await tx.membership.findMany({
    where: { workspaceId: endpoint.workspaceId, role: "ADMIN" },
    select: { userId: true },
  });
  await notify(tx, {
    workspaceId: endpoint.workspaceId,
    userIds: admins.map((a) => a.userId),
    kind: "webhookDisabled",
    params: { url: endpoint.url, days: DISABLE_AFTER_DAYS },
    href: `/settings/webhooks/${endpoint.id}`,
    mail: true,
  });
  logger.warn("webhooks.endpointDisabled", { endpointId: endpoint.id, workspaceId: endpoint.workspaceId });
}

/**
 * Sends what is due, batch after batch, until nothing is (or `limit` were
 * attempted). Returns how many were attempted and delivered.
 */
export async function dispatchWebhooks(
  /** workspaceId limits it to one workspace (tests, tooling); the scheduler sends for all. */
  options: { now?: () => Date; limit?: number; workspaceId?: string } = {},
): Promise<{ attempted: number; delivered: number }> {
  const clock = options.now ?? (() => new Date());
  const limit = options.limit ?? 500;
  let attempted = 0;
  let delivered = 0;
  while (attempted < limit) {
    const claimed = await claim(clock(), Math.min(BATCH, limit - attempted), options.workspaceId ?? null);
    if (claimed.length === 0) break;
    const endpoints = new Map(
      (await db.webhookEndpoint.findMany({ where: { id: { in: claimed.map((c) => c.endpointId) } } })).map((e) => [
        e.id,
        e,
      ]),
    );
    const events = new Map(
      (
        await db.webhookEvent.findMany({
          where: { id: { in: claimed.map((c) => c.eventId) } },
          select: { id: true, payload: true },
        })
      ).map((e) => [e.id, e]),
    );
    // A batch holds at most one delivery per (endpoint, lead): sending them side by side keeps each lead's order.
    const outcomes = await Promise.all(
      claimed.map(async (delivery): Promise<Outcome | null> => {
        const endpoint = endpoints.get(delivery.endpointId);
        const event = events.get(delivery.eventId);
        if (!endpoint || !event) return null;
        const at = clock();
        return { delivery, endpoint, result: await send(endpoint, event), at };
      }),
    );
    const sent = outcomes.filter((o) => o !== null);
    await record(sent);
    const results = sent.map((o) => o.result.ok);
    attempted += claimed.length;
    delivered += results.filter(Boolean).length;
  }
  return { attempted, delivered };
}
