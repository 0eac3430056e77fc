"use client";

import { useTranslations } from "next-intl";

/** A card of rules: title, hint, the rule rows, and the button that adds one. */
export function RuleSection({
  id,
  title,
  hint,
  addLabel,
  onAdd,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  addLabel: string;
  onAdd: () => void;
  children: React.ReactNode;
}) {
  return (
    <section className="card space-y-3" aria-labelledby={id}>
      <div>
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{hint}</p>
      </div>
      {children}
      <button type="button" className="btn-secondary" onClick={onAdd}>
        {addLabel}
      </button>
    </section>
  );
}

/** One rule: its name, the fields of its kind (children), and its remove button. */
export function RuleRow({
  id,
  testId,
  legend,
  label,
  onLabel,
  onRemove,
  errors = [],
  children,
}: {
  id: string;
  testId: string;
  legend: string;
  label: string;
  onLabel: (label: string) => void;
  onRemove: () => void;
  /** What the server refused in this rule, already in the reader's words. */
  errors?: string[];
  children: React.ReactNode;
}) {
  const t = useTranslations("rules");
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-3" data-testid={testId}>
      <legend className="sr-only">{legend}</legend>
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-label`} className="label">
          {t("label")}
        </label>
        <input id={`${id}-label`} className="input" value={label} onChange={(e) => onLabel(e.target.value)} />
      </div>
      {children}
      <button type="button" className="btn-danger" onClick={onRemove}>
        {t("remove")}
      </button>
      {errors.length > 0 && (
        <ul className="w-full text-sm text-red-700" data-field-error={id}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
