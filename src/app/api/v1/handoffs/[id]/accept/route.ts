import { apiRoute, json } from "@/server/api/route";
import { acceptHandoff } from "@/server/handoffs/answer";
import { handoffDto } from "@/server/handoffs/schema";

/** Accept a handoff: the lead becomes SQL. 409 when it was already answered. */
export const POST = apiRoute<{ id: string }>("handoffs.answer", async ({ actor, params }) => {
  return json(handoffDto(await acceptHandoff(actor, params.id)));
});
