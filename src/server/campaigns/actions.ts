"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { ZCampaignInput, ZSpendInput } from "@/server/campaigns/schema";
import { createCampaign, deleteSpend, importSpendCsv, recordSpend, updateCampaign } from "@/server/campaigns/service";

export const createCampaignAction = authorizedAction(
  { schema: ZCampaignInput, capability: "campaigns.edit" },
  async (input, actor) => {
    const campaign = await createCampaign(actor, input);
    revalidatePath("/campaigns");
    return { id: campaign.id };
  },
);

export const updateCampaignAction = authorizedAction(
  {
    schema: z.object({ campaignId: z.string().min(1).max(64), campaign: ZCampaignInput }),
    capability: "campaigns.edit",
  },
  async ({ campaignId, campaign }, actor) => {
    await updateCampaign(actor, campaignId, campaign);
    revalidatePath(`/campaigns/${campaignId}`);
    return null;
  },
);

export const recordSpendAction = authorizedAction(
  { schema: ZSpendInput, capability: "campaigns.edit" },
  async (input, actor) => {
    await recordSpend(actor, input);
    revalidatePath(`/campaigns/${input.campaignId}`);
    return null;
  },
);

export const deleteSpendAction = authorizedAction(
  {
    schema: z.object({ spendId: z.string().min(1).max(64), campaignId: z.string().min(1).max(64) }),
    capability: "campaigns.edit",
  },
  async ({ spendId, campaignId }, actor) => {
    await deleteSpend(actor, spendId);
    revalidatePath(`/campaigns/${campaignId}`);
    return null;
  },
);

export const importSpendAction = authorizedAction(
  {
    schema: z.object({ content: z.string().min(1, "emptyFile").max(5_000_000, "fileTooLarge") }),
    capability: "campaigns.edit",
  },
  async ({ content }, actor) => {
    const result = await importSpendCsv(actor, content);
    if (result.ok) revalidatePath("/campaigns");
    return result;
  },
);
