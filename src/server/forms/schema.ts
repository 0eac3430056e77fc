import { z } from "zod";
import { Channel } from "@/generated/prisma/enums";
import { plainText } from "@/lib/plain-text";
import { ZEventType } from "@/server/leads/schema";

/** Lead fields a form can ask for (each maps onto the lead; everything else is a free question). */
export const FORM_LEAD_FIELDS = [
  "email",
  "name",
  "company",
  "title",
  "phone",
  "country",
  "companySize",
  "industry",
] as const;
export type FormLeadField = (typeof FORM_LEAD_FIELDS)[number];

/** A lead field's label when it is added to a form, in both languages (the marketer may reword it). */
export const DEFAULT_FIELD_LABELS: Record<FormLeadField, { en: string; it: string }> = {
  email: { en: "Work e-mail", it: "E-mail di lavoro" },
  name: { en: "Name", it: "Nome" },
  company: { en: "Company", it: "Azienda" },
  title: { en: "Job title", it: "Ruolo" },
  phone: { en: "Phone", it: "Telefono" },
  country: { en: "Country", it: "Paese" },
  companySize: { en: "Company size (employees)", it: "Dimensione aziendale (dipendenti)" },
  industry: { en: "Industry", it: "Settore" },
};

const ZBilingual = (max: number) => z.strictObject({ en: plainText(max), it: plainText(max) });
const ZLabel = ZBilingual(120).refine((label) => label.en !== "" || label.it !== "", "labelRequired");

const common = {
  required: z.boolean(),
  label: ZLabel,
  help: ZBilingual(300),
};

export const ZFormField = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("lead"), field: z.enum(FORM_LEAD_FIELDS), ...common }),
  z.strictObject({
    kind: z.literal("question"),
    /** Key of the answer in the event's properties. */
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "questionKey"),
    type: z.enum(["text", "textarea", "select"]),
    /** The choices of a select (the same words in both languages: product names, ranges). */
    options: z.array(plainText(80).pipe(z.string().min(1, "required"))).max(30),
    ...common,
  }),
]);
export type FormField = z.infer<typeof ZFormField>;

/** An origin a form may be embedded from, e.g. https://www.example.com (no path). */
export const ZOrigin = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  }, "origin");

export const ZFormDefinition = z
  .strictObject({
    fields: z.array(ZFormField).min(1).max(30),
    consent: z.strictObject({ required: z.boolean(), text: ZBilingual(1000) }),
    thankYou: ZBilingual(500),
    redirectUrl: z
      .string()
      .trim()
      .max(2000, "tooLong")
      .refine(
        (value) => value === "" || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
        "webhookUrl",
      ),
    /** What a submission records on the lead (and the scoring rules score): FORM_SUBMITTED, DEMO_REQUESTED, a custom type. */
    eventType: ZEventType,
    /** Channel and campaign of the leads it creates (a known lead keeps its own channel). */
    channel: z.enum(Channel, "unknownChannel"),
    campaign: plainText(200),
    allowedOrigins: z.array(ZOrigin).max(20),
  })
  .superRefine((form, ctx) => {
    const email = form.fields.find((f) => f.kind === "lead" && f.field === "email");
    if (!email) ctx.addIssue({ code: "custom", path: ["fields"], message: "emailFieldRequired" });
    else if (!email.required) ctx.addIssue({ code: "custom", path: ["fields"], message: "emailFieldRequired" });
    const seen = new Set<string>();
    form.fields.forEach((field, index) => {
      const id = field.kind === "lead" ? field.field : `q:${field.key}`;
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["fields", index], message: "duplicateField" });
      seen.add(id);
      if (field.kind === "question" && field.type === "select" && field.options.length < 2)
        ctx.addIssue({ code: "custom", path: ["fields", index, "options"], message: "twoOptions" });
    });
    if (form.consent.required && !form.consent.text.en && !form.consent.text.it)
      ctx.addIssue({ code: "custom", path: ["consent", "text"], message: "consentText" });
  });
export type FormDefinition = z.infer<typeof ZFormDefinition>;

export const ZFormInput = z.strictObject({
  name: plainText(120).pipe(z.string().min(1, "required")),
  definition: ZFormDefinition,
});
export type FormInput = z.infer<typeof ZFormInput>;

/** A new form: e-mail, name and company, consent asked, a demo request scored. */
export function starterDefinition(): FormDefinition {
  const blank = { en: "", it: "" };
  return {
    fields: [
      {
        kind: "lead",
        field: "email",
        required: true,
        label: { en: "Work e-mail", it: "E-mail di lavoro" },
        help: blank,
      },
      { kind: "lead", field: "name", required: true, label: { en: "Name", it: "Nome" }, help: blank },
      { kind: "lead", field: "company", required: false, label: { en: "Company", it: "Azienda" }, help: blank },
    ],
    consent: {
      required: true,
      text: {
        en: "I agree that my data is processed to answer this request, as described in the privacy notice.",
        it: "Acconsento al trattamento dei miei dati per rispondere a questa richiesta, come descritto nell'informativa privacy.",
      },
    },
    thankYou: { en: "Thank you! We will be in touch shortly.", it: "Grazie! Ti contatteremo a breve." },
    redirectUrl: "",
    eventType: "DEMO_REQUESTED",
    channel: "ORGANIC_SEARCH",
    campaign: "",
    allowedOrigins: [],
  };
}
