import { getFormatter, getTranslations } from "next-intl/server";
import { ruleLabel } from "@/server/scoring/default-labels";
import { disqualifiersOf } from "@/server/scoring/explanation";

export type Explanation = {
  contributions?: { ruleId: string; label: string; kind: string; points: number; events?: number }[];
  disqualifiedBy?: { ruleId: string; label: string }[];
};

/** Why a lead has its score: the rules that fired, with points (lead page, handoff inbox), and the model's threshold. */
export async function ScoreExplanation({
  explanation,
  qualifies,
  threshold,
}: {
  explanation: unknown;
  qualifies: boolean;
  threshold?: number;
}) {
  const t = await getTranslations("leads");
  const tAll = await getTranslations();
  const label = (rule: { ruleId: string; label: string }) =>
    ruleLabel(rule, tAll as unknown as Parameters<typeof ruleLabel>[1]);
  const format = await getFormatter();
  const e = (explanation ?? {}) as Explanation;
  const disqualifiers = disqualifiersOf(explanation);
  const points = (n: number) => `${n > 0 ? "+" : ""}${format.number(n, { maximumFractionDigits: 2 })}`;
  return (
    <div>
      {/* A disqualifier keeps a lead out of MQL whatever its score: it is said first, never beside a green "meets". */}
      {disqualifiers.length > 0 ? (
        <p className="text-sm font-medium text-red-800" data-testid="qualifies">
          {t("disqualified", { rules: disqualifiers.map(label).join(", ") })}
          {threshold !== undefined && ` · ${t("threshold", { threshold })}`}
        </p>
      ) : (
        <p className={`text-sm ${qualifies ? "text-green-800" : "text-slate-600"}`} data-testid="qualifies">
          {qualifies ? t("qualifies") : t("doesNotQualify")}
          {threshold !== undefined && ` · ${t("threshold", { threshold })}`}
        </p>
      )}
      <h3 className="mt-4 mb-1 text-sm font-semibold">{t("why")}</h3>
      {e.contributions && e.contributions.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="score-explanation">
          {e.contributions.map((c) => (
            <li key={c.ruleId} className="flex justify-between gap-2 py-1">
              <span>
                {label(c)}
                {c.events !== undefined && (
                  <span className="text-slate-500"> ({t("events", { count: c.events })})</span>
                )}
              </span>
              <span className={`tabular-nums ${c.points < 0 ? "text-red-700" : "text-green-800"}`}>
                {points(c.points)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("noRules")}</p>
      )}
    </div>
  );
}
