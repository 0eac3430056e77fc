"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { signInWithCredentials } from "@/lib/auth-client";
import type { ActionError } from "@/server/action";
import { acceptInviteAction, acceptInviteAsNewUserAction } from "@/server/members/actions";

export function AcceptExistingUser({ token }: { token: string }) {
  const t = useTranslations("invite");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <FormError error={error} />
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInviteAction({ token });
            if (result.ok) window.location.assign("/");
            else setError(result.error);
          })
        }
      >
        {pending ? t("accepting") : t("accept")}
      </button>
    </div>
  );
}

export function AcceptNewUser({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const name = String(data.get("name") ?? "");
        const password = String(data.get("password") ?? "");
        setError(null);
        startTransition(async () => {
          const result = await acceptInviteAsNewUserAction({ token, name, password });
          if (!result.ok) {
            setError(result.error);
            return;
          }
          await signInWithCredentials(email, password);
          window.location.assign("/");
        });
      }}
    >
      <p className="font-medium">{t("createAccount")}</p>
      <div>
        <label htmlFor="invite-name" className="label">
          {t("name")}
        </label>
        <input id="invite-name" name="name" required maxLength={120} autoComplete="name" className="input" />
        <FieldError error={error} field="name" />
      </div>
      <div>
        <label htmlFor="invite-password" className="label">
          {t("password")}
        </label>
        <input
          id="invite-password"
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          aria-describedby="invite-password-hint"
          className="input"
        />
        <p id="invite-password-hint" className="mt-1 text-xs text-slate-500">
          {t("passwordHint")}
        </p>
        <FieldError error={error} field="password" />
      </div>
      <FormError error={error && error.code !== "validation" ? error : null} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </button>
    </form>
  );
}
