import { getLocale, getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { type Locale, localized, termOptions } from "@/server/glossary/queries";
import { TERM_CATEGORIES } from "@/server/glossary/schema";
import { TermForm } from "../term-form";

export async function generateMetadata() {
  const t = await getTranslations("glossary");
  return { title: t("propose") };
}

export default async function NewTermPage() {
  const actor = await pageActor("glossary.propose");
  const t = await getTranslations("glossary");
  const locale = (await getLocale()) as Locale;
  const options = await termOptions(actor);
  const empty = { name: "", synonyms: "", definition: "", example: "" };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("propose")}</h1>
      <TermForm
        initial={{ category: "LIFECYCLE_STAGE", en: empty, it: empty, relatedTermIds: [], note: "" }}
        categories={TERM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        relatedOptions={options.map((o) => ({ id: o.id, name: localized(o, locale).name }))}
      />
    </div>
  );
}
