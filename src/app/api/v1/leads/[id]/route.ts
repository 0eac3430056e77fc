import { apiRoute, json } from "@/server/api/route";
import { leadDto } from "@/server/leads/dto";
import { getLead } from "@/server/leads/queries";

export const GET = apiRoute<{ id: string }>("leads.read", async ({ actor, params }) => {
  return json(leadDto(await getLead(actor, params.id)));
});
