"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form-error";
import { useAction } from "@/components/use-action";
import { archiveFormAction } from "@/server/forms/actions";

export function ArchiveButton({ formId, archived }: { formId: string; archived: boolean }) {
  const t = useTranslations("forms");
  const { error, pending, run } = useAction();
  return (
    <div>
      <button
        type="button"
        className={archived ? "btn-secondary" : "btn-danger"}
        disabled={pending}
        onClick={() => {
          if (!archived && !window.confirm(t("confirmArchive"))) return;
          run(() => archiveFormAction({ formId, archived: !archived }));
        }}
      >
        {archived ? t("restore") : t("archive")}
      </button>
      <FormError error={error} />
    </div>
  );
}
