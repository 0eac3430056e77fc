/**
 * The agreement rule of the shared glossary (pure, no I/O):
 * a revision is agreed once marketing (a marketer) AND sales (a sales rep)
 * stand behind it, or once a manager approved it.
 * - Proposing counts for the proposer's side: a marketer's proposal needs a
 *   sales rep's approval (or a manager's), and the other way round.
 * - Nobody approves their own revision; a manager's own proposal needs
 *   someone else, and admins administer the workspace, not its vocabulary.
 */
import type { Role } from "@/generated/prisma/enums";

export const APPROVER_ROLES: readonly Role[] = ["MARKETER", "SALES", "MANAGER"];

export type Side = "marketing" | "sales" | "manager";

export function sideOf(role: Role): Side | null {
  if (role === "MARKETER") return "marketing";
  if (role === "SALES") return "sales";
  if (role === "MANAGER") return "manager";
  return null;
}

export type AgreementInput = { authorRole: Role | null; approvals: readonly { role: Role }[] };

export function sidesOf(input: AgreementInput): Set<Side> {
  const sides = new Set<Side>();
  for (const approval of input.approvals) {
    const side = sideOf(approval.role);
    if (side) sides.add(side);
  }
  if (input.authorRole === "MARKETER") sides.add("marketing");
  if (input.authorRole === "SALES") sides.add("sales");
  return sides;
}

export function isAgreed(input: AgreementInput): boolean {
  const sides = sidesOf(input);
  return sides.has("manager") || (sides.has("marketing") && sides.has("sales"));
}

/** Which sides still have to approve (empty when agreed). */
export function missingSides(input: AgreementInput): ("marketing" | "sales")[] {
  if (isAgreed(input)) return [];
  const sides = sidesOf(input);
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
