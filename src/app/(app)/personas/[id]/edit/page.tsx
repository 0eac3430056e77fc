import { getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { found } from "@/server/page-data";
import { getPersona } from "@/server/personas/queries";
import { CHANNELS } from "@/server/personas/schema";
import { toFormValues } from "../../form-values";
import { PersonaForm } from "../../persona-form";

export default async function EditPersonaPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("personas.edit");
  const { persona } = await found(getPersona(actor, (await params).id));
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("personas.edit")}: {persona.name}
      </h1>
      <PersonaForm
        personaId={persona.id}
        version={persona.version}
        initial={toFormValues(persona)}
        channels={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
      />
    </div>
  );
}
