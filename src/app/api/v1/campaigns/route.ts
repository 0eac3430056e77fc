import { z } from "zod";
import { idempotent } from "@/server/api/idempotency";
import { validationProblem } from "@/server/api/problem";
import { apiRoute, json, readJson, ZCursorQuery } from "@/server/api/route";
import { campaignDto } from "@/server/campaigns/dto";
import { campaignPage } from "@/server/campaigns/queries";
import { ZCampaignInput } from "@/server/campaigns/schema";
import { createCampaign } from "@/server/campaigns/service";

const ZCampaignList = ZCursorQuery.extend({ archived: z.enum(["include", "exclude"]).default("exclude") });

/** Create a campaign (name unique in the workspace): 201. */
export const POST = apiRoute("campaigns.edit", async ({ actor, request }) => {
  const { data, raw } = await readJson(request, ZCampaignInput);
  return idempotent(request, actor, raw, async (tx) => ({
    status: 201,
    body: campaignDto(await createCampaign(actor, data, tx)),
  }));
});

/** Campaigns, newest first, cursor-paginated: ?limit=&cursor=&archived=include */
export const GET = apiRoute("campaigns.read", async ({ actor, request }) => {
  const parsed = ZCampaignList.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationProblem(parsed.error, 400);
  const { limit, cursor, archived } = parsed.data;
  const { campaigns, nextCursor } = await campaignPage(actor, {
    limit,
    cursor,
    includeArchived: archived === "include",
  });
  return json({ data: campaigns.map(campaignDto), nextCursor });
});
