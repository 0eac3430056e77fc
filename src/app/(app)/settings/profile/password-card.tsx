"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { changePasswordAction } from "@/server/auth/actions";

/** Settings → Profile: a new password; the other sessions end. */
export function PasswordCard() {
  const t = useTranslations("passwordChange");
  const { error, pending, run } = useAction();
  const [done, setDone] = useState<number | null>(null);
  return (
    <section className="card max-w-xl space-y-3" aria-labelledby="password-title">
      <div>
        <h2 id="password-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          setDone(null);
          run(
            () =>
              changePasswordAction({
                current: String(data.get("current") ?? ""),
                password: String(data.get("password") ?? ""),
                confirm: String(data.get("confirm") ?? ""),
              }),
            (result) => {
              form.reset();
              setDone(result.otherSessionsEnded);
            },
          );
        }}
      >
        {[
          { name: "current", label: t("current"), autoComplete: "current-password" },
          { name: "password", label: t("new"), autoComplete: "new-password", hint: t("hint") },
          { name: "confirm", label: t("confirm"), autoComplete: "new-password" },
        ].map((field) => (
          <div key={field.name} className="max-w-80">
            <label htmlFor={`password-${field.name}`} className="label">
              {field.label}
            </label>
            <input
              id={`password-${field.name}`}
              name={field.name}
              type="password"
              required
              maxLength={field.name === "current" ? 1000 : 200}
              autoComplete={field.autoComplete}
              className="input"
              aria-describedby={`password-${field.name}-error`}
            />
            {field.hint && <p className="mt-1 text-xs text-slate-500">{field.hint}</p>}
            <FieldError error={error} field={field.name} id={`password-${field.name}-error`} />
          </div>
        ))}
        <FormError error={error && error.code !== "validation" && error.code !== "wrongPassword" ? error : null} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={pending}>
            {t("submit")}
          </button>
          {done !== null && (
            <span role="status" className="text-sm text-green-800">
              {t("done", { count: done })}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
