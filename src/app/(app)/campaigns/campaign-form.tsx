"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { Channel } from "@/generated/prisma/enums";
import type { ActionError } from "@/server/action";
import { createCampaignAction, updateCampaignAction } from "@/server/campaigns/actions";

export type CampaignValues = {
  name: string;
  channel: Channel | "";
  startDate: string;
  endDate: string;
  budget: string;
  currency: string;
  ownerId: string;
};

/** Create a campaign, or edit one (with `campaignId`). */
export function CampaignForm({
  initial,
  campaignId,
  channels,
  owners,
}: {
  initial: CampaignValues;
  campaignId?: string;
  channels: { value: Channel; label: string }[];
  owners: { id: string; name: string }[];
}) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof CampaignValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const field = (key: keyof CampaignValues, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`c-${key}`} className="label">
        {label}
      </label>
      {input}
      <FieldError error={error} field={key} />
    </div>
  );
  return (
    <form
      className="grid gap-3 md:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setSaved(false);
        const campaign = {
          name: values.name,
          channel: values.channel,
          startDate: values.startDate || null,
          endDate: values.endDate || null,
          budget: values.budget === "" ? null : values.budget,
          currency: values.currency,
          ownerId: values.ownerId || null,
        };
        startTransition(async () => {
          const result = campaignId
            ? await updateCampaignAction({ campaignId, campaign })
            : await createCampaignAction(campaign);
          if (!result.ok) return setError(result.error);
          if (campaignId) {
            setSaved(true);
            router.refresh();
          } else router.push(`/campaigns/${(result.data as { id: string }).id}`);
        });
      }}
    >
      {field(
        "name",
        t("name"),
        <input id="c-name" className="input" value={values.name} onChange={set("name")} required />,
      )}
      {field(
        "channel",
        t("channel"),
        <select id="c-channel" className="input" value={values.channel} onChange={set("channel")} required>
          <option value="">—</option>
          {channels.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>,
      )}
      {field(
        "startDate",
        t("start"),
        <input id="c-startDate" type="date" className="input" value={values.startDate} onChange={set("startDate")} />,
      )}
      {field(
        "endDate",
        t("end"),
        <input id="c-endDate" type="date" className="input" value={values.endDate} onChange={set("endDate")} />,
      )}
      {field(
        "budget",
        t("budget"),
        <input
          id="c-budget"
          type="number"
          min={0}
          step="0.01"
          className="input"
          value={values.budget}
          onChange={set("budget")}
        />,
      )}
      {field(
        "currency",
        t("currency"),
        <input id="c-currency" className="input" maxLength={3} value={values.currency} onChange={set("currency")} />,
      )}
      {field(
        "ownerId",
        t("owner"),
        <select id="c-ownerId" className="input" value={values.ownerId} onChange={set("ownerId")}>
          <option value="">{t("noOwner")}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>,
      )}
      <div className="flex items-end gap-3 md:col-span-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("save")}
        </button>
        {saved && (
          <p role="status" className="text-sm text-green-800">
            {t("saved")}
          </p>
        )}
      </div>
      <div className="md:col-span-4">
        <FormError error={error && error.code !== "validation" ? error : null} />
      </div>
    </form>
  );
}
