"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/server/webhooks/events";

/** The events a URL subscribes to, as checkboxes with their names in the reader's language. */
export function EventChecklist({
  idPrefix,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  selected: WebhookEventType[];
  onChange: (next: WebhookEventType[]) => void;
  error: ActionError | null;
}) {
  const t = useTranslations("webhooks");
  return (
    <fieldset aria-describedby={`${idPrefix}-events-help`}>
      <legend className="label">{t("events")}</legend>
      <p id={`${idPrefix}-events-help`} className="mb-2 text-sm text-slate-600">
        {t("eventsHelp")}{" "}
        <button type="button" className="underline" onClick={() => onChange([...WEBHOOK_EVENT_TYPES])}>
          {t("all")}
        </button>
        {" · "}
        <button type="button" className="underline" onClick={() => onChange([])}>
          {t("none")}
        </button>
      </p>
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex min-h-6 items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={selected.includes(type)}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, type] : selected.filter((item) => item !== type))
              }
            />
            <span>
              {t(`eventNames.${type}`)} <code className="text-xs text-slate-500">{type}</code>
            </span>
          </label>
        ))}
      </div>
      <FieldError error={error} field="events" />
    </fieldset>
  );
}
