"use client";

import { useTranslations } from "next-intl";
import { ScrollRegion } from "@/components/scroll-region";
import type { Preview } from "@/server/scoring/service";

type Option = { value: string; label: string };

/** What the draft would change: MQLs now and with the draft, by persona and channel, and a sample of leads. */
export function PreviewView({
  preview,
  personas,
  channels,
}: {
  preview: Preview;
  personas: Option[];
  channels: Option[];
}) {
  const t = useTranslations("rules");
  const personaName = new Map(personas.map((p) => [p.value, p.label]));
  const channelName = new Map(channels.map((c) => [c.value, c.label]));
  const table = (title: string, rows: Preview["byChannel"], name: (key: string) => string) => (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <ScrollRegion label={title}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{t("current")}</th>
              <th scope="col">{t("withDraft")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{name(row.key)}</td>
                <td className="tabular-nums">{row.published}</td>
                <td className="tabular-nums">{row.draft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
  return (
    <section className="card space-y-4" aria-labelledby="preview" data-testid="preview">
      <h2 id="preview" className="font-semibold">
        {t("previewTitle")}
      </h2>
      <p className="text-sm">
        {t("previewSummary", { leads: preview.leads, draft: preview.draft, published: preview.published })}
      </p>
      <p className="text-sm font-medium" data-testid="preview-outcome">
        {t("previewOutcome", { newMqls: preview.newMqls, changed: preview.changed })}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {table(t("byPersona"), preview.byPersona, (key) => (key ? (personaName.get(key) ?? key) : t("noPersona")))}
        {table(t("byChannel"), preview.byChannel, (key) => channelName.get(key) ?? key)}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("changes")}</h3>
        {preview.sample.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noChanges")}</p>
        ) : (
          <ul className="text-sm">
            {preview.sample.map((s) => (
              <li key={s.id}>
                <a href={`/leads/${s.id}`} className="text-brand-700 underline">
                  {s.email}
                </a>{" "}
                {s.publishedScore} → {s.draftScore} ({s.publishedQualifies ? "MQL" : "—"} →{" "}
                {s.draftQualifies ? "MQL" : "—"}){s.becomesMql && ` · ${t("becomesMql")}`}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
