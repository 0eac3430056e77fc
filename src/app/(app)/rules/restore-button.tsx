"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { restoreDraftAction } from "@/server/scoring/actions";

export function RestoreButton({ version }: { version: number }) {
  const t = useTranslations("rules");
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-secondary py-1"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await restoreDraftAction({ version });
          // A full reload: the editor starts over from the restored draft.
          window.location.reload();
        })
      }
    >
      {t("restore")}
    </button>
  );
}
