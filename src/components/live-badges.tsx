"use client";

import { useTranslations } from "next-intl";
import { type LiveSummary, useLiveSummary } from "@/components/live-summary";

/** A count in the navigation that stays current without a reload. */
export function LiveBadge({
  initial,
  field,
  testId,
  tone = "brand",
}: {
  initial: LiveSummary;
  field: "open" | "unread";
  testId: string;
  tone?: "brand" | "muted";
}) {
  const t = useTranslations();
  const count = useLiveSummary(initial)[field];
  if (count <= 0) return null;
  return (
    <span
      className={`ml-2 rounded-full px-2 py-0.5 text-xs ${tone === "brand" ? "bg-brand-600 text-white" : "bg-slate-700 text-white"}`}
      data-testid={testId}
    >
      {count}
      <span className="sr-only">
        {" "}
        ({field === "open" ? t("handoffs.openCount", { count }) : t("notifications.unread", { count })})
      </span>
    </span>
  );
}
