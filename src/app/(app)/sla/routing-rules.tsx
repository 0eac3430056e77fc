"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form-error";
import type { ActionError } from "@/server/action";
import { saveRoutingRulesAction } from "@/server/handoffs/actions";

type Rule = {
  name: string;
  personaId: string | null;
  countries: string;
  companySizeMin: string;
  companySizeMax: string;
  repUserIds: string[];
};
export type RoutingRuleView = Omit<Rule, "countries" | "companySizeMin" | "companySizeMax"> & {
  countries: string[];
  companySizeMin: number | null;
  companySizeMax: number | null;
};

const blank = (): Rule => ({
  name: "",
  personaId: null,
  countries: "",
  companySizeMin: "",
  companySizeMax: "",
  repUserIds: [],
});
const optionalNumber = (value: string) => (value.trim() === "" ? null : Number(value));

/** Which reps get which MQLs: first matching rule wins, round-robin inside it. Managers only. */
export function RoutingRules({
  initial,
  personas,
  reps,
}: {
  initial: RoutingRuleView[];
  personas: { id: string; name: string }[];
  reps: { userId: string; name: string }[];
}) {
  const t = useTranslations("sla.routing");
  const router = useRouter();
  const [rules, setRules] = useState<Rule[]>(
    initial.map((r) => ({
      ...r,
      countries: r.countries.join(", "),
      companySizeMin: r.companySizeMin?.toString() ?? "",
      companySizeMax: r.companySizeMax?.toString() ?? "",
    })),
  );
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const update = (index: number, patch: Partial<Rule>) =>
    setRules((all) => all.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const move = (index: number, by: number) =>
    setRules((all) => {
      const next = [...all];
      const [rule] = next.splice(index, 1);
      if (rule) next.splice(index + by, 0, rule);
      return next;
    });
  const fieldError = (index: number) =>
    Object.entries(error?.fieldErrors ?? {})
      .filter(([key]) => key.startsWith(`rules.${index}.`))
      .map(([key]) => t(`errors.${key.split(".")[2] ?? "invalid"}`));

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setSaved(false);
        startTransition(async () => {
          const result = await saveRoutingRulesAction({
            rules: rules.map((r) => ({
              name: r.name,
              personaId: r.personaId || null,
              countries: r.countries
                .split(/[\s,;]+/)
                .map((c) => c.trim())
                .filter(Boolean),
              companySizeMin: optionalNumber(r.companySizeMin),
              companySizeMax: optionalNumber(r.companySizeMax),
              repUserIds: r.repUserIds,
            })),
          });
          if (result.ok) {
            setSaved(true);
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      {rules.length === 0 && <p className="text-sm text-slate-600">{t("none")}</p>}
      <ol className="space-y-3">
        {rules.map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id until saved; position is their identity here.
          <li key={i} className="rounded border border-slate-200 p-3" data-testid="routing-rule">
            <fieldset className="space-y-2">
              <legend className="font-medium">{t("ruleN", { n: i + 1 })}</legend>
              <div className="flex flex-wrap gap-3">
                <label className="text-sm">
                  {t("name")}
                  <input className="input" value={rule.name} onChange={(e) => update(i, { name: e.target.value })} />
                </label>
                <label className="text-sm">
                  {t("persona")}
                  <select
                    className="input"
                    value={rule.personaId ?? ""}
                    onChange={(e) => update(i, { personaId: e.target.value || null })}
                  >
                    <option value="">{t("anyPersona")}</option>
                    {personas.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="text-sm">
                  {t("countries")}
                  <input
                    className="input w-40"
                    placeholder="IT, CH"
                    value={rule.countries}
                    onChange={(e) => update(i, { countries: e.target.value })}
                  />
                </label>
                <label className="text-sm">
                  {t("sizeMin")}
                  <input
                    className="input w-24"
                    type="number"
                    min={0}
                    value={rule.companySizeMin}
                    onChange={(e) => update(i, { companySizeMin: e.target.value })}
                  />
                </label>
                <label className="text-sm">
                  {t("sizeMax")}
                  <input
                    className="input w-24"
                    type="number"
                    min={0}
                    value={rule.companySizeMax}
                    onChange={(e) => update(i, { companySizeMax: e.target.value })}
                  />
                </label>
              </div>
              <fieldset>
                <legend className="text-sm">{t("reps")}</legend>
                <div className="flex flex-wrap gap-3">
                  {reps.map((rep) => (
                    <label key={rep.userId} className="flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={rule.repUserIds.includes(rep.userId)}
                        onChange={(e) =>
                          update(i, {
                            repUserIds: e.target.checked
                              ? [...rule.repUserIds, rep.userId]
                              : rule.repUserIds.filter((id) => id !== rep.userId),
                          })
                        }
                      />
                      {rep.name}
                    </label>
                  ))}
                </div>
              </fieldset>
              {fieldError(i).map((message) => (
                <p key={message} className="text-sm text-red-700">
                  {message}
                </p>
              ))}
              <div className="flex gap-2">
                <button type="button" className="btn-secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t("up")}
                </button>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t("down")}
                </button>
                <button
                  type="button"
                  className="btn-danger"
                  onClick={() => setRules((all) => all.filter((_, j) => j !== i))}
                >
                  {t("remove")}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={() => setRules((all) => [...all, blank()])}>
          {t("add")}
        </button>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("save")}
        </button>
      </div>
      <FormError error={error} />
      {saved && (
        <p role="status" className="text-sm text-green-800">
          {t("saved")}
        </p>
      )}
    </form>
  );
}
