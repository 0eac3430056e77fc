"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { ZCreateApiToken, ZRevokeApiToken } from "@/server/api-tokens/schema";
import { createApiToken, revokeApiToken } from "@/server/api-tokens/service";

export const createApiTokenAction = authorizedAction(
  { schema: ZCreateApiToken, capability: "apiTokens.manageOwn" },
  async (input, actor) => {
    const token = await createApiToken(actor, input);
    revalidatePath("/settings/api-tokens");
    return { id: token.id, name: token.name, secret: token.secret };
  },
);

export const revokeApiTokenAction = authorizedAction(
  { schema: ZRevokeApiToken, capability: "apiTokens.manageOwn" },
  async (input, actor) => {
    await revokeApiToken(actor, input);
    revalidatePath("/settings/api-tokens");
    return null;
  },
);
