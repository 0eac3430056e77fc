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

export const norm = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, " ");

export function guessMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const found = headers.find((h) => SYNONYMS[field].includes(norm(h)));
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}
