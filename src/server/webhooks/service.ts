import "server-only";
import { env } from "@/env";
import type { Locale } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { signatureHeader } from "@/server/webhooks/dispatcher";
import { PAYLOAD_VERSION, SLACK_EVENT_TYPES } from "@/server/webhooks/events";
import { checkTarget, type OutboundResult, postJson } from "@/server/webhooks/outbound";
import { newMessageId } from "@/server/webhooks/outbox";
import type { EndpointInput } from "@/server/webhooks/schema";
import { newSigningSecret, seal } from "@/server/webhooks/secret-box";
import { slackMessage } from "@/server/webhooks/slack";

/** After a rotation, the old secret keeps signing (beside the new one) this long, for receivers to switch. */
export const ROTATION_OVERLAP_HOURS = 24;
const allowLoopback = () => env().WEBHOOK_ALLOW_LOOPBACK === "true";

/** A target must be reachable and public when it is saved (each send checks again). */
async function assertTarget(url: string) {
  const problem = await checkTarget(url, allowLoopback());
  if (problem !== "ok") {
    throw new AppError("validation", `This URL cannot receive webhooks (${problem})`, {
      fieldErrors: { url: [problem === "blockedAddress" ? "privateAddress" : problem] },
    });
  }
}

const PUBLIC_FIELDS = {
  id: true,
  kind: true,
  url: true,
  description: true,
  events: true,
  locale: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpires: true,
  createdAt: true,
} as const;

async function ownEndpoint(actor: Actor, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, workspaceId: actor.workspaceId } });
  if (!endpoint) throw notFound();
  return endpoint;
}

/** The workspace's endpoints (no secrets), each with what waits and what failed. */
export async function listEndpoints(actor: Actor) {
  requirePermission(actor, "webhooks.manage");
  const endpoints = await db.webhookEndpoint.findMany({
    where: { workspaceId: actor.workspaceId },
    select: PUBLIC_FIELDS,
    orderBy: { createdAt: "asc" },
  });
  const counts = await db.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { workspaceId: actor.workspaceId, status: { in: ["PENDING", "FAILED"] } },
    _count: { _all: true },
  });
  const lastAttempts = await db.webhookDelivery.groupBy({
    by: ["endpointId"],
    where: { workspaceId: actor.workspaceId },
    _max: { lastAttemptAt: true },
  });
  return endpoints.map((endpoint) => ({
    ...endpoint,
    pending: counts.find((c) => c.endpointId === endpoint.id && c.status === "PENDING")?._count._all ?? 0,
    failed: counts.find((c) => c.endpointId === endpoint.id && c.status === "FAILED")?._count._all ?? 0,
    lastAttemptAt: lastAttempts.find((c) => c.endpointId === endpoint.id)?._max.lastAttemptAt ?? null,
  }));
}

/** Subscribes a URL; the signing secret is returned this once (only a sealed copy is kept). */
export async function createEndpoint(actor: Actor, input: EndpointInput) {
  requirePermission(actor, "webhooks.manage");
  await assertTarget(input.url);
  const secret = newSigningSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        workspaceId: actor.workspaceId,
        url: input.url,
        description: input.description,
        events: input.events,
        secretSealed: seal(secret),
        createdById: actor.userId,
      },
      select: PUBLIC_FIELDS,
    });
    await writeAudit(tx, actor, {
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: created.id,
      after: { url: created.url, events: created.events },
    });
    return created;
  });
  return { endpoint, secret };
}

export async function updateEndpoint(actor: Actor, endpointId: string, input: EndpointInput) {
  requirePermission(actor, "webhooks.manage");
  const before = await ownEndpoint(actor, endpointId);
  if (before.kind !== "WEBHOOK") throw notFound();
  if (input.url !== before.url) await assertTarget(input.url);
  return db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { url: input.url, description: input.description, events: input.events },
      select: PUBLIC_FIELDS,
    });
    await writeAudit(tx, actor, {
      action: "webhook.updated",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      before: { url: before.url, description: before.description, events: before.events },
      after: { url: updated.url, description: updated.description, events: updated.events },
    });
    return updated;
  });
}

/**
 * A new secret, returned once. The old one keeps signing too for a day (two
 * signatures in the header), so receivers can switch without losing events.
 */
export async function rotateSecret(actor: Actor, endpointId: string, now = new Date()) {
  requirePermission(actor, "webhooks.manage");
  const before = await ownEndpoint(actor, endpointId);
  if (before.kind !== "WEBHOOK") throw notFound();
  const secret = newSigningSecret();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: {
        secretSealed: seal(secret),
        previousSecretSealed: before.secretSealed,
        previousSecretExpires: new Date(now.getTime() + ROTATION_OVERLAP_HOURS * 3_600_000),
      },
    });
    await writeAudit(tx, actor, {
      action: "webhook.secretRotated",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
    });
  });
  return { secret };
}

