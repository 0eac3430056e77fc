"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { sendTestAction } from "@/server/webhooks/actions";

type Outcome = { ok: boolean; status: number | null; durationMs: number; error: string | null };

/** Sends a test to the URL now and says, in words, what the receiver answered. */
export function TestButton({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => {
          setOutcome(null);
          setError(null);
          startTransition(async () => {
            const result = await sendTestAction({ endpointId });
            if (result.ok) setOutcome(result.data);
            else setError(result.error);
          });
        }}
      >
        {pending ? t("testing") : t("test")}
      </button>
      <p aria-live="polite" className="text-sm">
        {outcome?.ok && (
          <span className="text-green-800">{t("testOk", { status: outcome.status ?? 0, ms: outcome.durationMs })}</span>
        )}
        {outcome && !outcome.ok && (
          <span className="text-red-800">
            {t("testFailed", {
              error: t(`errors.${outcome.error ?? "connectionFailed"}` as "errors.httpError"),
              status: outcome.status === null ? "none" : String(outcome.status),
            })}
          </span>
        )}
      </p>
      <FormError error={error} />
    </div>
  );
}
