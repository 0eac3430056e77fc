"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { TrendChart as Trend } from "./line-chart";

/**
 * The trend chart loads after the page: recharts (≈110 kB of JavaScript) stays
 * out of the first load, while the table under the chart — the same figures —
 * is in the server-rendered HTML. A box of the chart's height holds its place
 * meanwhile, so nothing shifts when it arrives. (Bar charts are plain HTML:
 * `bar-list.tsx`.)
 */
const LineChart = dynamic(() => import("./line-chart").then((m) => m.TrendChart), { ssr: false });

export function LazyTrendChart(props: ComponentProps<typeof Trend>) {
  return (
    <div style={{ minHeight: props.height ?? 260 }}>
      <LineChart {...props} />
    </div>
  );
}
