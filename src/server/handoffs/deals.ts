import "server-only";
import { z } from "zod";
import type { LeadStage } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";

/**
 * After sales accepts: SQL → opportunity (amount, expected close) → won
 * (amount, date) or lost (reason). Only the lead's owner or a manager moves it.
 */

const ZAmount = z.coerce.number().min(0, "tooSmall").max(1_000_000_000, "tooLarge");

export const ZDealStep = z.discriminatedUnion("step", [
  z.object({ step: z.literal("opportunity"), amount: ZAmount, expectedCloseDate: z.iso.date("invalidDate") }).strict(),
  z.object({ step: z.literal("won"), amount: ZAmount, closedOn: z.iso.date("invalidDate") }).strict(),
  z.object({ step: z.literal("lost"), reason: z.string().trim().min(1, "required").max(500, "tooLong") }).strict(),
]);
export type DealStep = z.infer<typeof ZDealStep>;

const FROM: Record<DealStep["step"], LeadStage[]> = {
  opportunity: ["SQL"],
  won: ["SQL", "OPPORTUNITY"],
  lost: ["SQL", "OPPORTUNITY"],
};
const TO: Record<DealStep["step"], LeadStage> = { opportunity: "OPPORTUNITY", won: "CUSTOMER", lost: "LOST" };

export async function progressDeal(actor: Actor, leadId: string, input: DealStep, now = new Date()) {
  requirePermission(actor, "deals.progress");
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ stage: LeadStage; ownerId: string | null }[]>`
      SELECT stage, "ownerId" FROM "Lead" WHERE id = ${leadId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    const lead = rows[0];
    if (!lead) throw notFound();
    if (actor.role !== "MANAGER" && lead.ownerId !== actor.userId) throw forbidden();
    if (!FROM[input.step].includes(lead.stage)) {
      throw new AppError("conflict", `A lead in ${lead.stage} cannot move to ${TO[input.step]}`, {
        params: { stage: lead.stage },
      });
    }
    const to = TO[input.step];
    // A won deal's date is the day it closed (noon UTC keeps the same calendar day in every time zone of note).
    const at = input.step === "won" ? new Date(`${input.closedOn}T12:00:00Z`) : now;
    const data =
      input.step === "opportunity"
        ? {
            opportunityAt: now,
            opportunityAmount: input.amount,
            expectedCloseDate: new Date(`${input.expectedCloseDate}T00:00:00Z`),
          }
        : input.step === "won"
          ? { customerAt: at, wonAmount: input.amount }
          : { lostAt: now, lostReason: input.reason };
    const updated = await tx.lead.update({
      where: { id: leadId },
      data: { stage: to, stageEnteredAt: at, ...data },
    });
    await tx.leadStageChange.create({
      data: {
        workspaceId: actor.workspaceId,
        leadId,
        fromStage: lead.stage,
        toStage: to,
        at,
        actorUserId: actor.userId,
        reason: input.step === "lost" ? `lost:${input.reason}` : input.step,
      },
    });
    await writeAudit(tx, actor, {
      action: `deal.${input.step}`,
      entityType: "Lead",
      entityId: leadId,
      before: { stage: lead.stage },
      after: { stage: to, ...input },
    });
    return updated;
  });
}
