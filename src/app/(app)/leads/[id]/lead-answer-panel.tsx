"use client";

import type { BusinessCalendar } from "@/lib/business-time";
import { HandoffActions } from "../../handoffs/handoff-actions";
import { SlaCountdown } from "../../handoffs/sla-countdown";

export function LeadAnswerPanel({
  handoffId,
  dueAt,
  calendar,
}: {
  handoffId: string;
  dueAt: string;
  calendar: BusinessCalendar;
}) {
  return (
    <>
      <SlaCountdown dueAt={dueAt} calendar={calendar} />
      <HandoffActions handoffId={handoffId} returnTo="" stayOnPage />
    </>
  );
}
