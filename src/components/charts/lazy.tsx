"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { LinkedBarChart as Bar } from "./bar-chart";
import type { TrendChart as Trend } from "./line-chart";

/**
 * The charts load after the page: recharts (≈110 kB of JavaScript) stays out
 * of the first load, while the tables under each chart — the same figures —
 * are in the server-rendered HTML. A box of the chart's height holds its place
 * meanwhile, so nothing shifts when it arrives.
 */
const BarChart = dynamic(() => import("./bar-chart").then((m) => m.LinkedBarChart), { ssr: false });
const LineChart = dynamic(() => import("./line-chart").then((m) => m.TrendChart), { ssr: false });

export function LazyBarChart(props: ComponentProps<typeof Bar>) {
  return (
    <div style={{ minHeight: props.height ?? 260 }}>
      <BarChart {...props} />
    </div>
  );
}

export function LazyTrendChart(props: ComponentProps<typeof Trend>) {
  return (
    <div style={{ minHeight: props.height ?? 260 }}>
      <LineChart {...props} />
    </div>
  );
}
