import { idempotent } from "@/server/api/idempotency";
import { apiRoute, readJson } from "@/server/api/route";
import { progressDeal, ZDealStep } from "@/server/handoffs/deals";
import { leadDto } from "@/server/leads/dto";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";

/**
 * Move an accepted lead's deal on: { step: "opportunity", amount, expectedCloseDate } | { step: "won", amount,
 * closedOn } | { step: "lost", reason }. The lead's owner or a manager; 409 from a stage the step cannot follow.
 */
export const POST = apiRoute<{ id: string }>("deals.progress", async ({ actor, params, request }) => {
  const { data, raw } = await readJson(request, ZDealStep);
  return idempotent(request, actor, raw, async (tx) => {
    await progressDeal(actor, params.id, data, new Date(), tx);
    const lead = await tx.lead.findFirstOrThrow({
      where: { id: params.id, workspaceId: actor.workspaceId },
      include: WITH_SCORE,
    });
    return { status: 200, body: leadDto(withScore(lead)) };
  });
});
