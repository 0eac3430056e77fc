"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { acceptHandoff, reassignHandoff, rejectHandoff } from "@/server/handoffs/answer";
import { progressDeal, ZDealStep } from "@/server/handoffs/deals";
import { ZHandoffId, ZRejectInput } from "@/server/handoffs/schema";
import { updateSla, ZSlaInput } from "@/server/handoffs/sla";
import { saveRoutingRules, setAvailability, ZAvailability, ZRoutingRules } from "@/server/handoffs/team";

function refresh() {
  revalidatePath("/handoffs");
  revalidatePath("/leads");
}

export const acceptHandoffAction = authorizedAction(
  { schema: z.object({ handoffId: ZHandoffId }), capability: "handoffs.answer" },
  async ({ handoffId }, actor) => {
    const handoff = await acceptHandoff(actor, handoffId);
    refresh();
    return { leadId: handoff.leadId };
  },
);

export const rejectHandoffAction = authorizedAction(
  { schema: ZRejectInput.extend({ handoffId: ZHandoffId }), capability: "handoffs.answer" },
  async ({ handoffId, ...input }, actor) => {
    const handoff = await rejectHandoff(actor, handoffId, input);
    refresh();
    return { leadId: handoff.leadId };
  },
);

export const reassignHandoffAction = authorizedAction(
  { schema: z.object({ handoffId: ZHandoffId, toUserId: z.string().min(1).max(64) }), capability: "handoffs.assign" },
  async ({ handoffId, toUserId }, actor) => {
    await reassignHandoff(actor, handoffId, toUserId);
    refresh();
    return null;
  },
);

export const setAvailabilityAction = authorizedAction(
  { schema: ZAvailability, capability: "handoffs.answer" },
  async (input, actor) => {
    await setAvailability(actor, input);
    revalidatePath("/sla");
    return null;
  },
);

export const saveRoutingRulesAction = authorizedAction(
  { schema: ZRoutingRules, capability: "handoffs.assign" },
  async (input, actor) => {
    await saveRoutingRules(actor, input);
    revalidatePath("/sla");
    return null;
  },
);

export const updateSlaAction = authorizedAction({ schema: ZSlaInput, capability: "sla.edit" }, async (input, actor) => {
  const sla = await updateSla(actor, input);
  revalidatePath("/sla");
  return { version: sla.version };
});

export const progressDealAction = authorizedAction(
  { schema: z.object({ leadId: z.string().min(1).max(64), step: ZDealStep }), capability: "deals.progress" },
  async ({ leadId, step }, actor) => {
    await progressDeal(actor, leadId, step);
    revalidatePath(`/leads/${leadId}`);
    return null;
  },
);
