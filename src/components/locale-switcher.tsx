"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { LOCALES } from "@/i18n/locales";
import { setLocaleAction } from "@/server/account/actions";

export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();

  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {t("nav.language")}
      </label>
      <select
        id={id}
        data-testid="locale-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocaleAction({ locale: next });
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`locales.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
