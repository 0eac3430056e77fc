"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * An ordered list of rules (the first match wins, so order matters): each row
 * is the caller's fields plus move up/down and remove, with its error below.
 */
export function RuleList<T>({
  id,
  rules,
  onChange,
  renderFields,
  errorOf,
  blank,
}: {
  id: string;
  rules: T[];
  onChange: (rules: T[]) => void;
  renderFields: (rule: T, index: number, update: (rule: T) => void) => ReactNode;
  errorOf: (index: number) => string | null;
  blank: T;
}) {
  const t = useTranslations("tracking");
  const move = (from: number, to: number) => {
    const next = [...rules];
    const [moved] = next.splice(from, 1);
    if (moved !== undefined) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <div className="space-y-2">
      {rules.length === 0 && <p className="text-sm text-slate-600">{t("noRules")}</p>}
      <ol className="space-y-2">
        {rules.map((rule, index) => {
          const n = index + 1;
          const error = errorOf(index);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own; the index is their order.
            <li key={index} className="rounded-md border border-slate-200 p-2" aria-label={t("rule", { n })}>
              <div className="flex flex-col gap-2 md:flex-row md:items-end">
                <div className="grid flex-1 grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)]">
                  {renderFields(rule, index, (changed) => onChange(rules.map((r, i) => (i === index ? changed : r))))}
                </div>
                <div className="flex gap-1">
                  <button
                    type="button"
                    className="btn-secondary px-2"
                    disabled={index === 0}
                    aria-label={t("moveUp", { n })}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn-secondary px-2"
                    disabled={index === rules.length - 1}
                    aria-label={t("moveDown", { n })}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn-secondary px-2"
                    aria-label={t("remove", { n })}
                    onClick={() => onChange(rules.filter((_, i) => i !== index))}
                  >
                    ✕
                  </button>
                </div>
              </div>
              {error && (
                <p id={`${id}-${index}-error`} className="mt-1 text-sm text-red-700">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn-secondary" onClick={() => onChange([...rules, blank])}>
        {t("addRule")}
      </button>
    </div>
  );
}
