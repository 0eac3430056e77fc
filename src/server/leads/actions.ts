"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/server/action";
import { db } from "@/server/db";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";

/** Manual entry: the same capture as the API and imports (update by email, scoring). */
export const captureLeadAction = authorizedAction(
  { schema: ZLeadInput, capability: "leads.write" },
  async (input, actor) => {
    const { lead, created } = await db.$transaction((tx) => captureLead(tx, actor, input));
    revalidatePath("/leads");
    return { id: lead.id, created };
  },
);
