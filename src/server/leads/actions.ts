"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { db } from "@/server/db";
import { ZEventType, ZLeadInput } from "@/server/leads/schema";
import { captureLead, logLeadActivity } from "@/server/leads/service";
import { deleteView, saveView } from "@/server/leads/views";

/** Manual entry: the same capture as the API and imports (update by email, scoring). */
export const captureLeadAction = authorizedAction(
  { schema: ZLeadInput, capability: "leads.write" },
  async (input, actor) => {
    const { lead, created } = await db.$transaction((tx) => captureLead(tx, actor, input, new Date(), "FORM"));
    revalidatePath("/leads");
    return { id: lead.id, created };
  },
);

const ZViewQuery = z
  .string()
  .max(2000)
  .transform((query) => {
    // Keep only the list's own filter parameters, never a page cursor.
    const params = new URLSearchParams(query);
    params.delete("after");
    return params.toString();
  });

export const saveLeadViewAction = authorizedAction(
  {
    schema: z.object({ name: z.string().trim().min(1, "required").max(80, "tooLong"), query: ZViewQuery }),
    capability: "leads.read",
  },
  async (input, actor) => {
    const view = await saveView(actor, input);
    revalidatePath("/leads");
    return { id: view.id };
  },
);

export const deleteLeadViewAction = authorizedAction(
  { schema: z.object({ viewId: z.string().min(1).max(64) }), capability: "leads.read" },
  async (input, actor) => {
    await deleteView(actor, input.viewId);
    revalidatePath("/leads");
    return null;
  },
);

/** An activity logged on a lead's page: the lead is re-scored at once; the answer says how its score moved. */
export const logActivityAction = authorizedAction(
  {
    schema: z.object({
      leadId: z.string().min(1).max(64),
      type: ZEventType,
      note: z.string().trim().max(2000, "tooLong").default(""),
      occurredAt: z.iso
        .datetime({ offset: true, message: "isoDateTime" })
        .transform((value) => new Date(value))
        .optional(),
    }),
    capability: "leads.logActivity",
  },
  async (input, actor) => {
    const result = await logLeadActivity(actor, input.leadId, input);
    revalidatePath(`/leads/${input.leadId}`);
    return result;
  },
);
