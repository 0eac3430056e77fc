import { validationProblem } from "@/server/api/problem";
import { apiRoute, json } from "@/server/api/route";
import { listHandoffsForApi } from "@/server/handoffs/queries";
import { handoffDto, ZHandoffListQuery } from "@/server/handoffs/schema";

/** Handoffs: ?status=open|accepted|rejected|cancelled|all&assignee=me|all|<userId>&limit=…&cursor=… */
export const GET = apiRoute("handoffs.read", async ({ actor, request }) => {
  const parsed = ZHandoffListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  const { handoffs, nextCursor } = await listHandoffsForApi(actor, parsed.data);
  return json({ data: handoffs.map(handoffDto), nextCursor });
});
