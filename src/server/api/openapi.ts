import { z } from "zod";
import { ZCampaignInput, ZCampaignPatch, ZSpendEntry } from "@/server/campaigns/schema";
import { ZDealStep } from "@/server/handoffs/deals";
import { ZRejectInput } from "@/server/handoffs/schema";
import { ZLeadEventInput, ZLeadInput } from "@/server/leads/schema";
import { webhookSection } from "./openapi-webhooks";

/** JSON Schema of a request body, from the same zod schema the server validates with. */
const bodySchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const problem = { $ref: "#/components/schemas/Problem" };
const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problem } },
});
const errors = {
  "400": problemResponse("Malformed JSON or query"),
  "401": problemResponse("Missing or invalid API token"),
  "403": problemResponse("The token's member lacks the permission"),
  "413": problemResponse("Body larger than 1 MB"),
  "415": problemResponse("Body is not application/json"),
  "422": problemResponse("Invalid fields (with their paths), or an Idempotency-Key reused with another body"),
  "429": problemResponse("Rate limit of the token reached; see Retry-After"),
};
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Same key and body within 24 hours → the first response is replayed; same key, other body → 422.",
  schema: { type: "string", maxLength: 255 },
};

const metricParameters = [
  {
    name: "from",
    in: "query",
    schema: { type: "string", format: "date" },
    description: "First day (workspace time zone); default 89 days before `to`",
  },
  {
    name: "to",
    in: "query",
    schema: { type: "string", format: "date" },
    description: "Last day, inclusive; default today",
  },
  { name: "channel", in: "query", schema: { type: "string" } },
  { name: "campaignId", in: "query", schema: { type: "string" } },
  { name: "personaId", in: "query", schema: { type: "string" } },
  { name: "ownerId", in: "query", schema: { type: "string" } },
  { name: "interval", in: "query", schema: { type: "string", enum: ["week", "month"], default: "month" } },
];

/** The OpenAPI document served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl: string) {
  const { openapi, info, ...rest } = apiDescription();
  return { openapi, info, servers: [{ url: serverUrl }], ...rest };
}

let described: ReturnType<typeof describeApi> | undefined;
/** Built once: turning the zod schemas into JSON Schema takes milliseconds of CPU, and the document never changes while the app runs. */
function apiDescription() {
  described ??= describeApi();
  return described;
}

