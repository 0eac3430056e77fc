/**
 * The events a workspace can send out, and the JSON every one of them has
 * (version 1; documented in the OpenAPI document's `webhooks` section).
 * A breaking change to a payload gets a new version, never an edit of this one.
 */
export const WEBHOOK_EVENT_TYPES = [
  "lead.created",
  "lead.updated",
  "lead.mql",
  "handoff.created",
  "handoff.accepted",
  "handoff.rejected",
  "handoff.breached",
  "deal.won",
  "deal.lost",
  "term.agreed",
  "model.published",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a Slack channel hears: new handoffs, breaches and returned leads. */
export const SLACK_EVENT_TYPES = [
  "handoff.created",
  "handoff.breached",
  "handoff.rejected",
] as const satisfies readonly WebhookEventType[];

export const PAYLOAD_VERSION = 1;

/** The body of every webhook: `{ version, type, timestamp, workspaceId, data }`. */
export type WebhookPayload = {
  version: typeof PAYLOAD_VERSION;
  type: WebhookEventType;
  timestamp: string;
  workspaceId: string;
  data: Record<string, unknown>;
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
