"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { ZSignInPolicy, ZSsoDomain, ZSsoPolicy, ZUpdateWorkspace } from "@/server/workspaces/schema";
import { updateSignInPolicy, updateWorkspace } from "@/server/workspaces/service";
import { tieSsoDomain, untieSsoDomain, updateSsoPolicy } from "@/server/workspaces/sso-settings";

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

export const tieSsoDomainAction = authorizedAction(
  { schema: ZSsoDomain, capability: "workspace.update" },
  async (input, actor) => {
    await tieSsoDomain(actor, input);
    revalidatePath("/settings/workspace");
    return null;
  },
);

export const untieSsoDomainAction = authorizedAction(
  { schema: ZSsoDomain, capability: "workspace.update" },
  async (input, actor) => {
    await untieSsoDomain(actor, input);
    revalidatePath("/settings/workspace");
    return null;
  },
);

export const updateSsoPolicyAction = authorizedAction(
  { schema: ZSsoPolicy, capability: "workspace.update" },
  async (input, actor) => {
    const result = await updateSsoPolicy(actor, input);
    revalidatePath("/settings/workspace");
    return result;
  },
);
