import { getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { CHANNELS } from "@/server/personas/schema";
import { EMPTY_PERSONA } from "../form-values";
import { PersonaForm } from "../persona-form";

export async function generateMetadata() {
  const t = await getTranslations("personas");
  return { title: t("new") };
}

export default async function NewPersonaPage() {
  await pageActor("personas.edit");
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("personas.new")}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t("personas.matchingNote")}</p>
      <PersonaForm initial={EMPTY_PERSONA} channels={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
    </div>
  );
}
