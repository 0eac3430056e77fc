"use client";

import { useRouter } from "next/navigation";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarSeries = { key: string; label: string; color: string };
export type BarDatum = { label: string; href?: string } & Record<string, string | number | undefined>;

/**
 * A bar chart whose bars open the leads behind them. Decorative for screen
 * readers (`aria-hidden`): every chart is followed by its table view, which
 * carries the same figures and links (so the chart takes no keyboard focus either).
 */
export function LinkedBarChart({
  data,
  series,
  height = 260,
  testId,
}: {
  data: BarDatum[];
  series: BarSeries[];
  height?: number;
  testId?: string;
}) {
  const router = useRouter();
  const format = useFormatter();
  return (
    <div aria-hidden="true" data-testid={testId} style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => format.number(v, { notation: "compact" })} />
          <Tooltip formatter={(v) => format.number(Number(v), { maximumFractionDigits: 2 })} />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              cursor="pointer"
              onClick={(_, index) => {
                const href = data[index]?.href;
                if (href) router.push(href);
              }}
            >
              {data.map((d) => (
                <Cell key={d.label} className={d.href ? "cursor-pointer" : undefined} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
