"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { eraseLeadAction } from "@/server/privacy/actions";

/** Erase in two steps (Erase → Confirm): it cannot be undone. */
export function EraseLeadButton({ leadId }: { leadId: string }) {
  const t = useTranslations("privacy");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
        {t("erase")}
      </button>
    );
  }
  return (
    <fieldset className="space-y-2 rounded-md border border-red-200 p-3">
      <legend className="sr-only">{t("erase")}</legend>
      <p className="text-sm">{t("eraseConfirm")}</p>
      <FormError error={error} />
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await eraseLeadAction({ leadId });
              if (result.ok) {
                setConfirming(false);
                router.refresh();
              } else setError(result.error);
            })
          }
        >
          {pending ? t("erasing") : t("eraseConfirmButton")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </fieldset>
  );
}
