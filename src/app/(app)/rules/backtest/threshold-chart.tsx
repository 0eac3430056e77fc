"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BacktestModelResult } from "@/server/scoring/backtest/run";
import { MODEL_COLORS as COLORS } from "./summary";

/**
 * The threshold curve: MQLs a month (left axis, solid) and sales' acceptance
 * (right axis, dashed) at each threshold, for each model, with the SLA's
 * monthly MQL commitment as a horizontal line and each model's threshold as a
 * vertical one. Decorative for screen readers: the table under it has the same figures.
 */
export function ThresholdChart({
  models,
  commitment,
}: {
  models: { key: "baseline" | "tested"; label: string; figures: BacktestModelResult }[];
  commitment: number | null;
}) {
  const t = useTranslations("backtest");
  const format = useFormatter();
  const thresholds = [...new Set(models.flatMap((m) => m.figures.curve.map((p) => p.threshold)))].sort((a, b) => a - b);
  const data = thresholds.map((threshold) => {
    const row: Record<string, number | null> = { threshold };
    for (const m of models) {
      const point = m.figures.curve.find((p) => p.threshold === threshold);
      row[`${m.key}Mqls`] = point ? point.mqlsPerMonth : null;
      row[`${m.key}Acceptance`] = point?.acceptance ?? null;
    }
    return row;
  });
  return (
    <div aria-hidden="true" style={{ width: "100%", height: 280 }} data-testid="backtest-curve">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="threshold" type="number" domain={["dataMin", "dataMax"]} tick={{ fontSize: 12 }} />
          <YAxis
            yAxisId="mqls"
            tick={{ fontSize: 12 }}
            width={44}
            tickFormatter={(v: number) => format.number(v, { notation: "compact" })}
          />
          <YAxis
            yAxisId="acceptance"
            orientation="right"
            domain={[0, 1]}
            width={44}
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 })}
          />
          <Tooltip
            labelFormatter={(v) => t("thresholdAt", { threshold: Number(v) })}
            formatter={(v, _name, item) =>
              String(item.dataKey).endsWith("Acceptance")
                ? format.number(Number(v), { style: "percent", maximumFractionDigits: 1 })
                : format.number(Number(v), { maximumFractionDigits: 1 })
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {commitment !== null && (
            <ReferenceLine
              yAxisId="mqls"
              y={commitment}
              stroke="#b45309"
              strokeDasharray="6 3"
              label={{ value: t("commitmentLine", { commitment }), position: "insideTopRight", fontSize: 11 }}
            />
          )}
          {models.map((m) => (
            <ReferenceLine
              key={`${m.key}-threshold`}
              yAxisId="mqls"
              x={m.figures.threshold}
              stroke={COLORS[m.key]}
              strokeOpacity={0.5}
            />
          ))}
          {models.flatMap((m) => [
            <Line
              key={`${m.key}-mqls`}
              yAxisId="mqls"
              type="stepAfter"
              dataKey={`${m.key}Mqls`}
              name={t("seriesMqls", { model: m.label })}
              stroke={COLORS[m.key]}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
            <Line
              key={`${m.key}-acceptance`}
              yAxisId="acceptance"
              type="stepAfter"
              dataKey={`${m.key}Acceptance`}
              name={t("seriesAcceptance", { model: m.label })}
              stroke={COLORS[m.key]}
              strokeDasharray="4 3"
              strokeWidth={1.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
