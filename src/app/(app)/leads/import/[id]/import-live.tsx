"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { resumeImportAction } from "@/server/imports/actions";

/** Refreshes the page every second while the import runs (the progress comes from the server). */
export function ImportLive({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

export function ResumeButton({ importId }: { importId: string }) {
  const t = useTranslations("import");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resumeImportAction({ importId });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {t("resume")}
      </button>
      <FormError error={error} />
    </div>
  );
}
