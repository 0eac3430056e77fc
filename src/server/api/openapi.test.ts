import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("describes every v1 endpoint with the request schemas the server validates", () => {
    const doc = openApiDocument("https://example.test");
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/api/v1/leads", "/api/v1/leads/{id}", "/api/v1/leads/{id}/events", "/api/v1/me", "/api/v1/members"].sort(),
    );
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
});
