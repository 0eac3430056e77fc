"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { approveStarterSetAction } from "@/server/glossary/actions";

/** Approves every open starter proposal for the member's side in one step (the card on the glossary page). */
export function ApproveStarterSet({ count, side }: { count: number; side: string }) {
  const t = useTranslations("glossary");
  const { error, pending, run } = useAction();
  const [done, setDone] = useState<{ approved: number; agreed: number } | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await approveStarterSetAction({});
            if (result.ok) setDone(result.data);
            return result;
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
