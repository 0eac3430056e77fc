import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { listAuditActions, listAuditEntries } from "@/server/audit/queries";
import { pageActor } from "@/server/auth/current-actor";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function summarise(value: unknown): string {
  if (value === null || value === undefined) return "–";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await pageActor("audit.read");
  const params = await searchParams;
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const actions = await listAuditActions(actor);
  const action = params.action && actions.includes(params.action) ? params.action : undefined;
  const before = params.before && /^\d{1,19}$/.test(params.before) ? BigInt(params.before) : undefined;
  const { entries, nextBefore } = await listAuditEntries(actor, { action, before });

  return (
    <section className="card overflow-x-auto" aria-labelledby="audit-title">
      <h2 id="audit-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <form className="mb-4 flex items-end gap-2" method="get">
        <div>
          <label htmlFor="audit-action" className="label">
            {t("filterAction")}
          </label>
          <select id="audit-action" name="action" defaultValue={action ?? ""} className="input">
            <option value="">{t("allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("apply")}
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ScrollRegion label={t("title")}>
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("entity")}</th>
                <th scope="col">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap">
                    <time dateTime={entry.createdAt.toISOString()}>
                      {format.dateTime(entry.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td>
                    {entry.actorName ? <bdi>{entry.actorName}</bdi> : t("system")}
                    {entry.apiTokenId && <span className="ml-1 text-xs text-slate-500">({t("viaApi")})</span>}
                  </td>
                  <td className="font-mono text-xs">{entry.action}</td>
                  <td className="text-xs">
                    {entry.entityType}
                    {entry.entityId && <span className="block font-mono text-slate-500">{entry.entityId}</span>}
                  </td>
                  <td className="max-w-md break-all font-mono text-xs text-slate-600">
                    {summarise(entry.before)} → {summarise(entry.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {before && (
          <Link
            className="text-brand-700 underline"
            href={`/settings/audit${action ? `?action=${encodeURIComponent(action)}` : ""}`}
          >
            {t("newest")}
          </Link>
        )}
        {nextBefore && (
          <Link
            className="text-brand-700 underline"
            href={`/settings/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: nextBefore })}`}
          >
            {t("older")}
          </Link>
        )}
      </div>
    </section>
  );
}
