"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Papa from "papaparse";
import { useState } from "react";
import { ConsentFields } from "@/components/consent-fields";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { guessMapping, type Mapping } from "@/server/imports/mapping";
import type { ImportCheck } from "@/server/imports/service";
import type { ValueField, ValueMapping } from "@/server/imports/values";
import { ColumnMapping } from "./column-mapping";
import { ImportCheckView } from "./import-check-view";

type Option = { value: string; label: string };
type Parsed = { file: File; headers: string[]; rows: Record<string, string>[]; total: number };
/** A check answers for the mapping it ran with: `key` tells whether that is still the one on screen. */
type Checked = { key: string; result: ImportCheck };

const keyOf = (mapping: Mapping, values: ValueMapping) => JSON.stringify([mapping, values]);

async function post<T>(url: string, body: FormData): Promise<{ data?: T; error?: ActionError }> {
  try {
    const response = await fetch(url, { method: "POST", body });
    const data = (await response.json()) as T & { error?: ActionError };
    return response.ok ? { data } : { error: data.error ?? { code: "unexpected" } };
  } catch {
    return { error: { code: "unexpected" } };
  }
}

/**
 * The import wizard: choose a file, map its columns, check the whole file (a
 * dry run with each rejected row's reasons and the cells to map), import.
 * Importing is offered only for a check of the mapping on screen.
 */
export function ImportForm({ fields, valueOptions }: { fields: Option[]; valueOptions: Record<ValueField, Option[]> }) {
  const t = useTranslations("import");
  const router = useRouter();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [values, setValues] = useState<ValueMapping>({});
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState<"checking" | "uploading" | null>(null);
  const current = checked !== null && checked.key === keyOf(mapping, values);

  function body(file: File, columns: Mapping, cells: ValueMapping) {
    const form = new FormData();
    form.set("file", file);
    form.set("mapping", JSON.stringify(columns));
    form.set("values", JSON.stringify(cells));
    return form;
  }

  async function check(file: File, columns: Mapping, cells: ValueMapping) {
    setBusy("checking");
    setError(null);
    const answer = await post<ImportCheck>("/leads/import/check", body(file, columns, cells));
    if (answer.data) setChecked({ key: keyOf(columns, cells), result: answer.data });
    else setError(answer.error ?? null);
    setBusy(null);
  }

  async function choose(file: File | undefined) {
    setError(null);
    setParsed(null);
    setChecked(null);
    setValues({});
    if (!file) return;
    const text = await file.text();
    const result = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim(),
    });
    const headers = result.meta.fields ?? [];
    const guessed = guessMapping(headers);
    setParsed({ file, headers, rows: result.data.slice(0, 5), total: result.data.length });
    setMapping(guessed);
    if (guessed.email) await check(file, guessed, {});
  }

  async function upload(form: FormData) {
    if (!parsed) return;
    setBusy("uploading");
    setError(null);
    const request = body(parsed.file, mapping, values);
    for (const key of ["legalBasis", "consentSource"]) request.set(key, String(form.get(key) ?? ""));
    const answer = await post<{ id: string }>("/leads/import/upload", request);
    if (answer.data) router.push(`/leads/import/${answer.data.id}`);
    else {
      setError(answer.error ?? null);
      setBusy(null);
    }
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
        <p id="csv-hint" className="mt-1 text-xs text-slate-600">
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
            if (current) void upload(new FormData(event.currentTarget));
            else void check(parsed.file, mapping, values);
          }}
        >
          <ColumnMapping
            fields={fields}
            headers={parsed.headers}
            rows={parsed.rows}
            mapping={mapping}
            onChange={setMapping}
            error={error}
          />
          {checked && (
            <ImportCheckView
              check={checked.result}
              stale={!current}
              values={values}
              onValues={setValues}
              options={valueOptions}
            />
          )}
          {current && <ConsentFields idPrefix="import" error={error} />}
          <FieldError error={error} field="values" />
          <FormError error={error && error.code !== "validation" ? error : null} />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary" disabled={busy !== null || !mapping.email}>
              {busy === "checking"
                ? t("checking")
                : busy === "uploading"
                  ? t("uploading")
                  : current
                    ? t("start", { count: parsed.total })
                    : checked
                      ? t("checkAgain")
                      : t("check", { count: parsed.total })}
            </button>
            {current && checked.result.validRows === 0 && <p className="text-sm text-amber-800">{t("nothingValid")}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
