import { z } from "zod";
import { RejectReason } from "@/generated/prisma/enums";

export const ZHandoffId = z.string().min(1).max(64);

export const ZRejectInput = z
  .object({
    reason: z.enum(RejectReason, { message: "required" }),
    note: z.string().trim().max(1000, "tooLong").default(""),
  })
  .strict();

export const ZHandoffListQuery = z
  .object({
    status: z.enum(["open", "accepted", "rejected", "cancelled", "all"]).default("open"),
    /** `me` (default), `all`, or a user id. */
    assignee: z.string().min(1).max(64).default("me"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type HandoffListQuery = z.infer<typeof ZHandoffListQuery>;

/** The public JSON shape of a handoff. */
export function handoffDto(h: {
  id: string;
  leadId: string;
  status: string;
  assigneeId: string | null;
  handedOffAt: Date;
  assignedAt: Date;
  dueAt: Date;
  firstDueAt: Date;
  breachCount: number;
  reassignCount: number;
  answeredAt: Date | null;
  answeredById: string | null;
  rejectReason: string | null;
  note: string;
}) {
  return {
    id: h.id,
    leadId: h.leadId,
    status: h.status,
    assigneeId: h.assigneeId,
    handedOffAt: h.handedOffAt.toISOString(),
    assignedAt: h.assignedAt.toISOString(),
    dueAt: h.dueAt.toISOString(),
    firstDueAt: h.firstDueAt.toISOString(),
    breachCount: h.breachCount,
    reassignCount: h.reassignCount,
    answeredAt: h.answeredAt?.toISOString() ?? null,
    answeredById: h.answeredById,
    rejectReason: h.rejectReason,
    note: h.note,
  };
}
