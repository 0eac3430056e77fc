"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form-error";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionError } from "@/server/action";
import type { Mapping } from "@/server/imports/mapping";

type Option = { value: string; label: string };

/** Which CSV column feeds which lead field, with the file's first rows as they will be read. */
export function ColumnMapping({
  fields,
  headers,
  rows,
  mapping,
  onChange,
  error,
}: {
  fields: Option[];
  headers: string[];
  rows: Record<string, string>[];
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  error: ActionError | null;
}) {
  const t = useTranslations("import");
  const mapped = fields.filter((f) => mapping[f.value as keyof Mapping]);
  return (
    <>
      <fieldset>
        <legend className="mb-2 font-semibold">{t("mapping")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {fields.map((field) => (
            <div key={field.value}>
              <label htmlFor={`map-${field.value}`} className="label">
                {field.label}
                {field.value === "email" && ` (${t("required")})`}
              </label>
              <select
                id={`map-${field.value}`}
                className="input"
                value={mapping[field.value as keyof Mapping] ?? ""}
                onChange={(e) => onChange({ ...mapping, [field.value]: e.target.value || undefined })}
              >
                <option value="">{t("notMapped")}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`mapping.${field.value}`} />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("preview")}</h3>
        <ScrollRegion label={t("preview")}>
          <table className="data-table" data-testid="import-preview">
            <thead>
              <tr>
                {mapped.map((f) => (
                  <th key={f.value} scope="col">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
                <tr key={index}>
                  {mapped.map((f) => (
                    <td key={f.value}>
                      <bdi>{row[mapping[f.value as keyof Mapping] as string]}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </>
  );
}
