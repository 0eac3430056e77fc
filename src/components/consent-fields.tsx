"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form-error";
import type { ActionError } from "@/server/action";

export const LEGAL_BASES = ["CONSENT", "LEGITIMATE_INTEREST", "CONTRACT"] as const;

/**
 * GDPR fields recorded with a lead (manual entry) or with a whole CSV import:
 * the legal basis for processing and where it was given. Plain named inputs,
 * read from the form's FormData.
 */
export function ConsentFields({ idPrefix, error }: { idPrefix: string; error: ActionError | null }) {
  const t = useTranslations("privacy");
  return (
    <fieldset className="grid gap-4 md:col-span-2 md:grid-cols-2">
      <legend className="mb-2 font-semibold">{t("consentLegend")}</legend>
      <div>
        <label htmlFor={`${idPrefix}-legalBasis`} className="label">
          {t("legalBasis")}
        </label>
        <select
          id={`${idPrefix}-legalBasis`}
          name="legalBasis"
          defaultValue=""
          className="input"
          aria-describedby={`${idPrefix}-legalBasis-hint`}
        >
          <option value="">{t("notRecorded")}</option>
          {LEGAL_BASES.map((basis) => (
            <option key={basis} value={basis}>
              {t(`bases.${basis}`)}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-legalBasis-hint`} className="mt-1 text-xs text-slate-600">
          {t("legalBasisHint")}
        </p>
        <FieldError error={error} field="legalBasis" />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-consentSource`} className="label">
          {t("consentSource")}
        </label>
        <input
          id={`${idPrefix}-consentSource`}
          name="consentSource"
          className="input"
          maxLength={200}
          placeholder={t("consentSourcePlaceholder")}
        />
        <FieldError error={error} field="consentSource" />
      </div>
    </fieldset>
  );
}
