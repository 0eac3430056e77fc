"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { type CountryOption, PublicForm } from "@/app/f/[id]/public-form";
import { FormError } from "@/components/form-error";
import { SaveRow } from "@/components/save-row";
import { useAction } from "@/components/use-action";
import { Channel } from "@/generated/prisma/enums";
import { validationMessage } from "@/lib/validation-message";
import { saveFormAction } from "@/server/forms/actions";
import {
  DEFAULT_FIELD_LABELS,
  FORM_LEAD_FIELDS,
  type FormDefinition,
  type FormField,
  type FormLeadField,
} from "@/server/forms/schema";
import { FieldRow } from "./field-row";

const blank = { en: "", it: "" };

/** Builds or edits a form: fields, consent, what happens after sending, scoring event, origins; a live preview beside. */
export function FormEditor({
  formId,
  initial,
  consentVersion,
  eventTypes,
  countries,
}: {
  formId?: string;
  initial: { name: string; definition: FormDefinition };
  consentVersion: number;
  eventTypes: { value: string; label: string }[];
  countries: CountryOption[];
}) {
  const t = useTranslations("forms");
  const tc = useTranslations("channels");
  const tv = useTranslations("validation");
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [name, setName] = useState(initial.name);
  const [form, setForm] = useState<FormDefinition>(initial.definition);
  const [origins, setOrigins] = useState(initial.definition.allowedOrigins.join("\n"));
  const [previewLocale, setPreviewLocale] = useState<"en" | "it">(useLocale() === "it" ? "it" : "en");
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof FormDefinition>(key: K, value: FormDefinition[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const messageFor = (key: string) => {
    const code = error?.fieldErrors?.[key]?.[0];
    return code ? validationMessage(tv as never, code) : null;
  };
  const fieldMessage = (index: number) => {
    const key = Object.keys(error?.fieldErrors ?? {}).find((k) => k.startsWith(`definition.fields.${index}`));
    return key ? messageFor(key) : null;
  };
  const used = new Set(form.fields.flatMap((f) => (f.kind === "lead" ? [f.field] : [])));
  const definition: FormDefinition = {
    ...form,
    fields: form.fields.map((f) =>
      f.kind === "question" ? { ...f, options: f.options.map((o) => o.trim()).filter(Boolean) } : f,
    ),
    allowedOrigins: origins
      .split("\n")
      .map((o) => o.trim())
      .filter(Boolean),
  };
  const setFields = (fields: FormField[]) => set("fields", fields);
  const textInput = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    max: number,
    errorKey?: string,
  ) => (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} className="input" maxLength={max} value={value} onChange={(e) => onChange(e.target.value)} />
      {errorKey && messageFor(errorKey) && <p className="mt-1 text-sm text-red-700">{messageFor(errorKey)}</p>}
    </div>
  );

  return (
    <form
      noValidate
      className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => saveFormAction({ formId, name, definition }),
          (data) => {
            setSaved(true);
            if (!formId) router.push(`/forms/${data.id}`);
          },
        );
      }}
    >
      <div className="space-y-6">
        <section className="card space-y-3">
          {textInput(
            "form-name",
            t("name"),
            name,
            (v) => {
              setSaved(false);
              setName(v);
            },
            120,
            "name",
          )}
        </section>

        <section className="card space-y-3" aria-labelledby="fields-title">
          <h2 id="fields-title" className="text-lg font-semibold">
            {t("fieldsTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("fieldsHint")}</p>
          {messageFor("definition.fields") && <p className="text-sm text-red-700">{messageFor("definition.fields")}</p>}
          <ol className="space-y-3">
            {form.fields.map((field, index) => (
              <FieldRow
                key={field.kind === "lead" ? field.field : `q-${index}`}
                field={field}
                index={index}
                count={form.fields.length}
                error={fieldMessage(index)}
                onChange={(next) => setFields(form.fields.map((f, i) => (i === index ? next : f)))}
                onRemove={() => setFields(form.fields.filter((_, i) => i !== index))}
                onMove={(delta) => {
                  const next = [...form.fields];
                  const [moved] = next.splice(index, 1);
                  if (moved) next.splice(index + delta, 0, moved);
                  setFields(next);
                }}
              />
            ))}
          </ol>
          <div className="max-w-sm">
            <label htmlFor="add-field" className="label">
              {t("addField")}
            </label>
            <select
              id="add-field"
              className="input"
              value=""
              onChange={(e) => {
                const value = e.target.value;
                if (!value) return;
                const field: FormField =
                  value === "question"
                    ? {
                        kind: "question",
                        key: `question_${form.fields.length + 1}`,
                        type: "text",
                        options: [],
                        required: false,
                        label: { ...blank },
                        help: { ...blank },
                      }
                    : {
                        kind: "lead",
                        field: value as FormLeadField,
                        required: false,
                        label: { ...DEFAULT_FIELD_LABELS[value as FormLeadField] },
                        help: { ...blank },
                      };
                setFields([...form.fields, field]);
              }}
            >
              <option value="">—</option>
              {FORM_LEAD_FIELDS.filter((f) => !used.has(f)).map((f) => (
                <option key={f} value={f}>
                  {t(`leadFields.${f}`)}
                </option>
              ))}
              <option value="question">{t("addQuestion")}</option>
            </select>
          </div>
        </section>

        <section className="card space-y-3" aria-labelledby="consent-title">
          <h2 id="consent-title" className="text-lg font-semibold">
            {t("consentTitle")}
          </h2>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.consent.required}
              onChange={(e) => set("consent", { ...form.consent, required: e.target.checked })}
            />
            {t("consentRequired")}
          </label>
          {(["en", "it"] as const).map((lang) => (
            <div key={lang}>
              <label htmlFor={`consent-${lang}`} className="label">
                {t(lang === "en" ? "consentEn" : "consentIt")}
              </label>
              <textarea
                id={`consent-${lang}`}
                className="input"
                rows={3}
                maxLength={1000}
                value={form.consent.text[lang]}
                onChange={(e) =>
                  set("consent", { ...form.consent, text: { ...form.consent.text, [lang]: e.target.value } })
                }
              />
            </div>
          ))}
          {messageFor("definition.consent.text") && (
            <p className="text-sm text-red-700">{messageFor("definition.consent.text")}</p>
          )}
          <p className="text-xs text-slate-600">
            {t("consentHint")}
            {formId
              ? ` ${t("consentVersion", { version: consentVersion })} · ${t("consentNext", { next: consentVersion + 1 })}`
              : ""}
          </p>
        </section>

        <section className="card space-y-3" aria-labelledby="after-title">
          <h2 id="after-title" className="text-lg font-semibold">
            {t("afterTitle")}
          </h2>
          {textInput(
            "thanks-en",
            t("thankYouEn"),
            form.thankYou.en,
            (v) => set("thankYou", { ...form.thankYou, en: v }),
            500,
          )}
          {textInput(
            "thanks-it",
            t("thankYouIt"),
            form.thankYou.it,
            (v) => set("thankYou", { ...form.thankYou, it: v }),
            500,
          )}
          {textInput(
            "redirect",
            t("redirectUrl"),
            form.redirectUrl,
            (v) => set("redirectUrl", v),
            2000,
            "definition.redirectUrl",
          )}
        </section>

        <section className="card grid gap-3 md:grid-cols-2" aria-labelledby="scoring-title">
          <h2 id="scoring-title" className="text-lg font-semibold md:col-span-2">
            {t("scoringTitle")}
          </h2>
          <div>
            <label htmlFor="event-type" className="label">
              {t("eventType")}
            </label>
            <select
              id="event-type"
              className="input"
              aria-describedby="event-hint"
              value={form.eventType}
              onChange={(e) => set("eventType", e.target.value)}
            >
              {eventTypes.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </select>
            <p id="event-hint" className="mt-1 text-xs text-slate-600">
              {t("eventHint")}
            </p>
          </div>
          <div>
            <label htmlFor="channel" className="label">
              {t("channel")}
            </label>
            <select
              id="channel"
              className="input"
              value={form.channel}
              onChange={(e) => set("channel", e.target.value as FormDefinition["channel"])}
            >
              {Object.values(Channel).map((c) => (
                <option key={c} value={c}>
                  {tc(c)}
                </option>
              ))}
            </select>
          </div>
          {textInput("campaign", t("campaign"), form.campaign, (v) => set("campaign", v), 200, "definition.campaign")}
        </section>

        <section className="card space-y-2" aria-labelledby="origins-title">
          <h2 id="origins-title" className="text-lg font-semibold">
            {t("originsTitle")}
          </h2>
          <label htmlFor="origins" className="label">
            {t("origins")}
          </label>
          <textarea
            id="origins"
            className="input font-mono"
            rows={3}
            aria-describedby="origins-hint"
            value={origins}
            onChange={(e) => {
              setSaved(false);
              setOrigins(e.target.value);
            }}
          />
          <p id="origins-hint" className="text-xs text-slate-600">
            {t("originsHint")}
          </p>
          {Object.keys(error?.fieldErrors ?? {}).some((k) => k.startsWith("definition.allowedOrigins")) && (
            <p className="text-sm text-red-700">{tv("origin")}</p>
          )}
        </section>

        <FormError error={error && error.code !== "validation" ? error : null} />
        <SaveRow pending={pending} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
      </div>

      <aside className="space-y-3 xl:sticky xl:top-4 xl:self-start" aria-labelledby="preview-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t("preview")}
          </h2>
          <label className="flex items-center gap-2 text-sm">
            <span>{t("previewLanguage")}</span>
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              value={previewLocale}
              onChange={(e) => setPreviewLocale(e.target.value as "en" | "it")}
            >
              <option value="en">English</option>
              <option value="it">Italiano</option>
            </select>
          </label>
        </div>
        <p className="text-xs text-slate-600">{t("previewHint")}</p>
        <div className="card" lang={previewLocale}>
          <p className="mb-4 text-xl font-semibold">{name}</p>
          <PublicForm
            key={previewLocale}
            definition={definition}
            locale={previewLocale}
            stamp=""
            countries={countries}
          />
        </div>
      </aside>
    </form>
  );
}
