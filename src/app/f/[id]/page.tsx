import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { openForm, recordView, startStamp } from "@/server/forms/submit";
import { countryOptions } from "@/server/imports/values";
import { submitHostedForm } from "./actions";
import { PublicForm } from "./public-form";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const form = await openForm((await params).id);
  const t = await getTranslations("publicForm");
  return { title: form?.name ?? t("closed"), robots: { index: false } };
}

/** A form's hosted page: the form alone, in the visitor's language, for a link or a website to point at. */
export default async function HostedFormPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ vid?: string | string[] }>;
}) {
  const { id } = await params;
  // A link from a tracked site may carry the visitor id (…/f/<id>?vid=…): their page views then follow the lead.
  const { vid } = await searchParams;
  const form = await openForm(id);
  if (!form) notFound();
  await recordView(form.id);
  const locale = (await getLocale()) === "it" ? "it" : "en";
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <div className="card">
        <h1 className="mb-4 text-xl font-semibold">{form.name}</h1>
        <PublicForm
          definition={form.definition}
          locale={locale}
          stamp={startStamp(form.id)}
          visitorId={typeof vid === "string" ? vid.slice(0, 64) : undefined}
          countries={countryOptions(locale)}
          action={submitHostedForm.bind(null, id)}
        />
      </div>
    </main>
  );
}
