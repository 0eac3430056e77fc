"use client";

import { useFormatter } from "next-intl";
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

export type LineSeries = { key: string; label: string; color: string };
/** A vertical line at a period (its label on the axis): e.g. the day a new MQL definition took effect. */
export type ChartMarker = { x: string; label: string };

/** A trend over periods; like every chart, followed by its table view for screen readers. */
export function TrendChart({
  data,
  series,
  markers = [],
  height = 260,
}: {
  data: Record<string, string | number | null>[];
  series: LineSeries[];
  markers?: ChartMarker[];
  height?: number;
}) {
  const format = useFormatter();
  return (
    <div aria-hidden="true" style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={4} />
          <YAxis
            tick={{ fontSize: 12 }}
            allowDecimals={false}
            width={40}
            tickFormatter={(v: number) => format.number(v, { notation: "compact" })}
          />
          <Tooltip formatter={(v) => format.number(Number(v), { maximumFractionDigits: 2 })} />
          <Legend />
          {markers.map((m) => {
            // The label runs into the chart: rightwards in its first half, leftwards in its second (never clipped).
            const late = data.findIndex((d) => d.label === m.x) >= data.length / 2;
            return (
              <ReferenceLine
                key={`${m.x}-${m.label}`}
                x={m.x}
                stroke="#b45309"
                strokeDasharray="4 3"
                label={{
                  value: m.label,
                  position: late ? "insideTopRight" : "insideTopLeft",
                  fontSize: 11,
                  fill: "#92400e",
                }}
              />
            );
          })}
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
