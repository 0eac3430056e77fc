"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { ZUpdateWorkspace } from "@/server/workspaces/schema";
import { updateWorkspace } from "@/server/workspaces/service";

export const updateWorkspaceAction = authorizedAction(
  { schema: ZUpdateWorkspace, capability: "workspace.update" },
  async (input, actor) => {
    const result = await updateWorkspace(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
);
