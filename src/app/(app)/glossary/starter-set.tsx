"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { approveStarterSetAction } from "@/server/glossary/actions";

/** Approves every open starter proposal for the member's side in one step (the card on the glossary page). */
export function ApproveStarterSet({ count, side }: { count: number; side: string }) {
  const t = useTranslations("glossary");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<{ approved: number; agreed: number } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await approveStarterSetAction({});
            if (result.ok) {
              setDone(result.data);
              router.refresh();
            } else setError(result.error);
          })
        }
      >
        {pending ? t("approving") : t("starterApproveAll", { count, side })}
      </button>
      {done && (
        <p className="text-sm text-green-800" role="status">
          {t("starterApproved", done)}
        </p>
      )}
      <FormError error={error} />
    </div>
  );
}
