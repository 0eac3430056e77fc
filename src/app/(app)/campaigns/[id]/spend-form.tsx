"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { deleteSpendAction, recordSpendAction } from "@/server/campaigns/actions";

/** Spend for a day or a month; the same period again replaces it. */
export function SpendForm({ campaignId, currency }: { campaignId: string; currency: string }) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const [kind, setKind] = useState<"day" | "month">("month");
  const [date, setDate] = useState("");
  const [month, setMonth] = useState("");
  const [amount, setAmount] = useState("");
  const [cur, setCur] = useState(currency);
  const [rate, setRate] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (prefix: string) =>
    Object.keys(error?.fieldErrors ?? {}).some((k) => k.startsWith(prefix)) ? (
      <FieldError
        error={error}
        field={Object.keys(error?.fieldErrors ?? {}).find((k) => k.startsWith(prefix)) ?? prefix}
      />
    ) : null;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await recordSpendAction({
            campaignId,
            period: kind === "day" ? { kind, date } : { kind, month },
            amount,
            currency: cur,
            eurRate: cur.toUpperCase() === "EUR" || rate === "" ? null : rate,
            note,
          });
          if (result.ok) {
            setAmount("");
            setNote("");
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <fieldset>
        <legend className="label">{t("periodKind")}</legend>
        <div className="flex gap-3 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" checked={kind === "month"} onChange={() => setKind("month")} />
            {t("month")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" checked={kind === "day"} onChange={() => setKind("day")} />
            {t("day")}
          </label>
        </div>
      </fieldset>
      {kind === "day" ? (
        <div>
          <label htmlFor="s-date" className="label">
            {t("date")}
          </label>
          <input
            id="s-date"
            type="date"
            className="input"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
          />
          {fieldError("period")}
        </div>
      ) : (
        <div>
          <label htmlFor="s-month" className="label">
            {t("monthField")}
          </label>
          <input
            id="s-month"
            type="month"
            className="input"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            required
          />
          {fieldError("period")}
        </div>
      )}
      <div>
        <label htmlFor="s-amount" className="label">
          {t("amount")}
        </label>
        <input
          id="s-amount"
          type="number"
          min={0}
          step="0.01"
          className="input w-36"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          required
        />
        <FieldError error={error} field="amount" />
      </div>
      <div>
        <label htmlFor="s-currency" className="label">
          {t("currency")}
        </label>
        <input
          id="s-currency"
          className="input w-20"
          maxLength={3}
          value={cur}
          onChange={(e) => setCur(e.target.value)}
        />
        <FieldError error={error} field="currency" />
      </div>
      {cur.toUpperCase() !== "EUR" && (
        <div>
          <label htmlFor="s-rate" className="label">
            {t("eurRate", { currency: cur.toUpperCase() })}
          </label>
          <input
            id="s-rate"
            type="number"
            min={0}
            step="0.000001"
            className="input w-32"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
          <FieldError error={error} field="eurRate" />
        </div>
      )}
      <div className="min-w-48 flex-1">
        <label htmlFor="s-note" className="label">
          {t("note")}
        </label>
        <input id="s-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("addSpend")}
      </button>
      <div className="w-full">
        <FormError error={error && error.code !== "validation" ? error : null} />
      </div>
    </form>
  );
}

export function DeleteSpend({ spendId, campaignId, label }: { spendId: string; campaignId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="text-sm text-red-700 underline"
      disabled={pending}
      aria-label={label}
      onClick={() =>
        startTransition(async () => {
          const result = await deleteSpendAction({ spendId, campaignId });
          if (result.ok) router.refresh();
        })
      }
    >
      ×
    </button>
  );
}
