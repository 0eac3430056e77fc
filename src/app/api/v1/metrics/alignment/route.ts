import { validationProblem } from "@/server/api/problem";
import { apiRoute, json } from "@/server/api/route";
import { alignmentIndex, ZAlignmentQuery } from "@/server/metrics/alignment";

/** The alignment index per month with its four parts, the last ?months= (1–24, default 12) up to this month. */
export const GET = apiRoute("metrics.read", async ({ actor, request }) => {
  const parsed = ZAlignmentQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  return json(await alignmentIndex(actor, parsed.data));
});
