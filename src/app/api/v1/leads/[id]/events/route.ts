import { idempotent } from "@/server/api/idempotency";
import { apiRoute, readJson } from "@/server/api/route";
import { leadDto } from "@/server/leads/dto";
import { ZLeadEventInput } from "@/server/leads/schema";
import { recordLeadEvent } from "@/server/leads/service";

/** Record a behaviour event of a lead; the lead is re-scored at once. */
export const POST = apiRoute<{ id: string }>("leads.write", async ({ actor, params, request }) => {
  const { data, raw } = await readJson(request, ZLeadEventInput);
  return idempotent(request, actor, raw, async (tx) => {
    const { event, lead, becameMql } = await recordLeadEvent(tx, actor, params.id, data);
    return {
      status: 201,
      body: {
        event: {
          id: event.id.toString(),
          type: event.type,
          occurredAt: event.occurredAt,
          properties: event.properties,
        },
        lead: leadDto(lead),
        becameMql,
      },
    };
  });
});