/** Switches an endpoint off (deliveries wait) or back on (they resume; the failure clock restarts). */
export async function setEndpointEnabled(actor: Actor, endpointId: string, enabled: boolean, now = new Date()) {
  requirePermission(actor, "webhooks.manage");
  await ownEndpoint(actor, endpointId);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: enabled
        ? { disabledAt: null, disabledReason: null, failingSince: null }
        : { disabledAt: now, disabledReason: "manual" },
    });
    await writeAudit(tx, actor, {
      action: enabled ? "webhook.enabled" : "webhook.disabled",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
    });
  });
}

export async function deleteEndpoint(actor: Actor, endpointId: string) {
  requirePermission(actor, "webhooks.manage");
  const before = await ownEndpoint(actor, endpointId);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    // Events no endpoint waits for any more go with it.
    await tx.webhookEvent.deleteMany({ where: { workspaceId: actor.workspaceId, deliveries: { none: {} } } });
    await writeAudit(tx, actor, {
      action: "webhook.deleted",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      before: { kind: before.kind, url: before.url, events: before.events },
    });
  });
}

/** The workspace's Slack channel (an incoming-webhook URL), or null. */
export async function getSlack(actor: Actor) {
  requirePermission(actor, "webhooks.manage");
  return db.webhookEndpoint.findFirst({
    where: { workspaceId: actor.workspaceId, kind: "SLACK" },
    select: PUBLIC_FIELDS,
  });
}

/**
 * Connects Slack (new handoffs, breaches and returned leads, in the admin's
 * language) or, with null, disconnects it. One Slack channel per workspace.
 */
export async function setSlack(actor: Actor, url: string | null, locale: Locale) {
  requirePermission(actor, "webhooks.manage");
  const existing = await db.webhookEndpoint.findFirst({ where: { workspaceId: actor.workspaceId, kind: "SLACK" } });
  if (url === null) {
    if (existing) await deleteEndpoint(actor, existing.id);
    return null;
  }
  await assertTarget(url);
  return db.$transaction(async (tx) => {
    const data = { url, locale, events: [...SLACK_EVENT_TYPES], disabledAt: null, disabledReason: null };
    const saved = existing
      ? await tx.webhookEndpoint.update({ where: { id: existing.id }, data: { ...data, failingSince: null } })
      : await tx.webhookEndpoint.create({
          data: {
            ...data,
            workspaceId: actor.workspaceId,
            kind: "SLACK",
            // Slack checks no signature; a secret is kept only because every endpoint has one.
            secretSealed: seal(newSigningSecret()),
            createdById: actor.userId,
          },
        });
    await writeAudit(tx, actor, {
      action: "webhook.slackConnected",
      entityType: "WebhookEndpoint",
      entityId: saved.id,
      after: { url },
    });
    return saved.id;
  });
}

/**
 * Sends a test message now (not through the outbox) and says what the
 * receiver answered: a signed `webhook.test` event, or a hello in Slack.
 */
export async function sendTest(actor: Actor, endpointId: string, now = new Date()): Promise<OutboundResult> {
  requirePermission(actor, "webhooks.manage");
  const endpoint = await ownEndpoint(actor, endpointId);
  if (endpoint.kind === "SLACK") {
    const hello = slackMessage(
      { version: PAYLOAD_VERSION, type: "handoff.created", timestamp: now.toISOString(), workspaceId: "", data: {} },
      endpoint.locale,
      { test: true },
    );
    return postJson(endpoint.url, JSON.stringify(hello), {}, { allowLoopback: allowLoopback() });
  }
  const id = newMessageId();
  const payload = JSON.stringify({
    version: PAYLOAD_VERSION,
    type: "webhook.test",
    timestamp: now.toISOString(),
    workspaceId: actor.workspaceId,
    data: {},
  });
  return postJson(
    endpoint.url,
    payload,
    {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signatureHeader(endpoint, id, now, payload),
    },
    { allowLoopback: allowLoopback() },
  );
}

const PAGE = 50;

/** An endpoint's delivery log, newest first: each delivery with its event and its attempts. */
export async function listDeliveries(actor: Actor, endpointId: string, options: { before?: bigint } = {}) {
  requirePermission(actor, "webhooks.manage");
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId: actor.workspaceId },
    select: PUBLIC_FIELDS,
  });
  if (!endpoint) throw notFound();
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    include: {
      event: { select: { id: true, type: true, createdAt: true } },
      log: { orderBy: { at: "desc" }, take: 10 },
    },
  });
  const page = deliveries.slice(0, PAGE);
  return {
    endpoint,
    deliveries: page,
    nextBefore: deliveries.length > PAGE ? page[page.length - 1]?.id : undefined,
  };
}

/** Sends a delivery again (same webhook-id), now, with a fresh set of attempts. */
export async function redeliver(actor: Actor, deliveryId: bigint, now = new Date()) {
  requirePermission(actor, "webhooks.manage");
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, workspaceId: actor.workspaceId },
    select: { id: true, endpointId: true, status: true },
  });
  if (!delivery) throw notFound();
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leaseUntil: null },
    });
    await writeAudit(tx, actor, {
      action: "webhook.redelivered",
      entityType: "WebhookEndpoint",
      entityId: delivery.endpointId,
      after: { deliveryId: String(delivery.id), status: delivery.status },
    });
  });
}
