"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConsentFields } from "@/components/consent-fields";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { captureLeadAction } from "@/server/leads/actions";

const TEXT_FIELDS = ["email", "name", "phone", "company", "title", "industry", "country"] as const;

export function LeadForm({ channels }: { channels: { value: string; label: string }[] }) {
  const t = useTranslations("leads");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="card grid max-w-3xl gap-4 md:grid-cols-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input: Record<string, unknown> = {};
        for (const field of TEXT_FIELDS) {
          const value = String(data.get(field) ?? "").trim();
          if (value || field === "email") input[field] = value;
        }
        const size = String(data.get("companySize") ?? "").trim();
        if (size) input.companySize = Number(size);
        input.channel = data.get("channel");
        const campaign = String(data.get("campaign") ?? "").trim();
        if (campaign) input.campaign = campaign;
        const legalBasis = String(data.get("legalBasis") ?? "");
        if (legalBasis) input.legalBasis = legalBasis;
        const consentSource = String(data.get("consentSource") ?? "").trim();
        if (consentSource) input.consentSource = consentSource;
        setError(null);
        startTransition(async () => {
          const result = await captureLeadAction(input);
          if (result.ok) router.push(`/leads/${result.data.id}`);
          else setError(result.error);
        });
      }}
    >
      {TEXT_FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={`lead-${field}`} className="label">
            {t(field)}
          </label>
          <input
            id={`lead-${field}`}
            name={field}
            type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
            required={field === "email"}
            className="input"
          />
          <FieldError error={error} field={field} />
        </div>
      ))}
      <div>
        <label htmlFor="lead-companySize" className="label">
          {t("companySize")}
        </label>
        <input id="lead-companySize" name="companySize" type="number" min={0} inputMode="numeric" className="input" />
        <FieldError error={error} field="companySize" />
      </div>
      <div>
        <label htmlFor="lead-channel" className="label">
          {t("channel")}
        </label>
        <select id="lead-channel" name="channel" defaultValue="OTHER" className="input">
          {channels.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="lead-campaign" className="label">
          {t("campaign")}
        </label>
        <input id="lead-campaign" name="campaign" className="input" />
        <FieldError error={error} field="campaign" />
      </div>
      <ConsentFields idPrefix="lead" error={error} />
      <div className="md:col-span-2">
        <FormError error={error} />
        <button type="submit" className="btn-primary mt-2" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
