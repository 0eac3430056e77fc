import type { Lead } from "@/generated/prisma/client";
import type { LegalBasis } from "@/generated/prisma/enums";
import type { LeadInput } from "@/server/leads/schema";

/** The stored fields of a captured lead: what the input gives, else what the lead had (`before`), else defaults. */
export function leadFields(input: LeadInput, before: Lead | null, campaign: string | undefined, now: Date) {
  const channel = input.channel ?? before?.channel ?? "OTHER";
  return {
    name: input.name ?? before?.name ?? "",
    phone: input.phone ?? before?.phone ?? "",
    company: input.company ?? before?.company ?? "",
    title: input.title ?? before?.title ?? "",
    industry: input.industry ?? before?.industry ?? "",
    companySize: input.companySize !== undefined ? input.companySize : (before?.companySize ?? null),
    country: input.country ?? before?.country ?? "",
    channel,
    campaignId: campaign ?? before?.campaignId ?? null,
    ...consentFields(input, before, now),
  };
}

/** A legal basis sent with the lead replaces the recorded one (with its source and time); otherwise they stay. */
function consentFields(
  input: LeadInput,
  before: { legalBasis: LegalBasis | null; consentSource: string; consentAt: Date | null } | null,
  now: Date,
) {
  if (input.legalBasis) {
    return {
      legalBasis: input.legalBasis,
      consentSource: input.consentSource ?? "",
      consentAt: input.consentAt ?? now,
    };
  }
  return {
    legalBasis: before?.legalBasis ?? null,
    consentSource: input.consentSource ?? before?.consentSource ?? "",
    consentAt: before?.consentAt ?? null,
  };
}
