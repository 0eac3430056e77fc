import "server-only";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { db } from "@/server/db";
import { approvalRefusal, missingSides, sideOf } from "@/server/glossary/agreement";

const LIMIT = 8;
const SOON_MS = 60 * 60_000;

/**
 * What waits for this person, on the overview: glossary changes their side
 * (or, for a manager, anyone) still has to approve; for who answers handoffs,
 * their open handoffs; for managers, the team's breached and at-risk
 * handoffs; for marketers, the leads sales returned this week.
 */
export async function waitingFor(actor: Actor, now = new Date()) {
  requirePermission(actor, "workspace.read");
  const manager = actor.role === "MANAGER";
  const side = sideOf(actor.role);
  const [pending, handoffs, returned] = await Promise.all([
    side
      ? db.termRevision.findMany({
          where: { workspaceId: actor.workspaceId, status: "PENDING" },
          select: {
            id: true,
            termId: true,
            nameEn: true,
            nameIt: true,
            authorId: true,
            authorRole: true,
            status: true,
            approvals: { select: { userId: true, role: true } },
          },
          orderBy: { createdAt: "asc" },
        })
      : [],
    can(actor.role, "handoffs.read") && (manager || can(actor.role, "handoffs.answer"))
      ? db.handoff.findMany({
          where: {
            workspaceId: actor.workspaceId,
            status: "OPEN",
            ...(manager ? { dueAt: { lte: new Date(now.getTime() + SOON_MS) } } : { assigneeId: actor.userId }),
          },
          select: {
            id: true,
            dueAt: true,
            firstDueAt: true,
            breachCount: true,
            lead: { select: { id: true, name: true, email: true } },
          },
          orderBy: { dueAt: "asc" },
          take: 50,
        })
      : [],
    actor.role === "MARKETER"
      ? db.handoff.count({
          where: {
            workspaceId: actor.workspaceId,
            status: "REJECTED",
            answeredAt: { gte: new Date(now.getTime() - 7 * 86_400_000) },
          },
        })
      : 0,
  ]);
  const toApprove = pending.filter(
    (r) =>
      approvalRefusal({
        approverId: actor.userId,
        approverRole: actor.role,
        authorId: r.authorId,
        revisionStatus: r.status,
        approvals: r.approvals,
      }) === null &&
      (manager || missingSides(r).includes(side as "marketing" | "sales")),
  );
  return {
    approvals: toApprove.slice(0, LIMIT),
    approvalsTotal: toApprove.length,
    handoffs: handoffs.slice(0, LIMIT).map((h) => ({ ...h, overdue: h.dueAt <= now, breached: h.firstDueAt <= now })),
    handoffsTotal: handoffs.length,
    returnedThisWeek: returned,
  };
}
