"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { progressDealAction } from "@/server/handoffs/actions";

type Step = "opportunity" | "won" | "lost";

/** Moves an accepted lead on: SQL → opportunity → won or lost. */
export function DealActions({
  leadId,
  stage,
  opportunityAmount = null,
  closeWindow,
  compact = false,
}: {
  leadId: string;
  stage: "SQL" | "OPPORTUNITY";
  /** The opportunity's amount: what "Won" starts from. */
  opportunityAmount?: number | null;
  /** The days a win can be dated, in the workspace's calendar: from the current stage's day to today. */
  closeWindow: { earliest: string; latest: string };
  /** On a pipeline card: smaller buttons, fields stacked. */
  compact?: boolean;
}) {
  const t = useTranslations("deals");
  const router = useRouter();
  const uid = useId();
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
            className={`${step === s ? "btn-primary" : "btn-secondary"} ${compact ? "px-2 py-1 text-xs" : ""}`}
            aria-pressed={step === s}
            onClick={() => {
              setStep(s);
              setError(null);
              // Won starts from the opportunity's amount and today's date; the rep changes them if the deal moved.
              if (s === "won") {
                if (!amount && opportunityAmount !== null) setAmount(String(opportunityAmount));
                if (!date || date > closeWindow.latest) setDate(closeWindow.latest);
              }
            }}
          >
            {t(`steps.${s}`)}
          </button>
        ))}
      </div>
      {step && (
        <form
          className={compact ? "space-y-2" : "flex flex-wrap items-end gap-3"}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {step !== "lost" ? (
            <>
              <div>
                <label htmlFor={`${uid}-amount`} className="label">
                  {t("amount")}
                </label>
                <input
                  id={`${uid}-amount`}
                  type="number"
                  min={0}
                  step="0.01"
                  required
                  className={compact ? "input" : "input w-40"}
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
                <FieldError error={error} field="step.amount" />
              </div>
              <div>
                <label htmlFor={`${uid}-date`} className="label">
                  {step === "opportunity" ? t("expectedClose") : t("closedOn")}
                </label>
                <input
                  id={`${uid}-date`}
                  type="date"
                  required
                  min={step === "won" ? closeWindow.earliest : undefined}
                  max={step === "won" ? closeWindow.latest : undefined}
                  className="input"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
                <FieldError error={error} field={step === "opportunity" ? "step.expectedCloseDate" : "step.closedOn"} />
              </div>
            </>
          ) : (
            <div className={compact ? "" : "min-w-64 flex-1"}>
              <label htmlFor={`${uid}-reason`} className="label">
                {t("lostReason")}
              </label>
              <input
                id={`${uid}-reason`}
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
