"use client";

import { useTranslations } from "next-intl";
import type { FormField } from "@/server/forms/schema";

type Props = {
  field: FormField;
  index: number;
  count: number;
  onChange: (next: FormField) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  error: string | null;
};

/** One field of a form being edited: its labels and help in both languages, required, and for questions their answers. */
export function FieldRow({ field, index, count, onChange, onMove, onRemove, error }: Props) {
  const t = useTranslations("forms");
  const id = `field-${index}`;
  const title = field.kind === "lead" ? t(`leadFields.${field.field}`) : field.key || t("addQuestion");
  const isEmail = field.kind === "lead" && field.field === "email";
  const text = (key: "label" | "help", lang: "en" | "it", value: string) =>
    onChange({ ...field, [key]: { ...field[key], [lang]: value } });

  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid={`form-field-${index}`}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {title}
          {field.kind === "question" && <span className="ml-2 text-xs text-slate-500">{t(`types.${field.type}`)}</span>}
        </p>
        <div className="flex gap-1">
          <button
            type="button"
            className="btn-secondary px-2 py-1"
            disabled={index === 0}
            aria-label={t("moveUp", { field: title })}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn-secondary px-2 py-1"
            disabled={index === count - 1}
            aria-label={t("moveDown", { field: title })}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          {!isEmail && (
            <button
              type="button"
              className="btn-danger px-2 py-1"
              aria-label={t("remove", { field: title })}
              onClick={onRemove}
            >
              ✕
            </button>
          )}
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {(["en", "it"] as const).map((lang) => (
          <div key={`label-${lang}`}>
            <label htmlFor={`${id}-label-${lang}`} className="label">
              {t(lang === "en" ? "labelEn" : "labelIt")}
            </label>
            <input
              id={`${id}-label-${lang}`}
              className="input"
              maxLength={120}
              value={field.label[lang]}
              onChange={(e) => text("label", lang, e.target.value)}
            />
          </div>
        ))}
        {(["en", "it"] as const).map((lang) => (
          <div key={`help-${lang}`}>
            <label htmlFor={`${id}-help-${lang}`} className="label">
              {t(lang === "en" ? "helpEn" : "helpIt")}
            </label>
            <input
              id={`${id}-help-${lang}`}
              className="input"
              maxLength={300}
              value={field.help[lang]}
              onChange={(e) => text("help", lang, e.target.value)}
            />
          </div>
        ))}
        {field.kind === "question" && (
          <>
            <div>
              <label htmlFor={`${id}-key`} className="label">
                {t("questionKey")}
              </label>
              <input
                id={`${id}-key`}
                className="input font-mono"
                maxLength={40}
                value={field.key}
                onChange={(e) => onChange({ ...field, key: e.target.value.toLowerCase() })}
              />
            </div>
            <div>
              <label htmlFor={`${id}-type`} className="label">
                {t("questionType")}
              </label>
              <select
                id={`${id}-type`}
                className="input"
                value={field.type}
                onChange={(e) => onChange({ ...field, type: e.target.value as typeof field.type })}
              >
                {(["text", "textarea", "select"] as const).map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            {field.type === "select" && (
              <div className="md:col-span-2">
                <label htmlFor={`${id}-options`} className="label">
                  {t("options")}
                </label>
                <textarea
                  id={`${id}-options`}
                  className="input"
                  rows={3}
                  value={field.options.join("\n")}
                  onChange={(e) => onChange({ ...field, options: e.target.value.split("\n") })}
                />
              </div>
            )}
          </>
        )}
      </div>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={field.required}
          disabled={isEmail}
          onChange={(e) => onChange({ ...field, required: e.target.checked })}
        />
        {t("required")}
      </label>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </li>
  );
}
