"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { FIELD_AUTOCOMPLETE, FIELD_INPUT_TYPE } from "@/lib/form-field-inputs";
import { validationMessage } from "@/lib/validation-message";
import type { FormDefinition } from "@/server/forms/schema";
import type { HostedFormState } from "./actions";

type Action = (state: HostedFormState, data: FormData) => Promise<HostedFormState>;
export type CountryOption = { code: string; name: string };

/**
 * A website form as visitors see it, in their language: on its hosted page
 * (`action` set) or as the editor's live preview (no action: nothing is sent).
 */
export function PublicForm({
  definition,
  locale,
  stamp,
  visitorId,
  countries,
  action,
}: {
  definition: FormDefinition;
  locale: "en" | "it";
  stamp: string;
  visitorId?: string;
  countries: CountryOption[];
  action?: Action;
}) {
  const t = useTranslations("publicForm");
  const tv = useTranslations("validation");
  const noop: Action = async (state) => state;
  const [state, submit, pending] = useActionState(action ?? noop, { status: "idle" });
  const pick = (text: { en: string; it: string }) => text[locale] || text.en || text.it;

  useEffect(() => {
    if (state.status === "sent" && definition.redirectUrl) window.location.assign(definition.redirectUrl);
  }, [state.status, definition.redirectUrl]);

  if (state.status === "sent") {
    return (
      <p role="status" className="rounded-md bg-green-50 p-4 text-green-900">
        {pick(definition.thankYou) || t("thanks")}
      </p>
    );
  }
  const errorOf = (name: string) => {
    const key = state.fieldErrors?.[name]?.[0];
    return key ? validationMessage(tv as never, key) : null;
  };

  // After a refused send React resets the form: its fields come back from what was sent.
  const sent = (name: string) => state.values?.[name] ?? "";
  const body = (
    <>
      {definition.fields.map((field) => {
        const name = field.kind === "lead" ? field.field : `q_${field.key}`;
        const id = `field-${name}`;
        const error = errorOf(name);
        const help = pick(field.help);
        const describedBy =
          [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
        const shared = {
          id,
          name,
          // The preview lives inside the editor's form: its fields must not hold the editor's submission back.
          required: action ? field.required : undefined,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          className: "input",
        };
        return (
          <div key={name}>
            <label htmlFor={id} className="label">
              {pick(field.label)}
              {field.required ? " *" : ""}
            </label>
            {field.kind === "lead" && field.field === "country" ? (
              <select {...shared} autoComplete="country" defaultValue={sent(name)}>
                <option value="">{t("choose")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            ) : field.kind === "question" && field.type === "select" ? (
              <select {...shared} defaultValue={sent(name)}>
                <option value="">{t("choose")}</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : field.kind === "question" && field.type === "textarea" ? (
              <textarea {...shared} rows={4} maxLength={2000} defaultValue={sent(name)} />
            ) : (
              <input
                {...shared}
                type={field.kind === "lead" ? (FIELD_INPUT_TYPE[field.field] ?? "text") : "text"}
                autoComplete={field.kind === "lead" ? FIELD_AUTOCOMPLETE[field.field] : undefined}
                maxLength={field.kind === "lead" && field.field === "email" ? 320 : 200}
                min={field.kind === "lead" && field.field === "companySize" ? 0 : undefined}
                defaultValue={sent(name)}
              />
            )}
            {help && (
              <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
                {help}
              </p>
            )}
            {error && (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {/* Honeypot: hidden from people and from assistive technology; bots fill every field they find. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">Website</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name="started" value={stamp} />
      {visitorId && <input type="hidden" name="vid" value={visitorId} />}
      {pick(definition.consent.text) && (
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="consent"
              className="mt-1"
              required={action ? definition.consent.required : undefined}
              defaultChecked={sent("consent") === "on"}
              aria-invalid={errorOf("consent") ? true : undefined}
              aria-describedby={errorOf("consent") ? "consent-error" : undefined}
            />
            <span>{pick(definition.consent.text)}</span>
          </label>
          {errorOf("consent") && (
            <p id="consent-error" className="mt-1 text-sm text-red-700">
              {errorOf("consent")}
            </p>
          )}
        </div>
      )}
      {(state.status === "closed" || state.status === "failed") && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(state.status)}
        </p>
      )}
      <button
        type={action ? "submit" : "button"}
        className="btn-primary w-full sm:w-auto"
        disabled={pending || !action}
      >
        {pending ? t("sending") : t("send")}
      </button>
    </>
  );
  // The editor's preview sits inside the editor's own form: a div there (forms cannot nest), nothing to send.
  return action ? (
    <form action={submit} className="space-y-4" noValidate>
      {body}
    </form>
  ) : (
    <div className="space-y-4">{body}</div>
  );
}
