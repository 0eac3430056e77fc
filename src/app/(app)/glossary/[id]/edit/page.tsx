import { getLocale, getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { getTermDetail, type Locale, localized, termOptions } from "@/server/glossary/queries";
import { TERM_CATEGORIES } from "@/server/glossary/schema";
import { found } from "@/server/page-data";
import { TermForm } from "../../term-form";

export async function generateMetadata() {
  const t = await getTranslations("glossary");
  return { title: t("proposeChange") };
}

export default async function EditTermPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("glossary.propose");
  const { id } = await params;
  const term = await found(getTermDetail(actor, id));
  const t = await getTranslations("glossary");
  const locale = (await getLocale()) as Locale;
  const options = (await termOptions(actor)).filter((o) => o.id !== term.id);
  // Start from the definition in force, or from the latest proposal before any agreement.
  const base = term.inForce ?? term.revisions[0];
  const lang = (l: "En" | "It") => ({
    name: base?.[`name${l}`] ?? "",
    synonyms: (base?.[`synonyms${l}`] ?? []).join(", "),
    definition: base?.[`definition${l}`] ?? "",
    example: base?.[`example${l}`] ?? "",
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("proposeChange")}: {localized(term, locale).name}
      </h1>
      <TermForm
        termId={term.id}
        initial={{
          category: base?.category ?? term.category,
          en: lang("En"),
          it: lang("It"),
          relatedTermIds: base?.relatedTermIds ?? [],
          note: "",
        }}
        categories={TERM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        relatedOptions={options.map((o) => ({ id: o.id, name: localized(o, locale).name }))}
      />
    </div>
  );
}
