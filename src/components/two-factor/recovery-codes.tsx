"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/copy-button";

/** The ten recovery codes, shown once: to copy, download or print before leaving the page. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor");
  const text = codes.join("\n");
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
      <p className="text-sm font-medium text-amber-950">{t("codesTitle")}</p>
      <p className="text-sm text-amber-950">{t("codesHint")}</p>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={text} label={t("copyCodes")} />
        <a
          className="btn-secondary"
          download="smarketing-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${text}\n`)}`}
        >
          {t("download")}
        </a>
      </div>
    </div>
  );
}
