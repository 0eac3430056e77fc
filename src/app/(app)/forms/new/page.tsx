import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { pageActor } from "@/server/auth/current-actor";
import { starterDefinition } from "@/server/forms/schema";
import { editorChoices } from "../editor-data";
import { FormEditor } from "../form-editor";

export async function generateMetadata() {
  const t = await getTranslations("forms");
  return { title: t("new") };
}

export default async function NewFormPage() {
  const actor = await pageActor("forms.edit");
  const t = await getTranslations("forms");
  const { eventTypes, countries } = await editorChoices(actor, await getLocale());
  return (
    <div className="space-y-4">
      <BackLink href="/forms" label={t("back")} />
      <h1 className="text-2xl font-semibold">{t("new")}</h1>
      <FormEditor
        initial={{ name: "", definition: starterDefinition() }}
        consentVersion={0}
        eventTypes={eventTypes}
        countries={countries}
      />
    </div>
  );
}
