"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { setLeaderboardOptOut } from "@/server/goals/progress";
import { setGoal, ZGoalInput } from "@/server/goals/service";

export const setGoalAction = authorizedAction({ schema: ZGoalInput, capability: "goals.set" }, async (input, actor) => {
  await setGoal(actor, input);
  revalidatePath("/dashboards");
  return null;
});

export const leaderboardOptOutAction = authorizedAction(
  { schema: z.object({ optOut: z.boolean() }).strict(), capability: "metrics.read" },
  async ({ optOut }, actor) => {
    await setLeaderboardOptOut(actor, optOut);
    revalidatePath("/dashboards");
    return null;
  },
);
