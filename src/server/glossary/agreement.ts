/**
 * The agreement rule of the shared glossary (pure, no I/O):
 * a revision is agreed once marketing (a marketer) AND sales (a sales rep)
 * approved it, or once a manager did. Nobody approves their own revision,
 * and admins administer the workspace, not its vocabulary.
 */
import type { Role } from "@/generated/prisma/enums";

export const APPROVER_ROLES: readonly Role[] = ["MARKETER", "SALES", "MANAGER"];

export type ApprovalSide = "marketing" | "sales" | "manager";

export function sideOf(role: Role): ApprovalSide | null {
  if (role === "MARKETER") return "marketing";
  if (role === "SALES") return "sales";
  if (role === "MANAGER") return "manager";
  return null;
}

export function isAgreed(approvals: readonly { role: Role }[]): boolean {
  const sides = new Set(approvals.map((a) => sideOf(a.role)));
  return sides.has("manager") || (sides.has("marketing") && sides.has("sales"));
}

/** Which sides still have to approve (empty when agreed). */
export function missingSides(approvals: readonly { role: Role }[]): ("marketing" | "sales")[] {
  if (isAgreed(approvals)) return [];
  const sides = new Set(approvals.map((a) => sideOf(a.role)));
  return (["marketing", "sales"] as const).filter((side) => !sides.has(side));
}

export type ApprovalRefusal = "ownRevision" | "alreadyApproved" | "notPending" | "roleCannotApprove";

export function approvalRefusal(input: {
  approverId: string;
  approverRole: Role;
  authorId: string | null;
  revisionStatus: string;
  approvals: readonly { userId: string }[];
}): ApprovalRefusal | null {
  if (input.revisionStatus !== "PENDING") return "notPending";
  if (!APPROVER_ROLES.includes(input.approverRole)) return "roleCannotApprove";
  if (input.authorId !== null && input.authorId === input.approverId) return "ownRevision";
  if (input.approvals.some((a) => a.userId === input.approverId)) return "alreadyApproved";
  return null;
}
