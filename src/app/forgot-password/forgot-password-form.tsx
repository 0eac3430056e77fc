"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { requestPasswordResetAction } from "@/server/auth/actions";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [error, setError] = useState<ActionError | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (sentTo) {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("sent", { email: sentTo })}
      </p>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const email = String(new FormData(event.currentTarget).get("email") ?? "");
        setError(null);
        startTransition(async () => {
          const result = await requestPasswordResetAction({ email });
          if (result.ok) setSentTo(email.trim().toLowerCase());
          else setError(result.error);
        });
      }}
    >
      <div>
        <label htmlFor="reset-email" className="label">
          {t("email")}
        </label>
        <input
          id="reset-email"
          name="email"
          type="email"
          required
          maxLength={320}
          autoComplete="username"
          className="input"
          aria-describedby="reset-email-error"
        />
        <FieldError error={error} field="email" id="reset-email-error" />
      </div>
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