function describeApi() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Smarketing Workspace API",
      version: "1",
      description:
        "Authenticate with a personal API token (Settings → API tokens) as `Authorization: Bearer <token>`; it acts with its member's role. Errors are RFC 9457 problem documents.",
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            errors: {
              type: "array",
              items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
            },
          },
          required: ["type", "title", "status"],
        },
        LeadInput: bodySchema(ZLeadInput),
        LeadEventInput: bodySchema(ZLeadEventInput),
        RejectInput: bodySchema(ZRejectInput),
        CampaignInput: bodySchema(ZCampaignInput),
        CampaignPatch: bodySchema(ZCampaignPatch),
        SpendInput: bodySchema(ZSpendEntry),
        DealStep: bodySchema(ZDealStep),
        Campaign: {
          type: "object",
          description: "A campaign; its channel is the default channel of the leads it captures.",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            channel: { type: "string" },
            startDate: { type: ["string", "null"], format: "date" },
            endDate: { type: ["string", "null"], format: "date" },
            budget: { type: ["number", "null"] },
            currency: { type: "string" },
            ownerId: { type: ["string", "null"] },
            archived: { type: "boolean" },
            createdAt: { type: "string", format: "date-time" },
          },
        },
        Spend: {
          type: "object",
          description: "Spend of a campaign for a day or a month, in its currency and in EUR at the rate given.",
          properties: {
            id: { type: "string" },
            campaignId: { type: "string" },
            periodStart: { type: "string", format: "date" },
            periodEnd: { type: "string", format: "date" },
            amount: { type: "number" },
            currency: { type: "string" },
            eurRate: { type: "number" },
            amountEur: { type: "number" },
            note: { type: "string" },
          },
        },
        Handoff: {
          type: "object",
          description:
            "An MQL handed to sales under the SLA; due times are in business time of the SLA version it started under.",
          properties: {
            id: { type: "string" },
            leadId: { type: "string" },
            status: { type: "string", enum: ["OPEN", "ACCEPTED", "REJECTED", "CANCELLED"] },
            assigneeId: { type: ["string", "null"] },
            handedOffAt: { type: "string", format: "date-time" },
            assignedAt: { type: "string", format: "date-time" },
            dueAt: { type: "string", format: "date-time" },
            firstDueAt: { type: "string", format: "date-time" },
            breachCount: { type: "integer" },
            reassignCount: { type: "integer" },
            answeredAt: { type: ["string", "null"], format: "date-time" },
            answeredById: { type: ["string", "null"] },
            rejectReason: { type: ["string", "null"] },
            note: { type: "string" },
          },
        },
        Lead: {
          type: "object",
          description: "A lead with its scores, stage and the rules that fired (scoreExplanation).",
          properties: {
            id: { type: "string" },
            email: { type: "string" },
            stage: {
              type: "string",
              enum: ["LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER", "NURTURE", "DISQUALIFIED", "LOST"],
            },
            score: {
              type: "object",
              properties: {
                fit: { type: "number" },
                engagement: { type: "number" },
                total: { type: "number" },
                qualifies: { type: "boolean" },
                scoredAt: {
                  type: ["string", "null"],
                  format: "date-time",
                  description: "When the score last changed (a publish or the nightly time decay re-scores leads).",
                },
              },
            },
            scoreExplanation: {
              type: "object",
              description:
                "Why the lead has its score: contributions (the rules that fired, with points and, for behaviour rules, events) and disqualifiedBy (the disqualifiers that matched). The MQL threshold is the published scoring model's, not part of each lead's explanation.",
            },
            updatedAt: {
              type: "string",
              format: "date-time",
              description:
                "When the lead's own fields or stage last changed (an MQL crossing included). A re-score alone does not move it: see score.scoredAt.",
            },
            deal: {
              type: "object",
              description: "The deal after SQL: the opportunity, the win or the loss.",
              properties: {
                opportunityAmount: { type: ["number", "null"] },
                expectedCloseDate: { type: ["string", "null"], format: "date" },
                wonAmount: { type: ["number", "null"] },
                wonAt: { type: ["string", "null"], format: "date-time" },
                lostAt: { type: ["string", "null"], format: "date-time" },
                lostReason: { type: ["string", "null"] },
              },
            },
          },
        },
      },
    },
    paths: {
      "/api/v1/me": {
        get: {
          summary: "Who the token acts as",
          responses: { "200": { description: "User, workspace and role" }, "401": errors["401"] },
        },
      },
      "/api/v1/members": {
        get: {
          summary: "Members of the workspace",
          responses: { "200": { description: "Members" }, "401": errors["401"] },
        },
      },
      "/api/v1/leads": {
        post: {
          summary: "Create a lead, or update the one with the same email",
          parameters: [idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/LeadInput" } } },
          },
          responses: {
            "201": {
              description: "Created",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Lead" } } },
            },
            "200": {
              description: "Updated (same email)",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Lead" } } },
            },
            ...errors,
          },
        },
        get: {
          summary: "Leads by last change, cursor-paginated",
          parameters: [
            { name: "stage", in: "query", schema: { type: "string" } },
            { name: "updatedSince", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { "200": { description: "{ data: Lead[], nextCursor: string | null }" }, ...errors },
        },
      },
      "/api/v1/leads/{id}": {
        get: {
          summary: "One lead",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The lead" },
            "404": problemResponse("Not found in this workspace"),
            "401": errors["401"],
          },
        },
      },
      "/api/v1/handoffs": {
        get: {
          summary: "Handoffs: open ones by due time, answered ones newest first; cursor-paginated",
          parameters: [
            {
              name: "status",
              in: "query",
              schema: { type: "string", enum: ["open", "accepted", "rejected", "cancelled", "all"], default: "open" },
            },
            {
              name: "assignee",
              in: "query",
              schema: { type: "string", default: "me" },
              description: "`me`, `all`, or a user id",
            },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { "200": { description: "{ data: Handoff[], nextCursor: string | null }" }, ...errors },
        },
      },
      "/api/v1/handoffs/{id}/accept": {
        post: {
          summary: "Accept a handoff (the lead becomes SQL); the assignee or a manager only",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The answered handoff",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Handoff" } } },
            },
            "403": problemResponse("Not your handoff, or your role cannot answer handoffs"),
            "404": problemResponse("Not found in this workspace"),
            "409": problemResponse("Already answered (by whom and when in the detail)"),
            "401": errors["401"],
            "429": errors["429"],
          },
        },
      },
      "/api/v1/handoffs/{id}/reject": {
        post: {
          summary: "Reject a handoff with a reason: NURTURE (back to marketing) or DISQUALIFIED by reason",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/RejectInput" } } },
          },
          responses: {
            "200": {
              description: "The answered handoff",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Handoff" } } },
            },
            "404": problemResponse("Not found in this workspace"),
            "409": problemResponse("Already answered"),
            ...errors,
          },
        },
      },
      ...Object.fromEntries(
        (["funnel", "quality", "sla", "roi"] as const).map((metric) => [
          `/api/v1/metrics/${metric}`,
          {
            get: {
              summary: {
                funnel: "Funnel: cohort and flow counts per stage, conversions, time in stage, trend, lead velocity",
                quality: "Lead quality: acceptance rate and the rejection mix by channel, campaign and persona",
                sla: "SLA: compliance, response time (business hours), breaches by rep, at risk, MQLs vs commitment",
                roi: "ROI: spend vs won revenue by channel (the lead's own) and campaign (by touch), cost per lead/MQL/SQL, CAC, marketing-sourced and -influenced revenue",
              }[metric],
              parameters: metricParameters,
              responses: { "200": { description: "The same figures as the dashboard" }, ...errors },
            },
          },
        ]),
      ),
      "/api/v1/metrics/alignment": {
        get: {
          summary:
            "Alignment index per calendar month (workspace time zone): the mean × 100 of MQL commitment met, SLA compliance, acceptance rate and qualification terms agreed; parts without data are null and left out",
          parameters: [
            {
              name: "months",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 24, default: 12 },
              description: "How many months, up to and including the current one",
            },
          ],
          responses: {
            "200": {
              description:
                "{ timeZone, months: [{ month: 'YYYY-MM', inProgress, index, commitment, slaCompliance, acceptance, glossary }] }, oldest first; each part { value, numerator, denominator }, the glossary's with its terms",
            },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns": {
        get: {
          summary: "Campaigns, newest first, cursor-paginated",
          parameters: [
            {
              name: "archived",
              in: "query",
              schema: { type: "string", enum: ["include", "exclude"], default: "exclude" },
            },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { "200": { description: "{ data: Campaign[], nextCursor: string | null }" }, ...errors },
        },
        post: {
          summary: "Create a campaign (its name is unique in the workspace)",
          parameters: [idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/CampaignInput" } } },
          },
          responses: {
            "201": {
              description: "Created",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Campaign" } } },
            },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}": {
        get: {
          summary: "One campaign",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The campaign",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Campaign" } } },
            },
            "404": problemResponse("Not found in this workspace"),
            "401": errors["401"],
          },
        },
        patch: {
          summary: "Change a campaign: the fields sent replace the stored ones; the result is validated whole",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/CampaignPatch" } } },
          },
          responses: {
            "200": {
              description: "The changed campaign",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Campaign" } } },
            },
            "404": problemResponse("Not found in this workspace"),
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/spend": {
        get: {
          summary: "The campaign's spend rows, newest period first",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "{ data: Spend[] }" }, "404": problemResponse("Not found"), ...errors },
        },
        post: {
          summary: "Record spend for a day or a month (the same period again replaces its row)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/SpendInput" } } },
          },
          responses: {
            "201": {
              description: "Recorded",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Spend" } } },
            },
            "200": { description: "Replaced the period's row" },
            "404": problemResponse("Not found in this workspace"),
            ...errors,
          },
        },
      },
      "/api/v1/leads/{id}/deal": {
        post: {
          summary: "Move an accepted lead's deal on: open an opportunity, won, or lost (the owner or a manager)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/DealStep" } } },
          },
          responses: {
            "200": {
              description: "The lead, with its deal",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Lead" } } },
            },
            "404": problemResponse("Not found in this workspace"),
            "409": problemResponse("The lead's stage cannot take this step"),
            ...errors,
          },
        },
      },
      "/api/v1/goals": {
        get: {
          summary: "The month's shared goals with their progress (the dashboards' own figures)",
          parameters: [{ name: "month", in: "query", schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" } }],
          responses: { "200": { description: "Goals with target, actual and progress" }, ...errors },
        },
      },
      "/api/v1/sla": {
        get: {
          summary: "The SLA in force: version, when agreed, response time, business calendar, commitment",
          responses: { "200": { description: "The SLA's settings" }, "401": errors["401"], "403": errors["403"] },
        },
      },
      "/api/v1/scoring-model": {
        get: {
          summary: "The scoring model in force (the MQL criteria): version, publisher, note, rules",
          responses: { "200": { description: "The published model" }, "401": errors["401"], "403": errors["403"] },
        },
      },
      "/api/v1/leads/{id}/events": {
        post: {
          summary: "Record a behaviour event (the lead is re-scored at once)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/LeadEventInput" } } },
          },
          responses: {
            "201": { description: "{ event, lead, becameMql }" },
            "404": problemResponse("Not found in this workspace"),
            ...errors,
          },
        },
      },
    },
    webhooks: webhookSection(),
  };
}
