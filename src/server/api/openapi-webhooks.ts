import { PAYLOAD_VERSION, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/server/webhooks/events";

/**
 * The `webhooks` section of the OpenAPI document (3.1): what each event sends
 * and how a receiver verifies it. One entry per event type, generated from the
 * same list the app subscribes endpoints to.
 */

const HEADERS_DOC =
  "Signed per the Standard Webhooks specification. Headers: `webhook-id` (the event's id; the same on every retry — de-duplicate on it), `webhook-timestamp` (Unix seconds of this attempt), `webhook-signature` (`v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">`; two, space-separated, during a secret rotation's 24-hour overlap). Verify with a Standard Webhooks library and the endpoint's `whsec_…` secret before trusting the body; refuse timestamps more than 5 minutes away. Answer 2xx within 10 seconds; anything else is retried with exponential backoff (10 s × 3ⁿ, ±15 %) for about a day, then the delivery is marked failed (an admin can send it again). Events about one lead arrive in order; delivery is at least once.";

const leadRef = { $ref: "#/components/schemas/Lead" };
const leadWithUrl = {
  allOf: [leadRef, { type: "object", properties: { url: { type: "string", format: "uri" } } }],
};
const person = { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } };
const handoffData = {
  type: "object",
  properties: {
    id: { type: "string" },
    status: { type: "string", enum: ["OPEN", "ACCEPTED", "REJECTED", "CANCELLED"] },
    handedOffAt: { type: "string", format: "date-time" },
    scoreAtHandoff: { type: ["number", "null"] },
    assignee: person,
    dueAt: { type: "string", format: "date-time" },
    breachedAt: { type: ["string", "null"], format: "date-time" },
    breachCount: { type: "integer" },
    answeredAt: { type: ["string", "null"], format: "date-time" },
    answeredBy: person,
    rejectReason: { type: ["string", "null"] },
    note: { type: ["string", "null"] },
    url: { type: "string", format: "uri" },
  },
};
const bilingual = { type: "object", properties: { en: { type: "string" }, it: { type: "string" } } };

const DATA: Record<WebhookEventType, { summary: string; data: object }> = {
  "lead.created": { summary: "A lead was captured (form, import, API or by hand).", data: { lead: leadWithUrl } },
  "lead.updated": { summary: "A known lead's fields were updated by a new capture.", data: { lead: leadWithUrl } },
  "lead.mql": { summary: "A lead's score crossed the MQL threshold.", data: { lead: leadWithUrl } },
  "handoff.created": {
    summary: "An MQL was handed to a sales rep under the SLA.",
    data: { handoff: handoffData, lead: leadWithUrl },
  },
  "handoff.accepted": {
    summary: "Sales accepted an MQL: it is an SQL.",
    data: { handoff: handoffData, lead: leadWithUrl },
  },
  "handoff.rejected": {
    summary: "Sales returned an MQL, with a reason (to nurture or disqualified).",
    data: { handoff: handoffData, lead: leadWithUrl },
  },
  "handoff.breached": {
    summary:
      "A handoff was not answered within the SLA (sent with the assignee who missed it; a reassignment follows).",
    data: { handoff: handoffData, lead: leadWithUrl },
  },
  "deal.won": { summary: "An opportunity was won (lead.deal has the amount).", data: { lead: leadWithUrl } },
  "deal.lost": { summary: "An opportunity was lost (lead.deal has the reason).", data: { lead: leadWithUrl } },
  "term.agreed": {
    summary: "Marketing and sales agreed a glossary term's definition.",
    data: {
      term: {
        type: "object",
        properties: {
          id: { type: "string" },
          revision: { type: "integer" },
          category: { type: "string" },
          name: bilingual,
          definition: bilingual,
          url: { type: "string", format: "uri" },
        },
      },
    },
  },
  "model.published": {
    summary: "A new version of the scoring model (the MQL criteria) was published.",
    data: {
      model: {
        type: "object",
        properties: {
          version: { type: "integer" },
          publishedAt: { type: "string", format: "date-time" },
          publishedBy: person,
          note: { type: "string" },
          definition: { type: "object", description: "Fit rules, behaviour rules, disqualifiers and threshold." },
        },
      },
    },
  },
};

export function webhookSection() {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: DATA[type].summary,
          description: HEADERS_DOC,
          parameters: ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => ({
            name,
            in: "header",
            required: true,
            schema: { type: "string" },
          })),
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["version", "type", "timestamp", "workspaceId", "data"],
                  properties: {
                    version: { const: PAYLOAD_VERSION },
                    type: { const: type },
                    timestamp: { type: "string", format: "date-time", description: "When the change happened." },
                    workspaceId: { type: "string" },
                    data: { type: "object", properties: DATA[type].data },
                  },
                },
              },
            },
          },
          responses: { "2XX": { description: "Received; any other answer (or none within 10 s) is retried." } },
        },
      },
    ]),
  );
}
