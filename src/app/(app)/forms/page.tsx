import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badges";
import { pageActor } from "@/server/auth/current-actor";
import { listForms } from "@/server/forms/service";

export async function generateMetadata() {
  const t = await getTranslations("forms");
  return { title: t("title") };
}

/** The workspace's forms with how each converts: views → submissions → MQLs. */
export default async function FormsPage() {
  const actor = await pageActor("forms.edit");
  const t = await getTranslations("forms");
  const format = await getFormatter();
  const forms = await listForms(actor);
  const rate = (part: number, whole: number) =>
    whole > 0 ? format.number(part / whole, { style: "percent", maximumFractionDigits: 1 }) : "—";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/forms/tracking" className="btn-secondary">
            {t("trackingLink")}
          </Link>
          <Link href="/forms/new" className="btn-primary">
            {t("new")}
          </Link>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {forms.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {forms.map((form) => (
            <li key={form.id} className="card" data-testid={`form-${form.name}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/forms/${form.id}`} className="font-semibold underline-offset-2 hover:underline">
                  {form.name}
                </Link>
                <Badge tone={form.archivedAt ? "slate" : "green"}>{form.archivedAt ? t("archived") : t("open")}</Badge>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-slate-600">{t("views")}</dt>
                  <dd className="text-lg font-semibold">{format.number(form.views)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("submissions")}</dt>
                  <dd className="text-lg font-semibold">
                    {format.number(form.submissions)}{" "}
                    <span className="text-sm font-normal text-slate-600">({rate(form.submissions, form.views)})</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("mqls")}</dt>
                  <dd className="text-lg font-semibold">
                    {format.number(form.mqls)}{" "}
                    <span className="text-sm font-normal text-slate-600">({rate(form.mqls, form.leads)})</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("refused")}</dt>
                  <dd className="text-lg font-semibold">{format.number(form.refused)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
