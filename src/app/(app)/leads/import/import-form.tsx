"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Papa from "papaparse";
import { useState } from "react";
import { ConsentFields } from "@/components/consent-fields";
import { FieldError, FormError } from "@/components/form-error";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionError } from "@/server/action";
import { guessMapping, type Mapping } from "@/server/imports/mapping";

type Parsed = { file: File; headers: string[]; rows: Record<string, string>[]; total: number };

export function ImportForm({ fields }: { fields: { value: string; label: string }[] }) {
  const t = useTranslations("import");
  const router = useRouter();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<ActionError | null>(null);
  const [uploading, setUploading] = useState(false);

  async function choose(file: File | undefined) {
    setError(null);
    setParsed(null);
    if (!file) return;
    const text = await file.text();
    const result = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim(),
    });
    const headers = result.meta.fields ?? [];
    setParsed({ file, headers, rows: result.data.slice(0, 5), total: result.data.length });
    setMapping(guessMapping(headers));
  }

  async function upload(form: FormData) {
    if (!parsed) return;
    setUploading(true);
    setError(null);
    const body = new FormData();
    body.set("file", parsed.file);
    body.set("mapping", JSON.stringify(mapping));
    for (const key of ["legalBasis", "consentSource"]) body.set(key, String(form.get(key) ?? ""));
    try {
      const response = await fetch("/leads/import/upload", { method: "POST", body });
      const data = (await response.json()) as { id?: string; error?: ActionError };
      if (response.ok && data.id) router.push(`/leads/import/${data.id}`);
      else setError(data.error ?? { code: "unexpected" });
    } catch {
      setError({ code: "unexpected" });
    }
    setUploading(false);
  }

  return (
    <section className="card space-y-4" aria-labelledby="upload">
      <h2 id="upload" className="font-semibold">
        {t("file")}
      </h2>
      <div>
        <label htmlFor="csv-file" className="label">
          {t("file")}
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-hint"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p id="csv-hint" className="mt-1 text-xs text-slate-500">
          {t("fileHint")}
        </p>
        <FieldError error={error} field="file" />
      </div>
      {parsed && (
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void upload(new FormData(event.currentTarget));
          }}
        >
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
                    onChange={(e) => setMapping((m) => ({ ...m, [field.value]: e.target.value || undefined }))}
                  >
                    <option value="">{t("notMapped")}</option>
                    {parsed.headers.map((h) => (
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
          <div className="overflow-x-auto">
            <h3 className="mb-1 text-sm font-semibold">{t("preview")}</h3>
            <ScrollRegion label={t("preview")}>
              <table className="data-table" data-testid="import-preview">
                <thead>
                  <tr>
                    {fields
                      .filter((f) => mapping[f.value as keyof Mapping])
                      .map((f) => (
                        <th key={f.value} scope="col">
                          {f.label}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {parsed.rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
                    <tr key={index}>
                      {fields
                        .filter((f) => mapping[f.value as keyof Mapping])
                        .map((f) => (
                          <td key={f.value}>{row[mapping[f.value as keyof Mapping] as string]}</td>
                        ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
          <ConsentFields idPrefix="import" error={error} />
          <FormError error={error && error.code !== "validation" ? error : null} />
          <button type="submit" className="btn-primary" disabled={uploading || !mapping.email}>
            {uploading ? t("uploading") : t("start", { count: parsed.total })}
          </button>
        </form>
      )}
    </section>
  );
}
