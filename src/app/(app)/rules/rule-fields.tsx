"use client";

import { useTranslations } from "next-intl";
import type { BehaviourRow } from "./model-form";

type Option = { value: string; label: string };

/** A number field of a rule (points, cap, days), labelled and sized alike. */
function NumberField({
  id,
  label,
  title,
  value,
  min,
  onChange,
}: {
  id: string;
  label: string;
  title?: string;
  value: string;
  min?: number;
  onChange: (value: string) => void;
}) {
  return (
    <div className="w-24">
      <label htmlFor={id} className="label" title={title}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="number"
        min={min}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The points a fit rule adds (or, negative, takes away). */
export function FitPointsField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("rules");
  return <NumberField id={`${id}-points`} label={t("points")} value={value} onChange={onChange} />;
}

/** A behaviour rule: which event, its points, the cap, and how the points fade with time. */
export function BehaviourFields({
  rule,
  eventTypes,
  update,
}: {
  rule: BehaviourRow;
  eventTypes: Option[];
  update: (patch: Partial<BehaviourRow>) => void;
}) {
  const t = useTranslations("rules");
  return (
    <>
      <div>
        <label htmlFor={`${rule.id}-type`} className="label">
          {t("eventType")}
        </label>
        <select
          id={`${rule.id}-type`}
          className="input"
          value={rule.eventType}
          onChange={(e) => update({ eventType: e.target.value })}
        >
          {eventTypes.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        id={`${rule.id}-points`}
        label={t("points")}
        value={rule.points}
        onChange={(points) => update({ points })}
      />
      <NumberField
        id={`${rule.id}-cap`}
        label={t("cap")}
        title={t("capHint")}
        min={0}
        value={rule.cap}
        onChange={(cap) => update({ cap })}
      />
      <div>
        <label htmlFor={`${rule.id}-decay`} className="label">
          {t("decay")}
        </label>
        <select
          id={`${rule.id}-decay`}
          className="input"
          value={rule.decay}
          onChange={(e) => update({ decay: e.target.value as BehaviourRow["decay"], days: rule.days || "30" })}
        >
          {(["none", "halfLife", "window"] as const).map((mode) => (
            <option key={mode} value={mode}>
              {t(`decays.${mode}`)}
            </option>
          ))}
        </select>
      </div>
      {rule.decay !== "none" && (
        <NumberField
          id={`${rule.id}-days`}
          label={t("days")}
          min={1}
          value={rule.days}
          onChange={(days) => update({ days })}
        />
      )}
    </>
  );
}
