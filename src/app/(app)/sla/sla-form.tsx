"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { minuteToHhmm } from "@/lib/business-time";
import type { ActionError } from "@/server/action";
import { updateSlaAction } from "@/server/handoffs/actions";
import type { SlaInput } from "@/server/handoffs/sla";

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const toMinute = (time: string, endOfDay = false) => {
  const [h, m] = time.split(":").map(Number);
  const minute = (h ?? 0) * 60 + (m ?? 0);
  return endOfDay && minute === 0 ? 1440 : minute;
};

/** The manager's form for a new SLA version. */
export function SlaForm({ initial, timeZones }: { initial: SlaInput; timeZones: string[] }) {
  const t = useTranslations("sla");
  const tDays = useTranslations("sla.days");
  const router = useRouter();
  const [form, setForm] = useState({
    ...initial,
    start: minuteToHhmm(initial.dayStartMinute),
    end: minuteToHhmm(initial.dayEndMinute),
    holidayText: initial.holidays.join("\n"),
  });
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const number = (key: "responseHours" | "mqlMonthlyTarget" | "maxReassignments" | "dueSoonMinutes", step = "1") => (
    <div>
      <label htmlFor={`sla-${key}`} className="label">
        {t(`fields.${key}`)}
      </label>
      <input
        id={`sla-${key}`}
        type="number"
        min={0}
        step={step}
        className="input w-32"
        value={form[key]}
        onChange={(e) => set(key, Number(e.target.value))}
        aria-describedby={`sla-${key}-error`}
      />
      <FieldError error={error} field={key} id={`sla-${key}-error`} />
    </div>
  );

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setSaved(null);
        const holidays = form.holidayText
          .split(/[\s,;]+/)
          .map((d) => d.trim())
          .filter(Boolean);
        startTransition(async () => {
          const result = await updateSlaAction({
            responseHours: form.responseHours,
            timeZone: form.timeZone,
            workingDays: form.workingDays,
            dayStartMinute: toMinute(form.start),
            dayEndMinute: toMinute(form.end, true),
            holidays,
            mqlMonthlyTarget: form.mqlMonthlyTarget,
            maxReassignments: form.maxReassignments,
            dueSoonMinutes: form.dueSoonMinutes,
            note: form.note,
          });
          if (result.ok) {
            setSaved(result.data.version);
            set("note", "");
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <div className="flex flex-wrap gap-4">
        {number("responseHours", "0.25")}
        {number("mqlMonthlyTarget")}
        {number("maxReassignments")}
        {number("dueSoonMinutes")}
      </div>
      <fieldset>
        <legend className="label">{t("fields.workingDays")}</legend>
        <div className="flex flex-wrap gap-3">
          {DAYS.map((day) => (
            <label key={day} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={form.workingDays.includes(day)}
                onChange={(e) =>
                  set(
                    "workingDays",
                    e.target.checked ? [...form.workingDays, day].sort() : form.workingDays.filter((d) => d !== day),
                  )
                }
              />
              {tDays(String(day))}
            </label>
          ))}
        </div>
        <FieldError error={error} field="workingDays" />
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="sla-start" className="label">
            {t("fields.dayStart")}
          </label>
          <input
            id="sla-start"
            type="time"
            className="input"
            value={form.start}
            onChange={(e) => set("start", e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="sla-end" className="label">
            {t("fields.dayEnd")}
          </label>
          <input
            id="sla-end"
            type="time"
            className="input"
            value={form.end}
            onChange={(e) => set("end", e.target.value)}
          />
          <FieldError error={error} field="dayEndMinute" />
        </div>
        <div>
          <label htmlFor="sla-tz" className="label">
            {t("fields.timeZone")}
          </label>
          <select id="sla-tz" className="input" value={form.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="sla-holidays" className="label">
          {t("fields.holidays")}
        </label>
        <textarea
          id="sla-holidays"
          className="input font-mono"
          rows={4}
          value={form.holidayText}
          onChange={(e) => set("holidayText", e.target.value)}
          aria-describedby="sla-holidays-hint"
        />
        <p id="sla-holidays-hint" className="text-xs text-slate-500">
          {t("fields.holidaysHint")}
        </p>
        {Object.keys(error?.fieldErrors ?? {}).some((k) => k.startsWith("holidays")) && (
          <p className="mt-1 text-sm text-red-700">{t("fields.holidaysInvalid")}</p>
        )}
      </div>
      <div>
        <label htmlFor="sla-note" className="label">
          {t("fields.note")}
        </label>
        <input id="sla-note" className="input" value={form.note} onChange={(e) => set("note", e.target.value)} />
      </div>
      <FormError error={error} />
      {saved !== null && (
        <p role="status" className="text-sm text-green-800">
          {t("saved", { version: saved })}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
