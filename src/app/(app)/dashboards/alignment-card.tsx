import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LazyTrendChart } from "@/components/charts/lazy";
import { ScrollRegion } from "@/components/scroll-region";
import { definitionChangeLabel, definitionChangeNote } from "@/lib/definition-change-label";
import { localDays } from "@/lib/local-days";
import type { Actor } from "@/server/auth/actor";
import { type AlignmentMonth, type AlignmentPart, alignmentIndex } from "@/server/metrics/alignment";
import { definitionChanges } from "@/server/metrics/definition-changes";
import { formulaLine } from "@/server/metrics/definitions";

const PARTS = ["commitment", "slaCompliance", "acceptance", "glossary"] as const;
type PartKey = (typeof PARTS)[number];
const PART_COLORS: Record<PartKey | "index", string> = {
  index: "#1f5fd1",
  commitment: "#16a34a",
  slaCompliance: "#b45309",
  acceptance: "#7c3aed",
  glossary: "#64748b",
};

/**
 * The alignment index: how well the agreement is kept on both sides, one
 * number a month with its four parts and each part's definition, the trend
 * over 12 months with the days the definitions changed, and its table. On a
 * manager's overview and in the goals view.
 */
export async function AlignmentCard({ actor }: { actor: Actor }) {
  const t = await getTranslations("alignment");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const trend = await alignmentIndex(actor);
  const first = trend.months[0];
  const changes = first
    ? await definitionChanges(actor.workspaceId, {
        from: localDays(`${first.month}-01`, undefined, trend.timeZone).from as Date,
        to: new Date(),
        timeZone: trend.timeZone,
      })
    : [];
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const points = (value: number | null) => (value === null ? "—" : format.number(value, { maximumFractionDigits: 1 }));
  // The headline: the last whole month (the one in progress is still growing), else the latest.
  const shown = [...trend.months].reverse().find((m) => !m.inProgress && m.index !== null) ?? trend.months.at(-1);
  const before = shown ? trend.months[trend.months.indexOf(shown) - 1] : undefined;
  const monthLabel = (m: AlignmentMonth) => (m.inProgress ? t("inProgress", { month: m.month }) : m.month);
  const changesOf = (m: AlignmentMonth) => changes.filter((c) => c.day.startsWith(m.month));
  const part = (m: AlignmentMonth, key: PartKey): AlignmentPart => m[key];
  const definition: Record<PartKey, string> = {
    commitment: t("definitions.commitment"),
    slaCompliance: formulaLine("sla-compliance", locale),
    acceptance: formulaLine("acceptance-rate", locale),
    glossary: t("definitions.glossary"),
  };

  return (
    <section className="card space-y-4" aria-labelledby="alignment" data-testid="alignment">
      <div>
        <h2 id="alignment" className="font-semibold">
          {t("title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">{formulaLine("alignment-index", locale)}.</p>
      </div>
      {shown && (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-4xl font-semibold tabular-nums" data-testid="alignment-index">
            {points(shown.index)}
          </p>
          <p className="text-sm text-slate-600">
            {monthLabel(shown)}
            {before?.index != null && shown.index !== null && (
              <>
                {" · "}
                {t("vsBefore", {
                  change: format.number(shown.index - before.index, {
                    maximumFractionDigits: 1,
                    signDisplay: "always",
                  }),
                  month: before.month,
                })}
              </>
            )}
          </p>
        </div>
      )}
      {shown && (
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="alignment-parts">
          {PARTS.map((key) => {
            const p = part(shown, key);
            return (
              <div key={key} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm font-medium">{t(`parts.${key}`)}</dt>
                <dd className="text-xl font-semibold tabular-nums">{percent(p.value)}</dd>
                <dd className="text-xs text-slate-600">
                  {p.value === null
                    ? t(`noData.${key}`)
                    : t(`counts.${key}`, { numerator: p.numerator, denominator: p.denominator })}
                </dd>
                <dd className="mt-1 text-xs text-slate-500">{definition[key]}</dd>
              </div>
            );
          })}
        </dl>
      )}
      <LazyTrendChart
        data={trend.months.map((m) => ({
          label: monthLabel(m),
          index: m.index,
          ...Object.fromEntries(
            PARTS.map((key) => [key, m[key].value === null ? null : Math.round(m[key].value * 1000) / 10]),
          ),
        }))}
        series={[
          { key: "index", label: t("title"), color: PART_COLORS.index },
          ...PARTS.map((key) => ({ key, label: t(`parts.${key}`), color: PART_COLORS[key] })),
        ]}
        markers={trend.months
          .filter((m) => changesOf(m).length > 0)
          .map((m) => ({
            x: monthLabel(m),
            label: changesOf(m)
              .map((c) => definitionChangeLabel(c, (k, v) => tAll(k, v)))
              .join(", "),
          }))}
      />
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">{t("tableView")}</summary>
        <ScrollRegion label={t("title")}>
          <table className="data-table" data-testid="alignment-table">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("month")}</th>
                <th scope="col" className="text-right">
                  {t("title")}
                </th>
                {PARTS.map((key) => (
                  <th key={key} scope="col" className="text-right">
                    {t(`parts.${key}`)}
                  </th>
                ))}
                <th scope="col">{tAll("dashboards.columns.definitionChange")}</th>
              </tr>
            </thead>
            <tbody>
              {trend.months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row" className="font-normal">
                    {monthLabel(m)}
                  </th>
                  <td className="text-right tabular-nums">{points(m.index)}</td>
                  {PARTS.map((key) => (
                    <td key={key} className="text-right tabular-nums">
                      {percent(m[key].value)}
                      {m[key].value !== null && (
                        <span className="block text-xs text-slate-500">
                          {format.number(m[key].numerator)}/{format.number(m[key].denominator)}
                        </span>
                      )}
                    </td>
                  ))}
                  <td className="text-sm">
                    {changesOf(m)
                      .map((c) => definitionChangeNote(c, (k, v) => tAll(k, v)))
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}
