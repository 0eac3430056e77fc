/**
 * The cells of a CSV's closed-set columns (channel, country) read as the
 * app's codes: the codes themselves, the names the app shows in English and
 * Italian, common words, and what the importer mapped by hand in the value
 * mapping step for the values nothing else recognised.
 */
import { Channel } from "@/generated/prisma/enums";
import { sortByName } from "@/lib/collate";
import { unguardCell } from "@/lib/csv";
import { norm } from "@/server/imports/mapping";
import en from "../../../messages/en.json";
import it from "../../../messages/it.json";

export const VALUE_FIELDS = ["channel", "country"] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
/** Per field: a normalised cell (see `norm`) → the code it stands for. */
export type ValueMapping = Partial<Record<ValueField, Record<string, string>>>;

const CHANNEL_WORDS: Record<string, Channel> = {
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
// The channel names the app itself shows, in both languages, read back as the channel (an export comes back in).
for (const messages of [en, it]) {
  for (const [code, label] of Object.entries(messages.channels)) CHANNEL_WORDS[norm(label)] = code as Channel;
}
for (const code of Object.values(Channel)) CHANNEL_WORDS[norm(code)] = code;

/** Two-letter codes that name no country (groupings, test and unknown regions). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"]);

/** Every ISO 3166 country code this runtime can name, in canonical form (ZR → CD is left out as an alias). */
export const COUNTRY_CODES: readonly string[] = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || names.of(code) === code) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.push(code);
    }
  }
  return codes;
})();

/** Every country as a choice, named in the reader's language and in their order. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return sortByName(
    COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })),
    (country) => country.name,
    locale,
  );
}

const COUNTRY_WORDS: Record<string, string> = {
  uk: "GB",
  "great britain": "GB",
  england: "GB",
  usa: "US",
  "united states of america": "US",
  america: "US",
  "stati uniti d'america": "US",
  holland: "NL",
  olanda: "NL",
};
for (const locale of ["en", "it"]) {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  for (const code of COUNTRY_CODES) COUNTRY_WORDS[norm(names.of(code) ?? code)] = code;
}
for (const code of COUNTRY_CODES) COUNTRY_WORDS[norm(code)] = code;

const RECOGNISE: Record<ValueField, (key: string) => string | undefined> = {
  channel: (key) => CHANNEL_WORDS[key],
  country: (key) => COUNTRY_WORDS[key],
};

/** The code a non-empty cell stands for, or undefined when neither the app nor the value mapping knows it. */
export function readValue(field: ValueField, cell: string, values: ValueMapping = {}): string | undefined {
  const key = norm(cell);
  return values[field]?.[key] ?? RECOGNISE[field](key);
}

export type UnknownValue = { value: string; key: string; rows: number };

/**
 * The distinct cells of the closed-set columns that nothing recognises, most
 * frequent first (the first spelling seen stands for its normalised key), for
 * the importer to map. At most `limit` per field; `distinct` says how many there were.
 */
export function unknownValues(
  records: readonly Record<string, string | undefined>[],
  columns: Partial<Record<ValueField, string>>,
  values: ValueMapping = {},
  limit = 50,
): Record<ValueField, { values: UnknownValue[]; distinct: number }> {
  const result = {} as Record<ValueField, { values: UnknownValue[]; distinct: number }>;
  for (const field of VALUE_FIELDS) {
    const column = columns[field];
    const found = new Map<string, UnknownValue>();
    if (column) {
      for (const record of records) {
        const cell = unguardCell(record[column]?.trim() ?? "");
        if (cell === "" || readValue(field, cell, values) !== undefined) continue;
        const key = norm(cell);
        const seen = found.get(key);
        if (seen) seen.rows++;
        else found.set(key, { value: cell, key, rows: 1 });
      }
    }
    const sorted = [...found.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
    result[field] = { values: sorted.slice(0, limit), distinct: sorted.length };
  }
  return result;
}
