"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { addEventTypeAction } from "@/server/scoring/actions";

export function EventTypes({
  types,
  editable,
}: {
  types: { key: string; label: string; builtIn: boolean }[];
  editable: boolean;
}) {
  const t = useTranslations("rules");
  const router = useRouter();
  const [key, setKey] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="card space-y-3" aria-labelledby="event-types">
      <div>
        <h2 id="event-types" className="font-semibold">
          {t("eventTypes")}
        </h2>
        <p className="text-sm text-slate-600">{t("eventTypesHint")}</p>
      </div>
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="event-types">
        {types.map((type) => (
          <li key={type.key} className="rounded-full bg-slate-100 px-3 py-1">
            {type.label} <code className="text-xs text-slate-700">{type.key}</code>
            {type.builtIn && <span className="text-xs text-slate-700"> · {t("builtIn")}</span>}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            startTransition(async () => {
              const result = await addEventTypeAction({ key: key.trim().toUpperCase(), label });
              if (result.ok) {
                setKey("");
                setLabel("");
                router.refresh();
              } else setError(result.error);
            });
          }}
        >
          <div>
            <label htmlFor="event-key" className="label">
              {t("eventKey")}
            </label>
            <input
              id="event-key"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              maxLength={64}
              className="input font-mono"
            />
            <FieldError error={error} field="key" />
          </div>
          <div>
            <label htmlFor="event-label" className="label">
              {t("eventLabel")}
            </label>
            <input
              id="event-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={80}
              className="input"
            />
            <FieldError error={error} field="label" />
          </div>
          <button type="submit" className="btn-secondary" disabled={pending}>
            {t("addEventType")}
          </button>
          <FormError error={error && error.code !== "validation" ? error : null} />
        </form>
      )}
    </section>
  );
}
