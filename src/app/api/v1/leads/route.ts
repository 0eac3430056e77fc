import { idempotent } from "@/server/api/idempotency";
import { validationProblem } from "@/server/api/problem";
import { apiRoute, json, readJson } from "@/server/api/route";
import { db } from "@/server/db";
import { leadDto } from "@/server/leads/dto";
import { listLeadsForSync } from "@/server/leads/queries";
import { captureNewLead } from "@/server/leads/quick-capture";
import { ZLeadInput, ZLeadListQuery } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";

/** Create a lead, or update the one with the same email: 201 created, 200 updated. */
export const POST = apiRoute("leads.write", async ({ actor, request }) => {
  const { data, raw } = await readJson(request, ZLeadInput);
  const now = new Date();
  // Most requests bring a new lead: one statement, no transaction. Otherwise (or with an Idempotency-Key,
  // whose record commits with the work) the general path in a transaction.
  const keyed = request.headers.has("idempotency-key");
  if (!keyed && !data.campaign) {
    const fresh = await captureNewLead(db, actor, data, now, "API");
    if (fresh) return json(leadDto(fresh.lead), { status: 201 });
  }
  return idempotent(request, actor, raw, async (tx) => {
    const { lead, created } = await captureLead(tx, actor, data, now, "API", { tryNew: keyed || !!data.campaign });
    return { status: created ? 201 : 200, body: leadDto(lead) };
  });
});

/** Leads by last change, with cursor pagination: ?stage=MQL&updatedSince=…&limit=…&cursor=… */
export const GET = apiRoute("leads.read", async ({ actor, request }) => {
  const parsed = ZLeadListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  const { leads, nextCursor } = await listLeadsForSync(actor, parsed.data);
  return json({ data: leads.map(leadDto), nextCursor });
});
