"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/copy-button";

/** A signing secret shown once, with the words for what to do with it. */
export function SecretNotice({ secret, title, body }: { secret: string; title: string; body: string }) {
  const t = useTranslations("webhooks");
  return (
    <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" role="status">
      <p className="font-medium">{title}</p>
      <p className="mb-2">{body}</p>
      <div className="flex gap-2">
        <input readOnly value={secret} data-testid="webhook-secret" aria-label={title} className="input font-mono" />
        <CopyButton value={secret} label={t("copySecret")} />
      </div>
    </div>
  );
}
