"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signInWithCredentials } from "@/lib/auth-client";

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      const code = result?.error ?? "";
      if (code.startsWith("rateLimited:")) {
        const seconds = Number(code.split(":")[1]) || 60;
        setError(t("rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else if (code === "invalidCredentials" || code === "CredentialsSignin") {
        setError(t("invalidCredentials"));
      } else {
        setError(t("unexpected"));
      }
    } catch {
      setError(t("unexpected"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <div>
        <label htmlFor="email" className="label">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={defaultEmail}
          className="input"
        />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="input"
        />
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
