"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type BusinessCalendar, businessMsBetween, clockState } from "@/lib/business-time";

/**
 * Time left to answer, in business time (the SLA's clock: it pauses outside
 * working hours, on weekends and holidays). Ticks every 30 seconds.
 */
export function SlaCountdown({ dueAt, calendar }: { dueAt: string; calendar: BusinessCalendar }) {
  const t = useTranslations("handoffs");
  const format = useFormatter();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const due = new Date(dueAt);
  const left = businessMsBetween(now, due, calendar);
  const minutes = Math.floor(Math.abs(left) / 60_000);
  const time = t("duration", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const state = clockState(now, calendar);
  const tone =
    left <= 0
      ? "text-red-800 bg-red-50"
      : left < 3_600_000
        ? "text-amber-900 bg-amber-50"
        : "text-slate-700 bg-slate-50";
  return (
    <p className={`rounded px-2 py-1 text-sm ${tone}`} data-testid="countdown" suppressHydrationWarning>
      <span className="font-semibold tabular-nums" suppressHydrationWarning>
        {left > 0 ? t("timeLeft", { time }) : t("overdueBy", { time })}
      </span>
      {!state.running && left > 0 && (
        <span className="block text-xs" suppressHydrationWarning>
          {t("clockPaused", {
            at: format.dateTime(state.resumesAt, {
              weekday: "short",
              hour: "2-digit",
              minute: "2-digit",
              timeZone: calendar.timeZone,
            }),
          })}
        </span>
      )}
      <span className="block text-xs text-slate-500">
        {t("dueAt", {
          at: format.dateTime(due, { dateStyle: "medium", timeStyle: "short", timeZone: calendar.timeZone }),
        })}
      </span>
    </p>
  );
}
