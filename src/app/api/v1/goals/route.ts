import { z } from "zod";
import { validationProblem } from "@/server/api/problem";
import { apiRoute, json } from "@/server/api/route";
import { currentMonth, goalProgress } from "@/server/goals/progress";

const ZGoalsQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalidMonth")
      .optional(),
  })
  .strict();

/** The month's shared goals with their progress, from the dashboards' own figures: ?month=YYYY-MM (default: now). */
export const GET = apiRoute("metrics.read", async ({ actor, request }) => {
  const parsed = ZGoalsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  const month = parsed.data.month ?? (await currentMonth(actor.workspaceId));
  return json(await goalProgress(actor, month));
});
