import { apiRoute, json, readJson } from "@/server/api/route";
import { rejectHandoff } from "@/server/handoffs/answer";
import { handoffDto, ZRejectInput } from "@/server/handoffs/schema";

/** Reject a handoff with { "reason": …, "note": … }: the reason sends the lead to NURTURE or DISQUALIFIED. */
export const POST = apiRoute<{ id: string }>("handoffs.answer", async ({ actor, params, request }) => {
  const { data } = await readJson(request, ZRejectInput);
  return json(handoffDto(await rejectHandoff(actor, params.id, data)));
});
