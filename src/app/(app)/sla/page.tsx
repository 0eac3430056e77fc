import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { TermHint } from "@/components/term-hint";
import { minuteToHhmm } from "@/lib/business-time";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { listAssignees } from "@/server/handoffs/queries";
import { getSla, listSlaVersions, slaInputOf } from "@/server/handoffs/sla";
import { listRoutingRules } from "@/server/handoffs/team";
import { leadFilterOptions } from "@/server/leads/list";
import { Availability } from "./availability";
import { RoutingRules } from "./routing-rules";
import { SlaForm } from "./sla-form";

export async function generateMetadata() {
  const t = await getTranslations("sla");
  return { title: t("heading") };
}

/** The agreement in plain words for both teams, its versions, who is available, and the routing rules. */
export default async function SlaPage() {
  const actor = await pageActor("handoffs.read");
  const [sla, versions, people, rules, options] = await Promise.all([
    getSla(actor),
    listSlaVersions(actor),
    listAssignees(actor),
    listRoutingRules(actor),
    leadFilterOptions(actor),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const days = sla.workingDays.map((d) => t(`sla.days.${d}`)).join(", ");
  const canEdit = can(actor.role, "sla.edit");
  const canAssign = can(actor.role, "handoffs.assign");
  const authors = new Map(people.map((p) => [p.userId, p.name]));

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("sla.heading")}</h1>
        <p className="text-slate-600">{t("sla.intro")}</p>
      </header>
      <section className="card space-y-3" aria-labelledby="agreement" data-testid="agreement">
        <h2 id="agreement" className="font-semibold">
          {t("sla.agreementTitle", { version: sla.version })}
        </h2>
        <p>
          <strong>{t("sla.salesSide")}</strong>{" "}
          {t.rich("sla.salesPromise", {
            hours: format.number(sla.responseHours),
            days,
            start: minuteToHhmm(sla.dayStartMinute),
            end: minuteToHhmm(sla.dayEndMinute),
            timeZone: sla.timeZone,
            mql: (chunks) => <TermHint termKey="mql">{chunks}</TermHint>,
          })}
        </p>
        <p>
          <strong>{t("sla.marketingSide")}</strong>{" "}
          {t.rich("sla.marketingPromise", {
            target: format.number(sla.mqlMonthlyTarget),
            mql: (chunks) => <TermHint termKey="mql">{chunks}</TermHint>,
          })}
        </p>
        <p>
          <strong>{t("sla.onBreach")}</strong> {t("sla.escalation", { k: sla.maxReassignments })}
        </p>
        <p className="text-sm text-slate-600">
          {t("sla.dueSoon", { minutes: sla.dueSoonMinutes })}{" "}
          {sla.holidays.length > 0
            ? t("sla.holidays", {
                list: sla.holidays
                  .map((d) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" }))
                  .join(", "),
              })
            : t("sla.noHolidays")}
        </p>
      </section>
      {canEdit && (
        <section className="card" aria-labelledby="edit-sla">
          <h2 id="edit-sla" className="mb-3 font-semibold">
            {t("sla.editTitle")}
          </h2>
          <SlaForm initial={slaInputOf(sla)} timeZones={Intl.supportedValuesOf("timeZone")} />
        </section>
      )}
      <section className="card" aria-labelledby="team">
        <h2 id="team" className="mb-3 font-semibold">
          {t("sla.teamTitle")}
        </h2>
        <Availability
          people={people.map((p) => ({ ...p, awayUntil: p.awayUntil?.toISOString() ?? null }))}
          me={actor.userId}
          canManage={canAssign}
        />
      </section>
      <section className="card" aria-labelledby="routing">
        <h2 id="routing" className="mb-3 font-semibold">
          {t("sla.routing.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("sla.routing.intro")}</p>
        {canAssign ? (
          <RoutingRules
            initial={rules}
            personas={options.personas}
            reps={people.filter((p) => p.role === "SALES").map((p) => ({ userId: p.userId, name: p.name }))}
          />
        ) : rules.length === 0 ? (
          <p className="text-sm text-slate-600">{t("sla.routing.none")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {rules.map((r) => (
              <li key={r.id}>
                {r.name}: {r.repUserIds.map((id) => authors.get(id) ?? "?").join(", ")}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="versions">
        <h2 id="versions" className="mb-3 font-semibold">
          {t("sla.versionsTitle")}
        </h2>
        <ScrollRegion label={t("sla.versionsTitle")}>
          <table className="data-table" data-testid="sla-versions">
            <thead>
              <tr>
                <th scope="col">{t("sla.version")}</th>
                <th scope="col">{t("sla.terms")}</th>
                <th scope="col">{t("sla.changedBy")}</th>
                <th scope="col">{t("sla.fields.note")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>v{v.version}</td>
                  <td>
                    {t("sla.versionTerms", {
                      hours: format.number(v.responseHours),
                      start: minuteToHhmm(v.dayStartMinute),
                      end: minuteToHhmm(v.dayEndMinute),
                      target: v.mqlMonthlyTarget,
                      k: v.maxReassignments,
                    })}
                  </td>
                  <td>
                    {v.createdById ? (authors.get(v.createdById) ?? "—") : t("sla.system")}
                    <time dateTime={v.createdAt.toISOString()} className="block text-xs text-slate-500">
                      {format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                  <td>{v.note === "default" ? t("sla.defaultNote") : v.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
