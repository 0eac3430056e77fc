/**
 * One CSV record turned into the input the lead schema validates (server
 * side: it reads both languages' channel and country names, which the
 * browser's mapping step has no need to load).
 */
import { unguardCell } from "@/lib/csv";
import { IMPORT_FIELDS, type Mapping } from "@/server/imports/mapping";
import { readValue, type ValueMapping } from "@/server/imports/values";

/**
 * One CSV record → lead input (empty cells are left out, so an update keeps
 * the stored value). A cell nothing recognises goes through as it is, for the
 * schema to refuse with a reason.
 */
export function rowToLeadInput(
  record: Record<string, string | undefined>,
  mapping: Mapping,
  values: ValueMapping = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const raw = unguardCell(record[column]?.trim() ?? "");
    if (raw === "" && field !== "email") continue;
    if (field === "companySize") {
      const digits = raw.replace(/[\s.,'](?=\d{3}\b)/g, "");
      input.companySize = /^\d+$/.test(digits) ? Number(digits) : raw;
    } else if (field === "channel" || field === "country") {
      input[field] = readValue(field, raw, values) ?? raw;
    } else {
      input[field] = raw;
    }
  }
  return input;
}
