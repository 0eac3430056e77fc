"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { markNotificationsReadAction } from "@/server/notifications/actions";

export function MarkAllRead() {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationsReadAction({});
          router.refresh();
        })
      }
    >
      {t("markAllRead")}
    </button>
  );
}
