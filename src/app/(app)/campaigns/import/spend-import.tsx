"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { importSpendAction } from "@/server/campaigns/actions";

export function SpendImport() {
  const t = useTranslations("campaigns");
  const tv = useTranslations("validation");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [rows, setRows] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<{ row: number; messages: string[] }[]>([]);
  const [pending, startTransition] = useTransition();
  const message = (m: string) => {
    const key = m.includes(": ") ? (m.split(": ")[1] ?? m) : m;
    return tv.has(key) ? `${m.includes(": ") ? `${m.split(": ")[0]}: ` : ""}${tv(key)}` : m;
  };
  return (
    <form
      className="card space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!file) return;
        setError(null);
        setRows(null);
        setRowErrors([]);
        startTransition(async () => {
          const result = await importSpendAction({ content: await file.text() });
          if (!result.ok) return setError(result.error);
          if (result.data.ok) setRows(result.data.rows);
          else setRowErrors(result.data.errors);
        });
      }}
    >
      <div>
        <label htmlFor="spend-file" className="label">
          {t("file")}
        </label>
        <input
          id="spend-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <FieldError error={error} field="content" />
        <FieldError error={error} field="file" />
      </div>
      <button type="submit" className="btn-primary" disabled={pending || !file}>
        {t("importButton")}
      </button>
      <FormError error={error && error.code !== "validation" ? error : null} />
      {rows !== null && (
        <p role="status" className="text-green-800">
          {t("imported", { rows })}
        </p>
      )}
      {rowErrors.length > 0 && (
        <div role="alert" className="text-sm text-red-800">
          <p>{t("importErrors")}</p>
          <ul className="list-disc pl-5">
            {rowErrors.slice(0, 100).map((r) => (
              <li key={r.row}>
                {t("row", { row: r.row })}: {r.messages.map(message).join("; ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
