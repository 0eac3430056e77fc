"use client";

import { useTranslations } from "next-intl";

/** Shown instead of any stack trace; the error itself is logged on the server. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="flex min-h-[50vh] items-center justify-center px-4">
      <div className="card max-w-md space-y-3" role="alert">
        <h1 className="text-xl font-semibold">{t("pageError")}</h1>
        <p className="text-sm text-slate-600">{t("pageErrorBody")}</p>
        <button type="button" className="btn-primary" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
