import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Channel } from "@/generated/prisma/enums";
import { sortByName } from "@/lib/collate";
import { pageActor } from "@/server/auth/current-actor";
import { IMPORT_FIELDS } from "@/server/imports/mapping";
import { listImports } from "@/server/imports/service";
import { COUNTRY_CODES } from "@/server/imports/values";
import { ImportForm } from "./import-form";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function ImportPage() {
  const actor = await pageActor("leads.write");
  const t = await getTranslations();
  const format = await getFormatter();
  const imports = await listImports(actor);
  const locale = await getLocale();
  const countryNames = new Intl.DisplayNames([locale], { type: "region" });
  // What a cell nothing recognises can be mapped to, in the reader's words and order.
  const valueOptions = {
    channel: Object.values(Channel).map((code) => ({ value: code, label: t(`channels.${code}`) })),
    country: sortByName(
      COUNTRY_CODES.map((code) => ({ value: code, label: `${countryNames.of(code) ?? code} (${code})` })),
      (option) => option.label,
      locale,
    ),
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("import.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("import.intro")}</p>
      </div>
      <ImportForm
        fields={IMPORT_FIELDS.map((f) => ({ value: f, label: t(`leads.${f}`) }))}
        valueOptions={valueOptions}
      />
      <section className="card" aria-labelledby="recent">
        <h2 id="recent" className="mb-2 font-semibold">
          {t("import.recent")}
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("import.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {imports.map((job) => (
              <li key={job.id} className="flex justify-between gap-3 py-2">
                <Link href={`/leads/import/${job.id}`} className="text-brand-700 underline">
                  {job.fileName}
                </Link>
                <span className="text-slate-600">
                  {t(`import.statuses.${job.status}`)} ·{" "}
                  {t("import.progress", { processed: job.processedRows, total: job.totalRows })} ·{" "}
                  {format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
