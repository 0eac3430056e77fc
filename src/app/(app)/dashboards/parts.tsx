import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import { formatDuration } from "@/lib/duration";
import type { Actor } from "@/server/auth/actor";
import type { MetricsFilter } from "@/server/metrics/filter";
import type { Table } from "@/server/metrics/tables";
import { DataTable } from "./data-table";

/** What every dashboard view receives: who reads, the filter with its period resolved, and the page's query. */
export type ViewProps = { actor: Actor; filter: MetricsFilter; query: string };

export const COLORS = { blue: "#1f5fd1", green: "#15803d", amber: "#b45309", slate: "#475569", red: "#b91c1c" };

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** The dashboards' number formats: percentages, hours, euros and counts, "—" where there is no figure. */
export function dashboardFormats(format: Formatter, t: Translator) {
  const num = (value: number, digits: number) => format.number(value, { maximumFractionDigits: digits });
  return {
    pct: (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 })),
    hours: (v: number | null) =>
      v === null ? "—" : formatDuration(v, num, (key, values) => t(`dashboards.${key}`, values)),
    eur: (v: number | null) =>
      v === null ? "—" : format.number(v, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
    count: (v: number) => format.number(v),
  };
}

/** The message function as the shared table builders take it (keys built at run time). */
export function looseT(t: Translator) {
  return t as unknown as (key: string, values?: Record<string, string | number>) => string;
}

export function Kpi({
  label,
  value,
  sub,
  href,
}: {
  label: React.ReactNode;
  value: string;
  sub?: string;
  href?: string;
}) {
  return (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="text-brand-800 hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {sub && <dd className="text-xs text-slate-600">{sub}</dd>}
    </div>
  );
}

/** A figure's card: title, an optional note and chart, then its table view (with the CSV). */
export function MetricSection({
  table,
  query,
  chart,
  note,
}: {
  table: Table;
  query: string;
  chart?: React.ReactNode;
  note?: React.ReactNode;
}) {
  return (
    <section className="card space-y-3" aria-labelledby={`h-${table.id}`}>
      <h2 id={`h-${table.id}`} className="font-semibold">
        {table.title}
      </h2>
      {note}
      {chart}
      <DataTable table={table} query={query} />
    </section>
  );
}
