"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useEffect } from "react";
import { validationMessage } from "@/lib/validation-message";
import type { ActionError } from "@/server/action";

/** Shows an action's error in the user's language; never raw server text. */
export function FormError({ error }: { error: ActionError | null | undefined }) {
  const t = useTranslations("errors");
  if (!error) return null;
  // A refusal with a known reason says exactly why (e.g. "you proposed this revision").
  const reason = error.params?.reason;
  const reasonKey = typeof reason === "string" ? `reasons.${reason}` : null;
  const message = reasonKey && t.has(reasonKey) ? t(reasonKey) : t(error.code, { seconds: 60, ...error.params });
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
      {error.requestId && <span className="mt-1 block text-xs">{t("reference", { id: error.requestId })}</span>}
    </p>
  );
}

/** The first message for one field, translated from the `validation.*` keys. */
export function FieldError({
  error,
  field,
  id,
}: {
  error: ActionError | null | undefined;
  field: string;
  id?: string;
}) {
  const t = useTranslations("validation");
  const key = error?.fieldErrors?.[field]?.[0];
  if (!key) return null;
  const message = validationMessage(t, key);
  return (
    <p id={id} className="mt-1 text-sm text-red-700" data-field-error={field}>
      {message}
    </p>
  );
}

/**
 * After a refused submission, takes the person to the first field that needs
 * attention: the field beside the first message is focused and scrolled into
 * view, so an error is never a page away from what it is about.
 */
export function useFocusFirstFieldError(error: ActionError | null | undefined, scope: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!error?.fieldErrors || !scope.current) return;
    const message = scope.current.querySelector("[data-field-error]");
    const field = message?.parentElement?.querySelector<HTMLElement>(
      "input:not([type=hidden]), select, textarea, button",
    );
    if (!field) return;
    field.focus({ preventScroll: true });
    field.scrollIntoView({ block: "center" });
  }, [error, scope]);
}
