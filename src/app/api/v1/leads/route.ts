import { idempotent } from "@/server/api/idempotency";
import { validationProblem } from "@/server/api/problem";
import { apiRoute, json, readJson } from "@/server/api/route";
import { leadDto } from "@/server/leads/dto";
import { listLeadsForSync } from "@/server/leads/queries";
import { ZLeadInput, ZLeadListQuery } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";

/** Create a lead, or update the one with the same email: 201 created, 200 updated. */
export const POST = apiRoute("leads.write", async ({ actor, request }) => {
  const { data, raw } = await readJson(request, ZLeadInput);
  return idempotent(request, actor, raw, async (tx) => {
    const { lead, created } = await captureLead(tx, actor, data, new Date(), "API");
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
