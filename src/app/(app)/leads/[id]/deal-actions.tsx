"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { progressDealAction } from "@/server/handoffs/actions";

type Step = "opportunity" | "won" | "lost";

/** Moves an accepted lead on: SQL → opportunity → won or lost. */
export function DealActions({ leadId, stage }: { leadId: string; stage: "SQL" | "OPPORTUNITY" }) {
  const t = useTranslations("deals");
  const router = useRouter();
  const [step, setStep] = useState<Step | null>(null);
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const steps: Step[] = stage === "SQL" ? ["opportunity", "won", "lost"] : ["won", "lost"];

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const payload =
        step === "opportunity"
          ? { step, amount: Number(amount), expectedCloseDate: date }
          : step === "won"
            ? { step, amount: Number(amount), closedOn: date }
            : { step: "lost" as const, reason };
      const result = await progressDealAction({ leadId, step: payload });
      if (result.ok) {
        setStep(null);
        router.refresh();
      } else setError(result.error);
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={step === s ? "btn-primary" : "btn-secondary"}
            aria-pressed={step === s}
            onClick={() => setStep(s)}
          >
            {t(`steps.${s}`)}
          </button>
        ))}
      </div>
      {step && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {step !== "lost" ? (
            <>
              <div>
                <label htmlFor="deal-amount" className="label">
                  {t("amount")}
                </label>
                <input
                  id="deal-amount"
                  type="number"
                  min={0}
                  step="0.01"
                  required
                  className="input w-40"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
                <FieldError error={error} field="step.amount" />
              </div>
              <div>
                <label htmlFor="deal-date" className="label">
                  {step === "opportunity" ? t("expectedClose") : t("closedOn")}
                </label>
                <input
                  id="deal-date"
                  type="date"
                  required
                  className="input"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
                <FieldError error={error} field={step === "opportunity" ? "step.expectedCloseDate" : "step.closedOn"} />
              </div>
            </>
          ) : (
            <div className="min-w-64 flex-1">
              <label htmlFor="deal-reason" className="label">
                {t("lostReason")}
              </label>
              <input
                id="deal-reason"
                required
                className="input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <FieldError error={error} field="step.reason" />
            </div>
          )}
          <button type="submit" className="btn-primary" disabled={pending}>
            {t(`confirm.${step}`)}
          </button>
        </form>
      )}
      <FormError error={error && error.code !== "validation" ? error : null} />
    </div>
  );
}
