import Link from "next/link";

export type BarListSeries = { key: string; label: string; color: string };
export type BarListRow = {
  label: string;
  /** One value per series key. */
  values: Record<string, number>;
  /** Each value as people read it ("1.234", "12.345 €"). */
  shown: Record<string, string>;
  href?: string;
  /** A short line under the bars (e.g. "3.9 % of Lead"). */
  note?: string;
};

/**
 * Horizontal bars, one row per category, every category named in full and
 * every bar labelled with its value. A whole row opens the leads behind it, so
 * a stage with 1 lead among 500 (a bar one pixel long) is as easy to click as
 * the largest. Drawn in HTML and CSS, no chart library: nothing to load, and a
 * phone wraps the names instead of dropping them.
 *
 * Decorative for screen readers (`aria-hidden`, rows out of the tab order):
 * every chart is followed by its table view, with the same figures and links.
 */
export function BarList({ rows, series, testId }: { rows: BarListRow[]; series: BarListSeries[]; testId?: string }) {
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const rowBody = (row: BarListRow) => (
    <>
      <span className="text-sm text-slate-800">{row.label}</span>
      <span className="min-w-0 space-y-1">
        {series.map((s) => {
          const value = row.values[s.key] ?? 0;
          return (
            <span key={s.key} className="flex items-center gap-2" data-series={s.key}>
              <span
                className="h-3 shrink-0 rounded-sm"
                style={{
                  backgroundColor: s.color,
                  // A value above zero always shows a sliver; zero shows none.
                  width: max > 0 && value > 0 ? `max(3px, calc((100% - 5.5rem) * ${value / max}))` : 0,
                }}
              />
              <span className="text-xs tabular-nums text-slate-700" data-testid="bar-value">
                {row.shown[s.key]}
              </span>
            </span>
          );
        })}
        {row.note && <span className="block text-xs text-slate-500">{row.note}</span>}
      </span>
    </>
  );
  const rowClass =
    "grid min-h-9 grid-cols-[minmax(5.5rem,32%)_minmax(0,1fr)] items-center gap-3 rounded-md px-2 py-1.5 md:grid-cols-[11rem_minmax(0,1fr)]";
  return (
    <figure aria-hidden="true" data-testid={testId} className="space-y-2">
      {series.length > 1 && (
        <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {series.map((s) => (
            <span key={s.key} className="flex items-center gap-1.5">
              <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <ul className="space-y-0.5">
        {rows.map((row) => (
          <li key={row.label} data-testid="bar-row">
            {row.href ? (
              <Link href={row.href} tabIndex={-1} className={`${rowClass} hover:bg-brand-50`}>
                {rowBody(row)}
              </Link>
            ) : (
              <div className={rowClass}>{rowBody(row)}</div>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
