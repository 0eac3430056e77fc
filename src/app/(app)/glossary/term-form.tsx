"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { SearchableChecklist } from "@/components/searchable-checklist";
import type { ActionError } from "@/server/action";
import { proposeRevisionAction, proposeTermAction } from "@/server/glossary/actions";

type LangText = { name: string; synonyms: string; definition: string; example: string };
export type TermFormValues = { category: string; en: LangText; it: LangText; relatedTermIds: string[]; note: string };

const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function TermForm({
  termId,
  initial,
  categories,
  relatedOptions,
}: {
  termId?: string;
  initial: TermFormValues;
  categories: { value: string; label: string }[];
  relatedOptions: { id: string; name: string }[];
}) {
  const t = useTranslations("glossary");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  const setLang = (lang: "en" | "it", field: keyof LangText, value: string) =>
    setValues((v) => ({ ...v, [lang]: { ...v[lang], [field]: value } }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const content = {
      category: values.category,
      en: { ...values.en, synonyms: splitList(values.en.synonyms) },
      it: { ...values.it, synonyms: splitList(values.it.synonyms) },
      relatedTermIds: values.relatedTermIds,
      note: values.note,
    };
    setError(null);
    startTransition(async () => {
      const result = termId ? await proposeRevisionAction({ termId, content }) : await proposeTermAction(content);
      // On error every field keeps what the user typed.
      if (result.ok) router.push(`/glossary/${result.data.termId}`);
      else setError(result.error);
    });
  }

  const languageBlock = (lang: "en" | "it", legend: string) => (
    <fieldset className="card space-y-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div>
        <label htmlFor={`${lang}-name`} className="label">
          {t("name")}
        </label>
        <input
          id={`${lang}-name`}
          value={values[lang].name}
          onChange={(e) => setLang(lang, "name", e.target.value)}
          maxLength={200}
          className="input"
        />
        <FieldError error={error} field={`${lang}.name`} />
      </div>
      <div>
        <label htmlFor={`${lang}-synonyms`} className="label">
          {t("synonyms")}
        </label>
        <input
          id={`${lang}-synonyms`}
          value={values[lang].synonyms}
          onChange={(e) => setLang(lang, "synonyms", e.target.value)}
          aria-describedby={`${lang}-synonyms-hint`}
          className="input"
        />
        <p id={`${lang}-synonyms-hint`} className="mt-1 text-xs text-slate-500">
          {t("synonymsHint")}
        </p>
        <FieldError error={error} field={`${lang}.synonyms`} />
      </div>
      <div>
        <label htmlFor={`${lang}-definition`} className="label">
          {t("definition")}
        </label>
        <textarea
          id={`${lang}-definition`}
          value={values[lang].definition}
          onChange={(e) => setLang(lang, "definition", e.target.value)}
          rows={4}
          className="input"
        />
        <FieldError error={error} field={`${lang}.definition`} />
      </div>
      <div>
        <label htmlFor={`${lang}-example`} className="label">
          {t("example")}
        </label>
        <textarea
          id={`${lang}-example`}
          value={values[lang].example}
          onChange={(e) => setLang(lang, "example", e.target.value)}
          rows={2}
          className="input"
        />
        <FieldError error={error} field={`${lang}.example`} />
      </div>
    </fieldset>
  );

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="card grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="category" className="label">
            {t("category")}
          </label>
          <select
            id="category"
            value={values.category}
            onChange={(e) => setValues((v) => ({ ...v, category: e.target.value }))}
            className="input"
          >
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <SearchableChecklist
            label={t("related")}
            options={relatedOptions.map((o) => ({ value: o.id, label: o.name }))}
            value={values.relatedTermIds}
            onChange={(relatedTermIds) => setValues((v) => ({ ...v, relatedTermIds }))}
          />
          <FieldError error={error} field="relatedTermIds" />
        </div>
        <p className="text-sm text-slate-600 md:col-span-2">{t("languageHint")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {languageBlock("en", t("english"))}
        {languageBlock("it", t("italian"))}
      </div>
      <div className="card">
        <label htmlFor="note" className="label">
          {t("note")}
        </label>
        <input
          id="note"
          value={values.note}
          onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
          maxLength={600}
          className="input"
        />
        <FieldError error={error} field="note" />
      </div>
      <FormError error={error} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("submitting") : t("submitProposal")}
      </button>
    </form>
  );
}
