"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { resetPasswordAction } from "@/server/auth/actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("passwordReset");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const password = String(data.get("password") ?? "");
        const confirm = String(data.get("confirm") ?? "");
        setError(null);
        startTransition(async () => {
          const result = await resetPasswordAction({ token, password, confirm });
          // Every session ended with the reset: sign in again, with the new password (and the second factor).
          if (result.ok) window.location.assign(`/signin?reset=1&email=${encodeURIComponent(email)}`);
          else setError(result.error);
        });
      }}
    >
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor="new-password" className="label">
          {t("newPassword")}
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
          aria-describedby="new-password-hint new-password-error"
          className="input"
        />
        <p id="new-password-hint" className="mt-1 text-xs text-slate-500">
          {t("passwordHint")}
        </p>
        <FieldError error={error} field="password" id="new-password-error" />
      </div>
      <div>
        <label htmlFor="confirm-password" className="label">
          {t("confirmPassword")}
        </label>
        <input
          id="confirm-password"
          name="confirm"
          type="password"
          required
          maxLength={200}
          autoComplete="new-password"
          aria-describedby="confirm-password-error"
          className="input"
        />
        <FieldError error={error} field="confirm" id="confirm-password-error" />
      </div>
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
