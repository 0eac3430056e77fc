import { validationProblem } from "@/server/api/problem";
import { apiRoute, json } from "@/server/api/route";
import { ZMetricsQuery } from "@/server/metrics/filter";
import { roiMetrics } from "@/server/metrics/roi";

/** The roi figures of the dashboard, with the same filters: ?from=&to=&channel=&campaignId=&personaId=&ownerId=&interval= */
export const GET = apiRoute("metrics.read", async ({ actor, request }) => {
  const parsed = ZMetricsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  return json(await roiMetrics(actor, parsed.data));
});
