"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * Picks several items from a long list: a search box narrows the list, each
 * item is a native checkbox (keyboard and screen readers need nothing more),
 * and the chosen ones stay listed above as removable chips, whatever the
 * search shows. Replaces a Ctrl-click multiple <select>.
 */
export function SearchableChecklist({
  label,
  options,
  value,
  onChange,
  describedBy,
}: {
  label: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  describedBy?: string;
}) {
  const t = useTranslations("checklist");
  const [query, setQuery] = useState("");
  const id = useId();
  const chosen = new Set(value);
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLocaleLowerCase().includes(needle)) : options;
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  const labelOf = new Map(options.map((o) => [o.value, o.label]));

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="label">{label}</legend>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={t("chosen", { count: value.length })}>
          {value.map((v) => (
            <li key={v}>
              <button
                type="button"
                className="inline-flex min-h-6 items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-sm text-brand-900 hover:bg-brand-100"
                onClick={() => toggle(v, false)}
                aria-label={t("remove", { item: labelOf.get(v) ?? v })}
              >
                <bdi>{labelOf.get(v) ?? v}</bdi>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-q`} className="sr-only">
        {t("search", { label })}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="input"
        placeholder={t("placeholder")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="max-h-48 space-y-0.5 overflow-y-auto rounded-md border border-slate-200 p-1">
        {shown.length === 0 && <p className="px-2 py-1 text-sm text-slate-600">{t("none")}</p>}
        {shown.map((o) => (
          <label key={o.value} className="flex min-h-8 items-center gap-2 rounded px-2 text-sm hover:bg-slate-50">
            <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <bdi>{o.label}</bdi>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
