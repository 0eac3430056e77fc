import "server-only";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import type { LeadStage } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";
import { emitLeadEvents } from "@/server/webhooks/emit";
import { workspaceTimeZone } from "@/server/workspaces/queries";

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

/** The calendar day of `at` in the workspace's time zone, as yyyy-mm-dd. */
const dayIn = (at: Date, timeZone: string) => formatInTimeZone(at, timeZone, "yyyy-MM-dd");

/**
 * The days a win can be dated (workspace's calendar): from the day the lead
 * reached its current stage (a deal does not close before it was accepted or
 * opened) to today (nor in the future).
 */
export function closeWindow(stageEnteredAt: Date, timeZone: string, now = new Date()) {
  return { earliest: dayIn(stageEnteredAt, timeZone), latest: dayIn(now, timeZone) };
}

/**
 * The moment a win dated `closedOn` is recorded: now when it closed today; for
 * an earlier day, noon of that day in the workspace's time zone, but never
 * before the lead reached its current stage (the timeline stays in order).
 */
export function wonAt(closedOn: string, stageEnteredAt: Date, timeZone: string, now = new Date()): Date {
  if (closedOn === dayIn(now, timeZone)) return now;
  const noon = fromZonedTime(`${closedOn}T12:00:00`, timeZone);
  return noon < stageEnteredAt ? new Date(stageEnteredAt.getTime() + 1_000) : noon;
}

export async function progressDeal(actor: Actor, leadId: string, input: DealStep, now = new Date(), client?: Tx) {
  requirePermission(actor, "deals.progress");
  const timeZone = await workspaceTimeZone(actor.workspaceId);
  const run = async (tx: Tx) => {
    const rows = await tx.$queryRaw<{ stage: LeadStage; ownerId: string | null; stageEnteredAt: Date }[]>`
      SELECT stage, "ownerId", "stageEnteredAt" FROM "Lead"
      WHERE id = ${leadId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    const lead = rows[0];
    if (!lead) throw notFound();
    if (actor.role !== "MANAGER" && lead.ownerId !== actor.userId) throw forbidden();
    if (!FROM[input.step].includes(lead.stage)) {
      throw new AppError("conflict", `A lead in ${lead.stage} cannot move to ${TO[input.step]}`, {
        params: { stage: lead.stage },
      });
    }
    if (input.step === "won") {
      const window = closeWindow(lead.stageEnteredAt, timeZone, now);
      const problem =
        input.closedOn > window.latest ? "closeInFuture" : input.closedOn < window.earliest ? "closeBeforeStage" : null;
      if (problem) {
        throw new AppError("validation", `Close date outside ${window.earliest}…${window.latest}`, {
          fieldErrors: { "step.closedOn": [problem] },
        });
      }
    }
    const to = TO[input.step];
    const at = input.step === "won" ? wonAt(input.closedOn, lead.stageEnteredAt, timeZone, now) : now;
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
    if (input.step !== "opportunity") {
      await emitLeadEvents(tx, actor.workspaceId, input.step === "won" ? "deal.won" : "deal.lost", [leadId], now);
    }
    return updated;
  };
  // In the caller's transaction when given one (the API's idempotent POST), else in its own.
  return client ? run(client) : db.$transaction(run);
}
