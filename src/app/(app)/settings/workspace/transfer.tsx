"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";

/** Export the workspace as an archive; load an archive into this workspace while it is empty. */
export function WorkspaceTransfer({ empty }: { empty: boolean }) {
  const t = useTranslations("workspaceSettings");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(form: FormData) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/settings/workspace/import", { method: "POST", body: form });
      const data = (await response.json()) as { rows?: number; error?: ActionError };
      if (response.ok) {
        setDone(data.rows ?? 0);
        router.refresh();
      } else setError(data.error ?? { code: "unexpected" });
    } catch {
      setError({ code: "unexpected" });
    }
    setBusy(false);
  }

  return (
    <div className="space-y-4">
      <div>
        <a href="/settings/workspace/export" className="btn-secondary" download>
          {t("export")}
        </a>
        <p className="mt-1 text-xs text-slate-600">{t("exportHint")}</p>
      </div>
      {empty && (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void upload(new FormData(event.currentTarget));
          }}
        >
          <label htmlFor="archive-file" className="label">
            {t("importFile")}
          </label>
          <input id="archive-file" name="file" type="file" accept=".jsonl,application/x-ndjson" required />
          <p className="text-xs text-slate-600">{t("importHint")}</p>
          <FieldError error={error} field="file" />
          <FormError error={error && error.code !== "validation" ? error : null} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? t("importing") : t("import")}
          </button>
        </form>
      )}
      {done !== null && (
        <p role="status" className="text-sm text-green-800">
          {t("imported", { rows: done })}
        </p>
      )}
    </div>
  );
}
