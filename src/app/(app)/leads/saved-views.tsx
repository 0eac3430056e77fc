"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { deleteLeadViewAction, saveLeadViewAction } from "@/server/leads/actions";

export function SavedViews({ views, query }: { views: { id: string; name: string; query: string }[]; query: string }) {
  const t = useTranslations("leads");
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="card flex flex-wrap items-end gap-4" aria-labelledby="saved-views">
      <div className="min-w-64 flex-1">
        <h2 id="saved-views" className="mb-1 text-sm font-semibold">
          {t("views")}
        </h2>
        {views.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noViews")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="saved-views">
            {views.map((view) => (
              <li key={view.id} className="flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1">
                <Link href={`/leads?${view.query}`} className="text-brand-700 hover:underline">
                  {view.name}
                </Link>
                <button
                  type="button"
                  aria-label={t("deleteView", { name: view.name })}
                  className="text-slate-500 hover:text-red-700"
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      await deleteLeadViewAction({ viewId: view.id });
                      router.refresh();
                    })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          startTransition(async () => {
            const result = await saveLeadViewAction({ name, query });
            if (result.ok) {
              setName("");
              router.refresh();
            } else setError(result.error);
          });
        }}
      >
        <div>
          <label htmlFor="view-name" className="label">
            {t("viewName")}
          </label>
          <input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            className="input"
          />
          <FieldError error={error} field="name" />
        </div>
        <button type="submit" className="btn-secondary" disabled={pending || !name.trim()}>
          {t("saveViewButton")}
        </button>
      </form>
    </section>
  );
}
