"use client";

import { lazy, Suspense } from "react";
import type { BusinessCalendar } from "@/lib/business-time";

// Loaded only where it is shown (the rep who may answer): every other reader's lead page ships none of it.
const Panel = lazy(() => import("./lead-answer-panel").then((m) => ({ default: m.LeadAnswerPanel })));

/** The open handoff's countdown and its accept/reject buttons, on the lead's own page. */
export function LeadAnswer(props: { handoffId: string; dueAt: string; calendar: BusinessCalendar }) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
