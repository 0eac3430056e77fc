import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/events";
import { openApiDocument } from "./openapi";

/** Every route handler under src/app/api/v1, as an OpenAPI path ([id] → {id}). */
function routesOnDisk(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app/api/v1");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts") && !file.includes("[...") && !file.startsWith("openapi.json"))
    .map((file) => `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/\.$/, ""));
}

describe("OpenAPI document", () => {
  it("describes every v1 endpoint with the request schemas the server validates", () => {
    const doc = openApiDocument("https://example.test");
    expect(Object.keys(doc.paths).sort()).toEqual(routesOnDisk().sort());
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/handoffs/{id}/reject", "/api/v1/leads"]));
    const lead = doc.components.schemas.LeadInput as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(lead.required).toEqual(["email"]);
    expect(Object.keys(lead.properties)).toEqual(
      expect.arrayContaining(["email", "companySize", "channel", "campaign"]),
    );
    expect(lead.additionalProperties).toBe(false);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("documents every webhook event, with its payload and the Standard Webhooks headers", () => {
    const doc = openApiDocument("https://example.test");
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    const mql = doc.webhooks["lead.mql"]?.post;
    expect(mql?.parameters.map((p) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(mql?.requestBody.content["application/json"].schema.properties.type).toEqual({ const: "lead.mql" });
  });
});
