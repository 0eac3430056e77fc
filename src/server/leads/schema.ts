import { z } from "zod";
import { Channel, LeadStage, LegalBasis } from "@/generated/prisma/enums";
import { plainText } from "@/lib/plain-text";
import { ZEmail } from "@/server/members/schema";

export const BUILT_IN_EVENT_TYPES = [
  "FORM_SUBMITTED",
  "DEMO_REQUESTED",
  "PRICING_PAGE_VIEWED",
  "PAGE_VIEWED",
  "CONTENT_DOWNLOADED",
  "EMAIL_OPENED",
  "EMAIL_CLICKED",
  "WEBINAR_ATTENDED",
  "EVENT_VISITED",
] as const;

const text = plainText;

/**
 * GDPR: the legal basis for processing the lead's data, where it was given
 * (e.g. "Demo form on /pricing", "Badge scan, Ecomondo 2026") and when
 * (default: when it is recorded).
 */
export const ZConsentFields = z.strictObject({
  legalBasis: z.enum(LegalBasis).optional(),
  consentSource: text(200).optional(),
  consentAt: z.iso
    .datetime({ offset: true, message: "isoDateTime" })
    .transform((value) => new Date(value))
    .optional(),
});

/** What an import declares for all its leads. */
export const ZImportConsent = ZConsentFields.pick({ legalBasis: true, consentSource: true });
export type ImportConsent = z.infer<typeof ZImportConsent>;

/**
 * A lead as sent by a form, the API or an import. Everything but the email is
 * optional: on an update by email, fields left out keep their stored value.
 * Unknown fields are refused (a typo must not silently lose data).
 */
export const ZLeadInput = z.strictObject({
  // erased-…@erased.invalid marks a lead whose personal data was erased (privacy/service.ts).
  email: ZEmail.refine((email) => !email.endsWith("@erased.invalid"), "reservedEmail"),
  name: text(200).optional(),
  phone: z
    .string()
    .trim()
    .max(40, "tooLong")
    .regex(/^[+0-9 ()./-]*$/, "invalidPhone")
    .optional(),
  company: text(200).optional(),
  title: text(200).optional(),
  industry: text(120).optional(),
  companySize: z
    .number("wholeNumber")
    .int("wholeNumber")
    .min(0, "notNegative")
    .max(10_000_000, "tooLarge")
    .nullable()
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "countryCode")
    .optional(),
  channel: z.enum(Channel, "unknownChannel").optional(),
  campaign: text(200).pipe(z.string().min(1, "required")).optional(),
  ...ZConsentFields.shape,
});
export type LeadInput = z.infer<typeof ZLeadInput>;

export const ZEventType = z
  .string()
  .trim()
  .min(1, "required")
  .max(64, "tooLong")
  .regex(/^[A-Z][A-Z0-9_]*$/, "eventTypeFormat");

export const ZLeadEventInput = z.strictObject({
  type: ZEventType,
  occurredAt: z.iso
    .datetime({ offset: true, message: "isoDateTime" })
    .transform((value) => new Date(value))
    .optional(),
  properties: z
    .record(z.string().max(100), z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]))
    .refine((value) => Object.keys(value).length <= 50, "tooMany")
    .optional(),
  campaign: text(200).pipe(z.string().min(1, "required")).optional(),
});
export type LeadEventInput = z.infer<typeof ZLeadEventInput>;

export const ZLeadListQuery = z.strictObject({
  stage: z.enum(LeadStage).optional(),
  updatedSince: z.iso.datetime({ offset: true, message: "isoDateTime" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
