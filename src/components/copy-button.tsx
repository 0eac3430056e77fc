"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Copies a value; `label` names what is copied (the invitation link by default). */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("invites");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn-secondary shrink-0"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? t("copied") : (label ?? t("copy"))}</span>
    </button>
  );
}
