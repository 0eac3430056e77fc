"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ScrollRegion } from "@/components/scroll-region";
import type { ImportCheck } from "@/server/imports/service";
import type { ValueField, ValueMapping } from "@/server/imports/values";

type Option = { value: string; label: string };

/**
 * The dry run's answer: what the import would create, update and reject,
 * the cells to map by hand, and the rejected rows with their reasons.
 */
export function ImportCheckView({
  check,
  stale,
  values,
  onValues,
  options,
}: {
  check: ImportCheck;
  stale: boolean;
  values: ValueMapping;
  onValues: (values: ValueMapping) => void;
  options: Record<ValueField, Option[]>;
}) {
  const t = useTranslations("import");
  const format = useFormatter();
  const fields = (Object.keys(options) as ValueField[]).filter((field) => check.unknown[field].distinct > 0);
  return (
    <section className="space-y-4" aria-labelledby="check-title" data-testid="import-check">
      <div>
        <h3 id="check-title" className="font-semibold">
          {t("checkTitle")}
        </h3>
        <p className="text-sm text-slate-600" aria-live="polite">
          {stale ? t("stale") : t("checkIntro", { count: check.totalRows })}
        </p>
      </div>
      <dl className={`grid grid-cols-3 gap-3 text-center ${stale ? "opacity-60" : ""}`}>
        {(
          [
            ["willCreate", check.createCount],
            ["willUpdate", check.updateCount],
            ["willReject", check.rejectedCount],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs text-slate-600">{t(key)}</dt>
            <dd className="text-xl font-semibold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      {fields.map((field) => {
        const unknown = check.unknown[field];
        return (
          <fieldset key={field} className="space-y-2" data-testid={`unknown-${field}`}>
            <legend className="font-semibold">{t(`unknownTitle_${field}`)}</legend>
            <p className="text-sm text-slate-600">{t("unknownIntro")}</p>
            {unknown.distinct > unknown.values.length && (
              <p className="text-sm text-slate-600">
                {t("moreDistinct", { shown: unknown.values.length, count: unknown.distinct })}
              </p>
            )}
            <ul className="space-y-2">
              {unknown.values.map((item) => {
                const id = `value-${field}-${item.key}`;
                return (
                  <li key={item.key} className="grid items-center gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
                    <label htmlFor={id} className="text-sm">
                      <bdi className="font-medium">“{item.value}”</bdi>{" "}
                      <span className="text-slate-600">({t("unknownRows", { count: item.rows })})</span>
                    </label>
                    <select
                      id={id}
                      className="input"
                      value={values[field]?.[item.key] ?? ""}
                      onChange={(e) => {
                        const next = { ...values[field] };
                        if (e.target.value) next[item.key] = e.target.value;
                        else delete next[item.key];
                        onValues({ ...values, [field]: next });
                      }}
                    >
                      <option value="">{t("leaveUnmapped")}</option>
                      {options[field].map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
      {check.rejectedCount === 0 ? (
        <p className="text-sm text-green-800">{t("noneRejected")}</p>
      ) : (
        <div>
          <h4 className="mb-1 text-sm font-semibold">{t("rejectedTitle")}</h4>
          {check.rejectedCount > check.rejections.length && (
            <p className="mb-1 text-sm text-slate-600">
              {t("rejectedShown", { shown: check.rejections.length, count: check.rejectedCount })}
            </p>
          )}
          <ScrollRegion label={t("rejectedTitle")}>
            <table className="data-table" data-testid="import-check-rejections">
              <thead>
                <tr>
                  <th scope="col">{t("rowNumber")}</th>
                  <th scope="col">{t("emailCell")}</th>
                  <th scope="col">{t("reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {check.rejections.map((row) => (
                  <tr key={row.rowNumber}>
                    <td className="tabular-nums">{format.number(row.rowNumber)}</td>
                    <td>
                      <bdi>{row.email}</bdi>
                    </td>
                    <td>
                      <ul>
                        {row.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </section>
  );
}
