"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { updateTrackingSettings, ZTrackingSettings } from "@/server/tracking/service";

export const saveTrackingAction = authorizedAction(
  { schema: ZTrackingSettings, capability: "tracking.edit" },
  async (input, actor) => {
    await updateTrackingSettings(actor, input);
    revalidatePath("/forms/tracking");
    return null;
  },
);
