import { validationProblem } from "@/server/api/problem";
import { apiRoute, json } from "@/server/api/route";
import { ZMetricsQuery } from "@/server/metrics/filter";
import { qualityMetrics } from "@/server/metrics/quality";

/** Lead quality as on the dashboard (acceptance, rejection mix by channel, campaign, persona), same filters. */
export const GET = apiRoute("metrics.read", async ({ actor, request }) => {
  const parsed = ZMetricsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  return json(await qualityMetrics(actor, parsed.data));
});
