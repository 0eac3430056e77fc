import { idempotent } from "@/server/api/idempotency";
import { apiRoute, json, readJson } from "@/server/api/route";
import { spendDto } from "@/server/campaigns/dto";
import { getCampaign } from "@/server/campaigns/queries";
import { periodDays, ZSpendEntry } from "@/server/campaigns/schema";
import { recordSpend } from "@/server/campaigns/service";

/** The campaign's spend rows, newest period first (each with its currency, rate and EUR amount). */
export const GET = apiRoute<{ id: string }>("campaigns.read", async ({ actor, params }) => {
  const campaign = await getCampaign(actor, params.id);
  return json({ data: campaign.spend.map(spendDto) });
});

/** Record spend for a day or a month: 201 new, 200 when it replaces the same period's row. */
export const POST = apiRoute<{ id: string }>("campaigns.edit", async ({ actor, params, request }) => {
  const { data, raw } = await readJson(request, ZSpendEntry);
  return idempotent(request, actor, raw, async (tx) => {
    const { start, end } = periodDays(data.period);
    const existing = await tx.campaignSpend.findFirst({
      where: {
        workspaceId: actor.workspaceId,
        campaignId: params.id,
        periodStart: new Date(`${start}T00:00:00Z`),
        periodEnd: new Date(`${end}T00:00:00Z`),
      },
      select: { id: true },
    });
    const spend = await recordSpend(actor, { ...data, campaignId: params.id }, tx);
    return { status: existing ? 200 : 201, body: spendDto(spend) };
  });
});
