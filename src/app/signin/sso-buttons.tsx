"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signInWithProvider } from "@/lib/auth-client";

/** One button per identity provider of the installation ("Sign in with Okta"). */
export function SsoButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  const t = useTranslations("signIn");
  const [pending, setPending] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          className="btn-secondary w-full"
          disabled={pending !== null}
          onClick={() => {
            setPending(provider.id);
            void signInWithProvider(provider.id, callbackUrl).catch(() => setPending(null));
          }}
        >
          {pending === provider.id ? t("redirecting") : t("withProvider", { name: provider.name })}
        </button>
      ))}
      <p className="flex items-center gap-2 py-1 text-xs uppercase text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {t("or")}
        <span className="h-px flex-1 bg-slate-200" />
      </p>
    </div>
  );
}
