import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { listPersonas } from "@/server/personas/queries";
import { PersonaAvatar } from "./avatar";

export async function generateMetadata() {
  const t = await getTranslations("personas");
  return { title: t("title") };
}

export default async function PersonasPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const actor = await pageActor("personas.read");
  const archived = (await searchParams).archived === "1";
  const t = await getTranslations("personas");
  const format = await getFormatter();
  const personas = await listPersonas(actor, { archived });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex gap-2">
          <Link href={archived ? "/personas" : "/personas?archived=1"} className="btn-secondary">
            {archived ? t("showActive") : t("showArchived")}
          </Link>
          {can(actor.role, "personas.edit") && (
            <Link href="/personas/new" className="btn-primary">
              {t("new")}
            </Link>
          )}
        </div>
      </div>
      {personas.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {personas.map((p) => (
            <li key={p.id} className="card flex gap-3">
              <PersonaAvatar initials={p.initials} color={p.color} />
              <div className="min-w-0">
                <Link href={`/personas/${p.id}`} className="font-semibold text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm text-slate-600">{[p.title, p.industry, p.region].filter(Boolean).join(" · ")}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {p.feedback.average !== null
                    ? t("averageRating", {
                        rating: format.number(p.feedback.average, { maximumFractionDigits: 1 }),
                        count: p.feedback.count,
                      })
                    : t("noRating")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
