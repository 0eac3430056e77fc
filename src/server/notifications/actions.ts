"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { markRead } from "@/server/notifications/service";

export const markNotificationsReadAction = authorizedAction(
  { schema: z.object({ notificationId: z.string().min(1).max(64).optional() }), capability: "workspace.read" },
  async (input, actor) => {
    await markRead(actor, input.notificationId);
    revalidatePath("/", "layout");
    return null;
  },
);
