"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { FieldError, FormError, useFocusFirstFieldError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { logActivityAction } from "@/server/leads/actions";

type Option = { value: string; label: string };

/** "YYYY-MM-DDTHH:mm" of now in the browser's time, for a datetime-local field. */
function localNow() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Logs what happened with a lead (any event type of the workspace, a note,
 * when): the lead is re-scored at once and the form says how its score moved.
 */
export function LogActivity({ leadId, eventTypes }: { leadId: string; eventTypes: Option[] }) {
  const t = useTranslations("leads.activity");
  const format = useFormatter();
  const router = useRouter();
  const [type, setType] = useState(eventTypes[0]?.value ?? "");
  const [note, setNote] = useState("");
  const [at, setAt] = useState(localNow);
  const [error, setError] = useState<ActionError | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstFieldError(error, form);
  const id = useId();
  const points = (v: number) => format.number(v, { maximumFractionDigits: 1 });

  return (
    <form
      ref={form}
      className="space-y-3"
      data-testid="log-activity"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setResult(null);
        startTransition(async () => {
          // The browser's local time, sent with its offset: the server stores the instant.
          const occurredAt = at ? new Date(at).toISOString() : undefined;
          const response = await logActivityAction({ leadId, type, note, occurredAt });
          if (!response.ok) {
            setError(response.error);
            return;
          }
          const { scoreBefore, scoreAfter, becameMql } = response.data;
          const change = scoreAfter - scoreBefore;
          setResult(
            `${t("logged", {
              before: points(scoreBefore),
              after: points(scoreAfter),
              change: `${change >= 0 ? "+" : "−"}${points(Math.abs(change))}`,
            })}${becameMql ? ` ${t("becameMql")}` : ""}`,
          );
          setNote("");
          setAt(localNow());
          router.refresh();
        });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-type`} className="label">
            {t("type")}
          </label>
          <select id={`${id}-type`} className="input" value={type} onChange={(e) => setType(e.target.value)}>
            {eventTypes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError error={error} field="type" />
        </div>
        <div>
          <label htmlFor={`${id}-at`} className="label">
            {t("when")}
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            className="input"
            value={at}
            max={localNow()}
            onChange={(e) => setAt(e.target.value)}
          />
          <FieldError error={error} field="occurredAt" />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="label">
          {t("note")}
        </label>
        <textarea
          id={`${id}-note`}
          className="input"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <FieldError error={error} field="note" />
      </div>
      <button type="submit" className="btn-primary" disabled={pending || !type}>
        {t("submit")}
      </button>
      {result && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="activity-result">
          {result}
        </p>
      )}
      <FormError error={error && error.code !== "validation" ? error : null} />
    </form>
  );
}
