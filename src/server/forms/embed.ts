import "server-only";
import { getTranslations } from "next-intl/server";
import { FIELD_AUTOCOMPLETE, FIELD_INPUT_TYPE } from "@/lib/form-field-inputs";
import { validationMessage } from "@/lib/validation-message";
import type { FieldErrors } from "@/server/errors";
import type { FormDefinition } from "@/server/forms/schema";
import { CONSENT_FIELD, HONEYPOT_FIELD, questionField, STARTED_FIELD, startStamp } from "@/server/forms/submit";
import { countryOptions } from "@/server/imports/values";

/**
 * What `/embed.js` needs to draw a form into another site's page: every text
 * already in the visitor's language, the fields with their input types and
 * choices, the honeypot's name and a fresh start stamp. Nothing secret.
 */

export type EmbedLocale = "en" | "it";

export function embedLocale(value: string | null | undefined): EmbedLocale {
  return value?.toLowerCase().startsWith("it") ? "it" : "en";
}

export async function embedForm(
  form: { id: string; publicId: string; name: string; definition: FormDefinition },
  locale: EmbedLocale,
) {
  const t = await getTranslations({ locale, namespace: "publicForm" });
  const { definition } = form;
  const pick = (text: { en: string; it: string }) => text[locale] || text.en || text.it;
  const countries = definition.fields.some((f) => f.kind === "lead" && f.field === "country")
    ? countryOptions(locale).map((c) => ({ value: c.code, label: c.name }))
    : [];
  return {
    id: form.publicId,
    name: form.name,
    locale,
    fields: definition.fields.map((field) => {
      const name = field.kind === "lead" ? field.field : questionField(field.key);
      const control =
        field.kind === "lead"
          ? field.field === "country"
            ? "select"
            : "input"
          : field.type === "select"
            ? "select"
            : field.type === "textarea"
              ? "textarea"
              : "input";
      return {
        name,
        control,
        type: field.kind === "lead" ? (FIELD_INPUT_TYPE[field.field] ?? "text") : "text",
        autocomplete: field.kind === "lead" ? (FIELD_AUTOCOMPLETE[field.field] ?? "") : "",
        label: pick(field.label),
        help: pick(field.help),
        required: field.required,
        options:
          field.kind === "lead" && field.field === "country"
            ? countries
            : field.kind === "question"
              ? field.options.map((option) => ({ value: option, label: option }))
              : [],
      };
    }),
    consent: pick(definition.consent.text)
      ? { name: CONSENT_FIELD, text: pick(definition.consent.text), required: definition.consent.required }
      : null,
    honeypot: HONEYPOT_FIELD,
    started: { name: STARTED_FIELD, value: startStamp(form.id) },
    texts: { send: t("send"), sending: t("sending"), choose: t("choose"), failed: t("failed"), closed: t("closed") },
  };
}

/** The answer to an accepted submission: what the visitor sees next. */
export function embedThanks(definition: FormDefinition, locale: EmbedLocale, fallback: string) {
  const pick = (text: { en: string; it: string }) => text[locale] || text.en || text.it;
  return {
    status: "sent" as const,
    thankYou: pick(definition.thankYou) || fallback,
    redirectUrl: definition.redirectUrl,
  };
}

/** Field errors in the visitor's words (the embed shows them under each field). */
export async function embedFieldErrors(fieldErrors: FieldErrors, locale: EmbedLocale) {
  const tv = await getTranslations({ locale, namespace: "validation" });
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([name, codes]) => [name, validationMessage(tv as never, codes[0] ?? "invalid")]),
  );
}
