"use client";

import { useTranslations } from "next-intl";
import { type ConditionRow, OPERATORS } from "./model-form";

type Option = { value: string; label: string };

/** The condition of a fit rule or a disqualifier: attribute, operator and the value(s) its kind takes. */
export function ConditionFields({
  row,
  update,
  idPrefix,
  personas,
  channels,
}: {
  row: ConditionRow;
  update: (patch: Partial<ConditionRow>) => void;
  idPrefix: string;
  personas: Option[];
  channels: Option[];
}) {
  const t = useTranslations("rules");
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-attr`} className="label">
          {t("attribute")}
        </label>
        <select
          id={`${idPrefix}-attr`}
          className="input"
          value={row.attribute}
          onChange={(e) => {
            const attribute = e.target.value as ConditionRow["attribute"];
            update({ attribute, operator: OPERATORS[attribute][0] as string });
          }}
        >
          {Object.keys(OPERATORS).map((a) => (
            <option key={a} value={a}>
              {t(`attributes.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-op`} className="label">
          {t("operator")}
        </label>
        <select
          id={`${idPrefix}-op`}
          className="input"
          value={row.operator}
          onChange={(e) => update({ operator: e.target.value })}
        >
          {OPERATORS[row.attribute].map((o) => (
            <option key={o} value={o}>
              {t(`operators.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor={`${idPrefix}-val`} className="label">
          {t("values")}
        </label>
        {row.attribute === "persona" ? (
          row.operator === "is" ? (
            <select
              id={`${idPrefix}-val`}
              className="input"
              value={row.personaId}
              onChange={(e) => update({ personaId: e.target.value })}
            >
              <option value="" />
              {personas.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${idPrefix}-val`} className="input" disabled value="" />
          )
        ) : row.attribute === "companySize" ? (
          row.operator === "between" ? (
            <div className="flex gap-2">
              <input
                id={`${idPrefix}-val`}
                className="input"
                type="number"
                value={row.min}
                onChange={(e) => update({ min: e.target.value })}
              />
              <input
                aria-label={t("values")}
                className="input"
                type="number"
                value={row.max}
                onChange={(e) => update({ max: e.target.value })}
              />
            </div>
          ) : (
            <input
              id={`${idPrefix}-val`}
              className="input"
              type="number"
              value={row.value}
              onChange={(e) => update({ value: e.target.value })}
            />
          )
        ) : (
          <input
            id={`${idPrefix}-val`}
            className="input"
            value={row.values}
            placeholder={row.attribute === "channel" ? channels.map((c) => c.value).join(", ") : t("valuesHint")}
            onChange={(e) => update({ values: e.target.value })}
          />
        )}
      </div>
    </>
  );
}
