"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { FieldError, FormError, useFocusFirstFieldError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { createPersonaAction, updatePersonaAction } from "@/server/personas/actions";

export type PersonaFormValues = {
  name: string;
  initials: string;
  color: string;
  title: string;
  seniority: string;
  industry: string;
  companySizeMin: string;
  companySizeMax: string;
  region: string;
  goals: string;
  pains: string;
  objections: string;
  buyingTriggers: string;
  preferredChannels: string[];
  fitIndustries: string;
  fitSizeMin: string;
  fitSizeMax: string;
  fitTitleKeywords: string;
  fitCountries: string;
};

const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const number = (value: string) => (value.trim() === "" ? null : Number(value));

export function PersonaForm({
  personaId,
  version,
  initial,
  channels,
}: {
  personaId?: string;
  version?: number;
  initial: PersonaFormValues;
  channels: { value: string; label: string }[];
}) {
  const t = useTranslations("personas");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstFieldError(error, formRef);
  const set = (field: keyof PersonaFormValues) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const fields = {
      ...values,
      companySizeMin: number(values.companySizeMin),
      companySizeMax: number(values.companySizeMax),
      fitSizeMin: number(values.fitSizeMin),
      fitSizeMax: number(values.fitSizeMax),
      fitIndustries: list(values.fitIndustries),
      fitTitleKeywords: list(values.fitTitleKeywords),
      fitCountries: list(values.fitCountries),
    };
    setError(null);
    startTransition(async () => {
      const result =
        personaId && version
          ? await updatePersonaAction({ personaId, version, fields })
          : await createPersonaAction({ fields });
      // On any error — a conflict included — the form keeps everything the user typed.
      if (result.ok) router.push(`/personas/${result.data.id}`);
      else setError(result.error);
    });
  }

  const input = (
    field: keyof PersonaFormValues,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div>
      <label htmlFor={`p-${field}`} className="label">
        {label}
      </label>
      <input id={`p-${field}`} value={values[field] as string} onChange={set(field)} className="input" {...props} />
      <FieldError error={error} field={`fields.${field}`} />
    </div>
  );
  const area = (field: keyof PersonaFormValues, label: string) => (
    <div>
      <label htmlFor={`p-${field}`} className="label">
        {label}
      </label>
      <textarea id={`p-${field}`} value={values[field] as string} onChange={set(field)} rows={3} className="input" />
      <FieldError error={error} field={`fields.${field}`} />
    </div>
  );

  const conflict = error?.code === "conflict";

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate>
      <div className="card grid gap-4 md:grid-cols-3">
        {input("name", t("name"), { required: true, maxLength: 120 })}
        {input("initials", t("initials"), { maxLength: 3, "aria-describedby": "initials-hint" })}
        <div>
          <label htmlFor="p-color" className="label">
            {t("color")}
          </label>
          <input id="p-color" type="color" value={values.color} onChange={set("color")} className="h-10 w-20" />
        </div>
        <p id="initials-hint" className="text-xs text-slate-500 md:col-span-3">
          {t("initialsHint")}
        </p>
        {input("title", t("jobTitle"))}
        {input("seniority", t("seniority"))}
        {input("industry", t("industry"))}
        <fieldset className="md:col-span-2">
          <legend className="label">{t("companySize")}</legend>
          <div className="grid grid-cols-2 gap-3">
            {input("companySizeMin", t("min"), { type: "number", min: 0, inputMode: "numeric" })}
            {input("companySizeMax", t("max"), { type: "number", min: 0, inputMode: "numeric" })}
          </div>
        </fieldset>
        {input("region", t("region"))}
      </div>
      <div className="card grid gap-4 md:grid-cols-2">
        {area("goals", t("goals"))}
        {area("pains", t("pains"))}
        {area("objections", t("objections"))}
        {area("buyingTriggers", t("buyingTriggers"))}
        <fieldset className="md:col-span-2">
          <legend className="label">{t("preferredChannels")}</legend>
          <div className="flex flex-wrap gap-3">
            {channels.map((c) => (
              <label key={c.value} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={values.preferredChannels.includes(c.value)}
                  onChange={(event) =>
                    setValues((v) => ({
                      ...v,
                      preferredChannels: event.target.checked
                        ? [...v.preferredChannels, c.value]
                        : v.preferredChannels.filter((x) => x !== c.value),
                    }))
                  }
                />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <fieldset className="card grid gap-4 md:grid-cols-2">
        <legend className="px-1 font-semibold">{t("fit")}</legend>
        <p className="text-sm text-slate-600 md:col-span-2">
          {t("fitHint")} {t("listHint")}
        </p>
        {input("fitIndustries", t("fitIndustries"))}
        {input("fitTitleKeywords", t("fitTitleKeywords"))}
        {input("fitCountries", t("fitCountries"))}
        <fieldset>
          <legend className="label">{t("fitSize")}</legend>
          <div className="grid grid-cols-2 gap-3">
            {input("fitSizeMin", t("min"), { type: "number", min: 0, inputMode: "numeric" })}
            {input("fitSizeMax", t("max"), { type: "number", min: 0, inputMode: "numeric" })}
          </div>
        </fieldset>
      </fieldset>
      {conflict ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("conflict", { editor: String(error.params?.editor || "?"), version: String(error.params?.version ?? "") })}
        </p>
      ) : (
        <FormError error={error} />
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
