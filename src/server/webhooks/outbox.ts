import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { type Db, db, type Tx } from "@/server/db";
import { rawQuery } from "@/server/sql";
import { PAYLOAD_VERSION, type WebhookEventType } from "@/server/webhooks/events";

/**
 * The outbox of webhooks: an event is written in the transaction of the change
 * it reports — nothing is sent for a change that rolled back, nothing is lost
 * for one that committed — and the dispatcher (dispatcher.ts) delivers it after.
 * Rows are written only for the endpoints subscribed to the type: a workspace
 * without webhooks pays one indexed read per change.
 */

export type OutgoingEvent = {
  type: WebhookEventType;
  /** Events about one lead reach an endpoint in order. */
  leadId?: string | null;
  data: Record<string, unknown>;
};

/** The webhook-id receivers de-duplicate on (the same on every retry and redelivery). */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

export function payloadText(workspaceId: string, type: WebhookEventType, data: unknown, now: Date): string {
  return JSON.stringify({ version: PAYLOAD_VERSION, type, timestamp: now.toISOString(), workspaceId, data });
}

/** Writes the events (in this order) and one delivery per subscribed endpoint, in one statement. */
export async function emitWebhooks(
  client: Tx | Db,
  workspaceId: string,
  events: OutgoingEvent[],
  now = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event, ord) => ({
    ord,
    id: newMessageId(),
    type: event.type,
    leadId: event.leadId ?? null,
    payload: payloadText(workspaceId, event.type, event.data, now),
  }));
  await rawQuery(
    client,
    Prisma.sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(ord int, id text, type text, "leadId" text, payload text)
    ), wanted AS (
      SELECT i.*, e.id AS "endpointId"
      FROM input i JOIN "WebhookEndpoint" e
        ON e."workspaceId" = ${workspaceId}::text AND e."disabledAt" IS NULL AND i.type = ANY(e.events)
    ), stored AS (
      INSERT INTO "WebhookEvent" (id, "workspaceId", type, "leadId", payload, "createdAt")
      SELECT DISTINCT ON (id) id, ${workspaceId}::text, type, "leadId", payload, ${now}::timestamp(3) FROM wanted
      RETURNING id
    )
    INSERT INTO "WebhookDelivery" ("eventId", "endpointId", "workspaceId", "leadId", "nextAttemptAt", "createdAt")
    SELECT w.id, w."endpointId", ${workspaceId}::text, w."leadId", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM wanted w ORDER BY w.ord, w."endpointId"
    RETURNING 1`,
  );
}

/**
 * The same as `emitWebhooks` for one event about the row of a CTE named `lead`
 * (quick capture writes a lead, its score, its log and its webhook in one statement).
 * Append after the statement's other CTEs.
 */
export function leadEventCtes(workspaceId: string, type: WebhookEventType, payload: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    hook_endpoints AS (
      SELECT id FROM "WebhookEndpoint"
      WHERE "workspaceId" = ${workspaceId}::text AND "disabledAt" IS NULL AND ${type}::text = ANY(events)
    ), hook_event AS (
      INSERT INTO "WebhookEvent" (id, "workspaceId", type, "leadId", payload, "createdAt")
      SELECT ${newMessageId()}::text, ${workspaceId}::text, ${type}::text, lead.id, ${payload}::text, ${now}::timestamp(3)
      FROM lead WHERE EXISTS (SELECT 1 FROM hook_endpoints)
      RETURNING id, "leadId"
    ), hook_delivery AS (
      INSERT INTO "WebhookDelivery" ("eventId", "endpointId", "workspaceId", "leadId", "nextAttemptAt", "createdAt")
      SELECT hook_event.id, hook_endpoints.id, ${workspaceId}::text, hook_event."leadId", ${now}::timestamp(3), ${now}::timestamp(3)
      FROM hook_event, hook_endpoints
    )`;
}

/** How long sent (or given up) events and their delivery log are kept, for redelivery and support. */
export const RETENTION_DAYS = 30;

/** Drops events older than the retention whose every delivery is finished (delivered or failed). */
export async function pruneWebhookEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  const result = await db.webhookEvent.deleteMany({
    where: { createdAt: { lt: before }, deliveries: { none: { status: "PENDING" } } },
  });
  return result.count;
}
