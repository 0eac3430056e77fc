"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { ZSignInPolicy, ZUpdateWorkspace } from "@/server/workspaces/schema";
import { updateSignInPolicy, updateWorkspace } from "@/server/workspaces/service";

export const updateWorkspaceAction = authorizedAction(
  { schema: ZUpdateWorkspace, capability: "workspace.update" },
  async (input, actor) => {
    const result = await updateWorkspace(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
);

export const updateSignInPolicyAction = authorizedAction(
  { schema: ZSignInPolicy, capability: "workspace.update" },
  async (input, actor) => {
    const result = await updateSignInPolicy(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
);
