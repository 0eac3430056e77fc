"use client";

import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BarList } from "@/components/charts/bar-list";
import { ScrollRegion } from "@/components/scroll-region";
import type { BacktestModelResult } from "@/server/scoring/backtest/run";
import type { BacktestView } from "@/server/scoring/backtest/service";
import { backtestSummary, MODEL_COLORS } from "./summary";

// recharts loads after the page (the table below the chart has the same figures).
const CurveChart = dynamic(() => import("./threshold-chart").then((m) => m.ThresholdChart), { ssr: false });

/** The figures of a finished backtest: both models side by side, lift by decile, and the threshold curve. */
export function BacktestResults({
  view,
  stale,
  onCite,
}: {
  view: BacktestView;
  /** The draft (saved or in the form) is no longer the definition this backtest ran on. */
  stale: boolean;
  onCite: (text: string) => void;
}) {
  const t = useTranslations("backtest");
  const format = useFormatter();
  const result = view.result;
  if (!result) return null;
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const number = (value: number, digits = 0) => format.number(value, { maximumFractionDigits: digits });
  const models: { key: "baseline" | "tested"; label: string; figures: BacktestModelResult }[] = [
    ...(result.baseline
      ? [
          {
            key: "baseline" as const,
            label: t("publishedModel", { version: result.baseline.version }),
            figures: result.baseline,
          },
        ]
      : []),
    {
      key: "tested",
      label: result.baseline
        ? t("draftModel", { version: result.tested.version })
        : t("publishedModel", { version: result.tested.version }),
      figures: result.tested,
    },
  ];
  const reasons = (m: BacktestModelResult) =>
    Object.entries(m.reasons)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([reason, n]) => `${t(`reasons.${reason}`)} ${number(n ?? 0)}`)
      .join(", ") || "—";
  const rows: { label: string; hint?: string; cell: (m: BacktestModelResult) => ReactNode }[] = [
    { label: t("threshold"), cell: (m) => number(m.threshold, 2) },
    {
      label: t("mqls"),
      hint: t("mqlsHint"),
      cell: (m) => t("mqlsValue", { mqls: m.mqls, perMonth: number(m.mqlsPerMonth, 1) }),
    },
    { label: t("precision"), hint: t("precisionHint"), cell: (m) => percent(m.precision) },
    { label: t("recall"), hint: t("recallHint"), cell: (m) => percent(m.recall) },
    { label: t("auc"), hint: t("aucHint"), cell: (m) => (m.auc === null ? "—" : number(m.auc, 3)) },
    { label: t("disqualified"), cell: (m) => number(m.disqualified) },
    {
      label: t("returned"),
      hint: t("returnedHint"),
      cell: (m) =>
        m.returned === 0 ? (
          t("returnedOf", { returned: 0, answered: m.answered })
        ) : (
          <>
            {t("returnedOf", { returned: m.returned, answered: m.answered })}
            <span className="block text-xs text-slate-600">{reasons(m)}</span>
          </>
        ),
    },
  ];
  const decileLabel = (d: number) => t("decile", { from: (d - 1) * 10, to: d * 10 });
  const lift = (value: number | null) => (value === null ? "—" : `${number(value, 2)}×`);

  return (
    <div className="space-y-5" data-testid="backtest-results">
      <p className="text-sm text-slate-700" data-testid="backtest-scope">
        {t("scope", {
          leads: result.leads,
          from: view.createdFrom,
          to: view.createdTo,
          cutoff: view.cutoffDays,
          outcome: t(`outcomes.${view.outcome}`),
          reached: result.reached,
          rate: percent(result.baseRate),
          seconds: number(result.durationMs / 1000, 1),
        })}
      </p>
      {stale && (
        <p id="backtest-stale" role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {t("stale")}
        </p>
      )}
      {result.leads === 0 && <p className="text-sm text-slate-600">{t("noLeads")}</p>}

      <ModelTable
        testId="backtest-side-by-side"
        caption={t("sideBySide")}
        first={t("figure")}
        columns={models.map((m) => m.label)}
        rows={rows.map((row) => ({
          key: row.label,
          head: (
            <>
              {row.label}
              {row.hint && <span className="block text-xs text-slate-500">{row.hint}</span>}
            </>
          ),
          cells: models.map((m) => row.cell(m.figures)),
        }))}
      />

      <div className="space-y-2">
        <h3 className="font-medium">{t("liftTitle")}</h3>
        <p className="text-xs text-slate-600">{t("liftHint")}</p>
        <BarList
          testId="backtest-lift"
          series={models.map((m) => ({ key: m.key, label: m.label, color: MODEL_COLORS[m.key] }))}
          rows={result.tested.deciles.map((decile, i) => ({
            label: decileLabel(decile.decile),
            values: Object.fromEntries(models.map((m) => [m.key, m.figures.deciles[i]?.lift ?? 0])),
            shown: Object.fromEntries(models.map((m) => [m.key, lift(m.figures.deciles[i]?.lift ?? null)])),
          }))}
        />
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">{t("tableView")}</summary>
          <ModelTable
            caption={t("liftTitle")}
            first={t("decileColumn")}
            columns={models.map((m) => t("liftColumn", { model: m.label }))}
            rows={result.tested.deciles.map((decile, i) => ({
              key: String(decile.decile),
              head: decileLabel(decile.decile),
              cells: models.map((m) => {
                const d = m.figures.deciles[i];
                return d
                  ? t("liftCell", { lift: lift(d.lift), reached: d.reached, leads: d.leads, rate: percent(d.rate) })
                  : "—";
              }),
            }))}
          />
        </details>
      </div>

      <div className="space-y-2">
        <h3 className="font-medium">{t("curveTitle")}</h3>
        <p className="text-xs text-slate-600">
          {result.commitment === null ? t("curveHint") : t("curveHintCommitment", { commitment: result.commitment })}
        </p>
        <div style={{ minHeight: 280 }}>
          <CurveChart models={models} commitment={result.commitment} />
        </div>
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">{t("tableView")}</summary>
          <ModelTable
            caption={t("curveTitle")}
            first={t("threshold")}
            columns={models.map((m) => t("curveColumn", { model: m.label }))}
            rows={thresholdRows(models).map(({ threshold, points }) => ({
              key: String(threshold),
              head: number(threshold, 2),
              cells: points.map((p) =>
                p ? t("curveCell", { perMonth: number(p.mqlsPerMonth, 1), acceptance: percent(p.acceptance) }) : "—",
              ),
            }))}
          />
        </details>
      </div>

      <button
        type="button"
        className="btn-secondary"
        disabled={stale}
        aria-describedby={stale ? "backtest-stale" : undefined}
        onClick={() => onCite(backtestSummary(view, (key, values) => t(key, values), percent))}
      >
        {t("cite")}
      </button>
    </div>
  );
}

/** Every threshold either curve has, with each model's point at it (models' curves may step differently). */
function thresholdRows(models: { figures: BacktestModelResult }[]) {
  const thresholds = [...new Set(models.flatMap((m) => m.figures.curve.map((p) => p.threshold)))].sort((a, b) => a - b);
  return thresholds.map((threshold) => ({
    threshold,
    points: models.map((m) => m.figures.curve.find((p) => p.threshold === threshold) ?? null),
  }));
}

/** A table of figures with one column per model: the side-by-side table and the charts' table views. */
function ModelTable({
  caption,
  first,
  columns,
  rows,
  testId,
}: {
  caption: string;
  first: string;
  columns: string[];
  rows: { key: string; head: ReactNode; cells: ReactNode[] }[];
  testId?: string;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {columns.map((label) => (
              <th key={label} scope="col" className="text-right">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="max-w-md font-normal">
                {row.head}
              </th>
              {row.cells.map((cell, i) => (
                <td key={columns[i]} className="text-right tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
