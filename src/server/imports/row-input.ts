/**
 * One CSV record turned into the input the lead schema validates (server
 * side: it reads both languages' channel names, which the browser's mapping
 * step has no need to load).
 */
import { unguardCell } from "@/lib/csv";
import { IMPORT_FIELDS, type Mapping, norm } from "@/server/imports/mapping";
import en from "../../../messages/en.json";
import it from "../../../messages/it.json";

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

// The channel names the app itself shows, in both languages, read back as the channel (an export comes back in).
for (const messages of [en, it]) {
  for (const [code, label] of Object.entries(messages.channels)) CHANNEL_WORDS[norm(label)] = code;
}
for (const code of Object.keys(en.channels)) CHANNEL_WORDS[norm(code)] = code;

/** One CSV record → lead input (empty cells are left out, so an update keeps the stored value). */
export function rowToLeadInput(record: Record<string, string | undefined>, mapping: Mapping): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const raw = unguardCell(record[column]?.trim() ?? "");
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
