"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError, FormError } from "@/components/form-error";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionError } from "@/server/action";
import { setAvailabilityAction } from "@/server/handoffs/actions";

type Person = { userId: string; name: string; role: string; away: boolean; awayUntil: string | null };

/** Who receives handoffs now: a rep marks themself away (holiday); a manager anyone. */
export function Availability({ people, me, canManage }: { people: Person[]; me: string; canManage: boolean }) {
  const t = useTranslations("sla");
  const format = useFormatter();
  const router = useRouter();
  const [until, setUntil] = useState<Record<string, string>>({});
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (userId: string, away: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await setAvailabilityAction({ userId, away, awayUntil: away ? until[userId] || null : null });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  return (
    <div className="space-y-2">
      <ScrollRegion label={t("teamTitle")}>
        <table className="data-table" data-testid="availability">
          <thead>
            <tr>
              <th scope="col">{t("person")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="sr-only">{t("change")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const editable = canManage || p.userId === me;
              return (
                <tr key={p.userId}>
                  <td>{p.name}</td>
                  <td>
                    {p.away
                      ? p.awayUntil
                        ? t("awayUntil", { date: format.dateTime(new Date(p.awayUntil), { dateStyle: "medium" }) })
                        : t("awayNoEnd")
                      : t("available")}
                  </td>
                  <td>
                    {editable &&
                      (p.away ? (
                        <button
                          type="button"
                          className="btn-secondary"
                          disabled={pending}
                          onClick={() => change(p.userId, false)}
                        >
                          {t("markBack", { name: p.name })}
                        </button>
                      ) : (
                        <div className="flex flex-wrap items-center gap-2">
                          <label className="text-xs text-slate-600">
                            {t("until")}
                            <input
                              type="date"
                              className="input ml-1 w-40"
                              value={until[p.userId] ?? ""}
                              onChange={(e) => setUntil((u) => ({ ...u, [p.userId]: e.target.value }))}
                            />
                          </label>
                          <button
                            type="button"
                            className="btn-secondary"
                            disabled={pending}
                            onClick={() => change(p.userId, true)}
                          >
                            {t("markAway", { name: p.name })}
                          </button>
                        </div>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <FieldError error={error} field="awayUntil" />
      <FormError error={error && error.code !== "validation" ? error : null} />
    </div>
  );
}
