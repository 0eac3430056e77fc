import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";

const CLOSED_DAYS = 30;
const PER_COLUMN = 100;

export type PipelineStage = "SQL" | "OPPORTUNITY" | "CUSTOMER" | "LOST";

/**
 * A rep's accepted leads by where their deal stands: SQL, opportunity, and
 * what closed (won or lost) in the last 30 days. A manager sees everyone's, or
 * one person's with `ownerId`.
 */
export async function pipeline(actor: Actor, options: { ownerId?: string } = {}, now = new Date()) {
  requirePermission(actor, "deals.progress");
  const ownerId = actor.role === "MANAGER" ? options.ownerId : actor.userId;
  const since = new Date(now.getTime() - CLOSED_DAYS * 86_400_000);
  const select = {
    id: true,
    name: true,
    email: true,
    company: true,
    stage: true,
    stageEnteredAt: true,
    opportunityAmount: true,
    expectedCloseDate: true,
    wonAmount: true,
    lostReason: true,
    ownerId: true,
  } as const;
  const column = (stage: PipelineStage, recent: boolean) =>
    db.lead.findMany({
      where: {
        workspaceId: actor.workspaceId,
        stage,
        erasedAt: null,
        ...(ownerId ? { ownerId } : {}),
        ...(recent ? { stageEnteredAt: { gte: since } } : {}),
      },
      select,
      orderBy: [{ stageEnteredAt: recent ? "desc" : "asc" }, { id: "asc" }],
      take: PER_COLUMN,
    });
  const [sql, opportunity, won, lost] = await Promise.all([
    column("SQL", false),
    column("OPPORTUNITY", false),
    column("CUSTOMER", true),
    column("LOST", true),
  ]);
  const amount = (v: { toNumber(): number } | null) => (v === null ? null : v.toNumber());
  const shape = (rows: typeof sql) =>
    rows.map((l) => ({ ...l, opportunityAmount: amount(l.opportunityAmount), wonAmount: amount(l.wonAmount) }));
  return {
    SQL: shape(sql),
    OPPORTUNITY: shape(opportunity),
    CUSTOMER: shape(won),
    LOST: shape(lost),
    closedDays: CLOSED_DAYS,
  };
}
