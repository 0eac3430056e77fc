"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { redeliverAction } from "@/server/webhooks/actions";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const { error, pending, run } = useAction();
  const [queued, setQueued] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="btn-secondary py-1 whitespace-nowrap"
        disabled={pending || queued}
        onClick={() =>
          run(
            () => redeliverAction({ deliveryId }),
            () => setQueued(true),
          )
        }
      >
        {t("redeliver")}
      </button>
      <p aria-live="polite" className="text-xs text-green-800">
        {queued ? t("redelivered") : ""}
      </p>
      <FormError error={error} />
    </div>
  );
}
