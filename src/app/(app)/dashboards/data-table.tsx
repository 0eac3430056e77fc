import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { formatDuration } from "@/lib/duration";
import type { CellKind, Table } from "@/server/metrics/tables";

/**
 * A chart's table view: the same figures as the chart, readable by screen
 * readers and keyboard users, each row linking to its leads, with the CSV.
 */
export async function DataTable({ table, query }: { table: Table; query: string }) {
  const format = await getFormatter();
  const t = await getTranslations("dashboards");
  const cell = (value: string | number | null, kind: CellKind) => {
    if (value === null || value === "") return "—";
    if (typeof value === "string") return value;
    switch (kind) {
      case "ratio":
        return format.number(value, { style: "percent", maximumFractionDigits: 1 });
      case "eur":
        return format.number(value, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
      case "hours":
        return formatDuration(
          value,
          (n, digits) => format.number(n, { maximumFractionDigits: digits }),
          (key, values) => t(key, values),
        );
      default:
        return format.number(value);
    }
  };
  const csv = `/dashboards/export.csv?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), table: table.id })}`;
  return (
    <div className="space-y-2">
      <ScrollRegion label={table.title}>
        <table className="data-table" data-testid={`table-${table.id}`}>
          <caption className="sr-only">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.kind === "text" ? "" : "text-right"}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional figures of one computation.
              <tr key={r}>
                {row.cells.map((value, i) => {
                  const column = table.columns[i];
                  const text = cell(value, column?.kind ?? "text");
                  return (
                    <td key={column?.key ?? i} className={column?.kind === "text" ? "" : "text-right tabular-nums"}>
                      {i === 0 && row.href ? (
                        <Link href={row.href} className="text-brand-700 underline">
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <a href={csv} className="text-sm text-brand-700 underline" download>
        {t("downloadCsv", { title: table.title })}
      </a>
    </div>
  );
}
