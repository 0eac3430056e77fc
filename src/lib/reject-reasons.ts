/**
 * Why sales returns an MQL, and where each reason sends the lead: back to
 * marketing (NURTURE) when the person may still buy later, out of the funnel
 * (DISQUALIFIED) when they never will. Shared by the server and the reject form.
 */
import type { RejectReason } from "@/generated/prisma/enums";

export const REJECT_REASONS = [
  "NOT_A_FIT",
  "NO_BUDGET",
  "BAD_CONTACT_DATA",
  "NOT_REACHABLE",
  "TIMING",
  "DUPLICATE",
  "ALREADY_CUSTOMER",
  "SPAM",
] as const satisfies readonly RejectReason[];

export const REJECT_DESTINATION: Record<RejectReason, "NURTURE" | "DISQUALIFIED"> = {
  NOT_A_FIT: "DISQUALIFIED",
  NO_BUDGET: "NURTURE",
  BAD_CONTACT_DATA: "DISQUALIFIED",
  NOT_REACHABLE: "NURTURE",
  TIMING: "NURTURE",
  DUPLICATE: "DISQUALIFIED",
  ALREADY_CUSTOMER: "DISQUALIFIED",
  SPAM: "DISQUALIFIED",
};
