import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { CopyButton } from "@/components/copy-button";
import { appUrl } from "@/env";
import { embedSnippet } from "@/lib/website-snippets";
import { pageActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { getForm } from "@/server/forms/service";
import { editorChoices } from "../editor-data";
import { FormEditor } from "../form-editor";
import { ArchiveButton } from "./archive-button";

export async function generateMetadata() {
  const t = await getTranslations("forms");
  return { title: t("edit") };
}

export default async function EditFormPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("forms.edit");
  const { id } = await params;
  const t = await getTranslations("forms");
  const form = await getForm(actor, id).catch((error) => {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  });
  const { eventTypes, countries } = await editorChoices(actor, await getLocale());
  const hosted = `${appUrl()}/f/${form.publicId}`;
  const embed = embedSnippet(appUrl(), form.publicId);
  return (
    <div className="space-y-4">
      <BackLink href="/forms" label={t("back")} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold break-words">{form.name}</h1>
        <ArchiveButton formId={form.id} archived={form.archivedAt !== null} />
      </div>
      <section className="card space-y-2" aria-labelledby="share-title">
        <h2 id="share-title" className="font-semibold">
          {t("hostedPage")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <input
            readOnly
            value={hosted}
            aria-label={t("hostedPage")}
            className="input w-full min-w-0 font-mono sm:w-auto sm:flex-1"
          />
          <CopyButton value={hosted} label={t("copyLink")} />
          <a href={`/f/${form.publicId}`} target="_blank" rel="noreferrer" className="btn-secondary">
            {t("openPage")}
          </a>
        </div>
      </section>
      <section className="card space-y-2" aria-labelledby="embed-title">
        <h2 id="embed-title" className="font-semibold">
          {t("embedTitle")}
        </h2>
        <p id="embed-hint" className="text-sm text-slate-600">
          {t("embedHint")}
        </p>
        {form.definition.allowedOrigins.length === 0 && (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("embedNoOrigins")}
          </p>
        )}
        <textarea
          readOnly
          rows={3}
          value={embed}
          aria-labelledby="embed-title"
          aria-describedby="embed-hint"
          data-testid="embed-snippet"
          className="input font-mono text-xs"
        />
        <CopyButton value={embed} label={t("copySnippet")} />
      </section>
      <FormEditor
        formId={form.id}
        initial={{ name: form.name, definition: form.definition }}
        consentVersion={form.consentVersion}
        eventTypes={eventTypes}
        countries={countries}
      />
    </div>
  );
}
