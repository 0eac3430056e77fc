"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { updateWorkspaceAction } from "@/server/workspaces/actions";

export function WorkspaceForm({
  workspace,
  timeZones,
  editable,
}: {
  workspace: { name: string; timeZone: string; slug: string };
  timeZones: string[];
  editable: boolean;
}) {
  const t = useTranslations("workspaceSettings");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setError(null);
        setSaved(false);
        startTransition(async () => {
          const result = await updateWorkspaceAction({ name: data.get("name"), timeZone: data.get("timeZone") });
          if (result.ok) {
            setSaved(true);
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <div>
        <label htmlFor="ws-name" className="label">
          {t("name")}
        </label>
        <input
          id="ws-name"
          name="name"
          required
          maxLength={80}
          defaultValue={workspace.name}
          disabled={!editable}
          className="input"
        />
        <FieldError error={error} field="name" />
      </div>
      <div>
        <label htmlFor="ws-tz" className="label">
          {t("timeZone")}
        </label>
        <select id="ws-tz" name="timeZone" defaultValue={workspace.timeZone} disabled={!editable} className="input">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{t("timeZoneHint")}</p>
        <FieldError error={error} field="timeZone" />
      </div>
      <p className="text-sm text-slate-600">
        {t("slug")}: <code>{workspace.slug}</code>
      </p>
      <FormError error={error && error.code !== "validation" ? error : null} />
      {saved && (
        <p role="status" className="text-sm text-green-700">
          {t("saved")}
        </p>
      )}
      {editable && (
        <button type="submit" className="btn-primary" disabled={pending}>
          {common("save")}
        </button>
      )}
    </form>
  );
}
