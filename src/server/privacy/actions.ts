"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { eraseLead } from "@/server/privacy/service";

/** Erases a lead's personal data (GDPR request); see privacy/service.ts for what goes and what stays. */
export const eraseLeadAction = authorizedAction(
  { schema: z.strictObject({ leadId: z.string().min(1).max(64) }), capability: "privacy.manage" },
  async (input, actor) => {
    const result = await eraseLead(actor, input.leadId);
    revalidatePath(`/leads/${input.leadId}`);
    revalidatePath("/leads");
    return { erasedAt: result.erasedAt.toISOString() };
  },
);
