/**
 * Column mapping of a lead CSV (pure): which CSV column feeds which lead
 * field, a best guess from the header names, and one row turned into the
 * input the lead schema validates.
 */
export const IMPORT_FIELDS = [
  "email",
  "name",
  "phone",
  "company",
  "title",
  "industry",
  "companySize",
  "country",
  "channel",
  "campaign",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, string>>;

const SYNONYMS: Record<ImportField, string[]> = {
  email: ["email", "e mail", "mail", "email address", "indirizzo email"],
  name: ["name", "full name", "nome", "nome e cognome", "contact"],
  phone: ["phone", "telephone", "tel", "mobile", "telefono", "cellulare"],
  company: ["company", "organisation", "organization", "azienda", "societa", "società"],
  title: ["title", "job title", "role", "ruolo", "qualifica", "position"],
  industry: ["industry", "sector", "settore"],
  companySize: ["company size", "employees", "size", "dipendenti", "dimensione"],
  country: ["country", "paese", "nazione", "country code"],
  channel: ["channel", "source", "canale", "fonte"],
  campaign: ["campaign", "utm campaign", "campagna"],
};

const norm = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, " ");

export function guessMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const found = headers.find((h) => SYNONYMS[field].includes(norm(h)));
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

const CHANNEL_WORDS: Record<string, string> = {
  organic: "ORGANIC_SEARCH",
  seo: "ORGANIC_SEARCH",
  "organic search": "ORGANIC_SEARCH",
  paid: "PAID_SEARCH",
  ppc: "PAID_SEARCH",
  "paid search": "PAID_SEARCH",
  social: "SOCIAL",
  email: "EMAIL",
  event: "EVENTS",
  events: "EVENTS",
  "trade fair": "EVENTS",
  fiera: "EVENTS",
  referral: "REFERRAL",
  direct: "DIRECT",
  partner: "PARTNER",
  other: "OTHER",
};

/** One CSV record → lead input (empty cells are left out, so an update keeps the stored value). */
export function rowToLeadInput(record: Record<string, string | undefined>, mapping: Mapping): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const raw = record[column]?.trim() ?? "";
    if (raw === "" && field !== "email") continue;
    if (field === "companySize") {
      const digits = raw.replace(/[\s.,'](?=\d{3}\b)/g, "");
      input.companySize = /^\d+$/.test(digits) ? Number(digits) : raw;
    } else if (field === "channel") {
      input.channel = CHANNEL_WORDS[norm(raw)] ?? raw.toUpperCase().replace(/\s+/g, "_");
    } else {
      input[field] = raw;
    }
  }
  return input;
}
