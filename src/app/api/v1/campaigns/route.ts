import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { idempotent } from "@/server/api/idempotency";
import { validationProblem } from "@/server/api/problem";
import { apiRoute, json, readJson, ZCursorQuery } from "@/server/api/route";
import { campaignDto } from "@/server/campaigns/dto";
import { ZCampaignInput } from "@/server/campaigns/schema";
import { createCampaign } from "@/server/campaigns/service";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

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
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new AppError("validation", "Invalid cursor", { fieldErrors: { cursor: ["invalid"] } });
  const rows = await db.campaign.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(archived === "exclude" ? { archivedAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return json({
    data: page.map(campaignDto),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  });
});
