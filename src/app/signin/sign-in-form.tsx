"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { signInWithCredentials } from "@/lib/auth-client";
import { SsoButtons } from "./sso-buttons";

/**
 * E-mail and password; for an account with two-factor sign-in, a second step asks for the code from the
 * authenticator app (or a recovery code). The password stays in this component's memory between the two
 * steps only, and is sent again with the code: the server keeps no half-signed-in state.
 */
export function SignInForm({
  callbackUrl,
  defaultEmail,
  providers = [],
}: {
  callbackUrl: string;
  defaultEmail?: string;
  /** The installation's identity providers: their buttons come first (not on the code step). */
  providers?: { id: string; name: string }[];
}) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (credentials) codeInput.current?.focus();
  }, [credentials]);

  async function attempt(email: string, password: string, code: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(email, password, code);
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      const failure = result?.error ?? "";
      if (failure === "secondFactorRequired") setCredentials({ email, password });
      else if (failure.startsWith("rateLimited:")) {
        const seconds = Number(failure.split(":")[1]) || 60;
        setError(t("rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else if (failure === "invalidCode") setError(useRecovery ? t("invalidRecoveryCode") : t("invalidCode"));
      else if (failure === "ssoRequired") setError(t("ssoRequired"));
      else if (failure === "invalidCredentials" || failure === "CredentialsSignin") {
        setCredentials(null);
        setError(t("invalidCredentials"));
      } else setError(t("unexpected"));
    } catch {
      setError(t("unexpected"));
    }
    setPending(false);
  }

  const alert = error && (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error}
    </p>
  );

  if (credentials) {
    return (
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const code = String(new FormData(event.currentTarget).get("code") ?? "");
          void attempt(credentials.email, credentials.password, code);
        }}
      >
        <p className="text-sm text-slate-700">{useRecovery ? t("recoveryIntro") : t("codeIntro")}</p>
        <div>
          <label htmlFor="code" className="label">
            {useRecovery ? t("recoveryCode") : t("code")}
          </label>
          <input
            key={useRecovery ? "recovery" : "totp"}
            ref={codeInput}
            id="code"
            name="code"
            required
            autoComplete="one-time-code"
            inputMode={useRecovery ? "text" : "numeric"}
            pattern={useRecovery ? undefined : "[0-9 ]{6,7}"}
            maxLength={useRecovery ? 20 : 7}
            spellCheck={false}
            className="input font-mono tracking-widest"
          />
        </div>
        {alert}
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? t("submitting") : t("verify")}
        </button>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setError(null);
              // The field is a new one (other label and keyboard): keep the cursor in it.
              setTimeout(() => codeInput.current?.focus(), 0);
            }}
          >
            {useRecovery ? t("useApp") : t("useRecovery")}
          </button>
          <button
            type="button"
            className="text-slate-600 underline"
            onClick={() => {
              setCredentials(null);
              setError(null);
            }}
          >
            {t("back")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <>
      <SsoButtons providers={providers} callbackUrl={callbackUrl} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void attempt(String(form.get("email") ?? ""), String(form.get("password") ?? ""), "");
        }}
        className="space-y-4"
      >
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
          {/* After the field, so Tab goes from the e-mail straight to the password. */}
          <p className="mt-1 text-right text-sm">
            <a href="/forgot-password" className="text-brand-700 underline">
              {t("forgot")}
            </a>
          </p>
        </div>
        {alert}
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </>
  );
}
