import { validationProblem } from "@/server/api/problem";
import { apiRoute, json, readJson } from "@/server/api/route";
import { campaignDto } from "@/server/campaigns/dto";
import { getCampaign } from "@/server/campaigns/queries";
import { ZCampaignInput, ZCampaignPatch } from "@/server/campaigns/schema";
import { updateCampaign } from "@/server/campaigns/service";

/** One campaign. */
export const GET = apiRoute<{ id: string }>("campaigns.read", async ({ actor, params }) => {
  return json(campaignDto(await getCampaign(actor, params.id)));
});

/**
 * Change a campaign: the fields sent replace the stored ones, the others are kept; the result is validated whole,
 * as the app's form validates it (an end date before the kept start date is refused).
 */
export const PATCH = apiRoute<{ id: string }>("campaigns.edit", async ({ actor, params, request }) => {
  const { data } = await readJson(request, ZCampaignPatch);
  const {
    id: _id,
    archived: _archived,
    createdAt: _createdAt,
    ...stored
  } = campaignDto(await getCampaign(actor, params.id));
  const merged = ZCampaignInput.safeParse({ ...stored, ...data });
  if (!merged.success) return validationProblem(merged.error);
  return json(campaignDto(await updateCampaign(actor, params.id, merged.data)));
});
