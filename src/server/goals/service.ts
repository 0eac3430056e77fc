import "server-only";
import { z } from "zod";
import { GoalMetric } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";

export const ZGoalInput = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalidMonth"),
    metric: z.enum(GoalMetric),
    /** Counts for MQLS and SQLS, EUR for REVENUE, a share 0–1 for SLA_COMPLIANCE. */
    target: z.coerce.number().min(0, "notNegative").max(1_000_000_000, "tooLarge"),
  })
  .strict()
  .refine((g) => g.metric !== "SLA_COMPLIANCE" || g.target <= 1, { path: ["target"], message: "shareAboveOne" });
export type GoalInput = z.infer<typeof ZGoalInput>;

/** Sets (or changes) a month's goal for one metric. */
export async function setGoal(actor: Actor, input: GoalInput) {
  requirePermission(actor, "goals.set");
  return db.$transaction(async (tx) => {
    const key = {
      workspaceId_month_metric: { workspaceId: actor.workspaceId, month: input.month, metric: input.metric },
    };
    const before = await tx.goal.findUnique({ where: key });
    const goal = await tx.goal.upsert({
      where: key,
      create: { workspaceId: actor.workspaceId, ...input, setById: actor.userId },
      update: { target: input.target, setById: actor.userId },
    });
    await writeAudit(tx, actor, {
      action: "goal.set",
      entityType: "Goal",
      entityId: goal.id,
      before: before ? { target: before.target } : undefined,
      after: input,
    });
    return goal;
  });
}

export async function listGoals(actor: Actor, month: string) {
  requirePermission(actor, "metrics.read");
  return db.goal.findMany({ where: { workspaceId: actor.workspaceId, month } });
}
