"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { openSuggestionAction } from "@/server/scoring/suggestions/actions";

/** Opens the suggestion as the draft (replacing any draft) and starts its backtest; then shows it on the rules page. */
export function OpenSuggestionButton({ days, suggestionKey }: { days: 30 | 90 | 180 | 365; suggestionKey: string }) {
  const t = useTranslations("suggestions");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-2 space-y-1">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("confirmOpen"))) return;
          setError(null);
          startTransition(async () => {
            const result = await openSuggestionAction({ days, key: suggestionKey });
            if (!result.ok) {
              setError(result.error);
              return;
            }
            // A full load: the rules editor starts again from the new draft (its form state is the old one). On the
            // rules page itself a new hash alone would not load the page again.
            if (window.location.pathname === "/rules") {
              window.location.hash = "backtest";
              window.location.reload();
            } else window.location.assign("/rules#backtest");
          });
        }}
      >
        {pending ? t("opening") : t("open")}
      </button>
      <FormError error={error} />
    </div>
  );
}
