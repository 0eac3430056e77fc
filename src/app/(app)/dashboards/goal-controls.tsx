"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import type { GoalMetric } from "@/generated/prisma/enums";
import type { ActionError } from "@/server/action";
import { leaderboardOptOutAction, setGoalAction } from "@/server/goals/actions";

const METRICS: GoalMetric[] = ["MQLS", "SQLS", "REVENUE", "SLA_COMPLIANCE"];

/** Managers set the month's shared goals. SLA compliance is entered in percent. */
export function GoalForm({ month }: { month: string }) {
  const t = useTranslations("dashboards.goals");
  const router = useRouter();
  const [metric, setMetric] = useState<GoalMetric>("MQLS");
  const [target, setTarget] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        const value = metric === "SLA_COMPLIANCE" ? Number(target) / 100 : Number(target);
        startTransition(async () => {
          const result = await setGoalAction({ month, metric, target: value });
          if (result.ok) {
            setTarget("");
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <div>
        <label htmlFor="goal-metric" className="label">
          {t("metric")}
        </label>
        <select
          id="goal-metric"
          className="input"
          value={metric}
          onChange={(e) => setMetric(e.target.value as GoalMetric)}
        >
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metrics.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="goal-target" className="label">
          {metric === "SLA_COMPLIANCE" ? t("targetPercent") : metric === "REVENUE" ? t("targetEur") : t("target")}
        </label>
        <input
          id="goal-target"
          type="number"
          min={0}
          step="any"
          required
          className="input w-36"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
        <FieldError error={error} field="target" />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("set", { month })}
      </button>
      <FormError error={error && error.code !== "validation" ? error : null} />
    </form>
  );
}

export function OptOutToggle({ optedOut }: { optedOut: boolean }) {
  const t = useTranslations("dashboards.goals");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await leaderboardOptOutAction({ optOut: !optedOut });
          if (result.ok) router.refresh();
        })
      }
    >
      {optedOut ? t("optIn") : t("optOut")}
    </button>
  );
}
