import Papa from "papaparse";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { guessMapping, IMPORT_FIELDS } from "@/server/imports/mapping";
import { createImport, getImport, runImport } from "@/server/imports/service";
import { leadsCsv } from "@/server/leads/export-csv";
import { ZLeadFilter } from "@/server/leads/list";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";
import { freshWorkspace } from "@/server/seed/factories";
import en from "../../messages/en.json";
import it_ from "../../messages/it.json";

async function exportText(actor: Parameters<typeof leadsCsv>[0], locale: "en" | "it") {
  const t = createTranslator({ locale, messages: locale === "en" ? en : it_ });
  let text = "";
  for await (const chunk of leadsCsv(actor, ZLeadFilter.parse({}), t as unknown as (key: string) => string)) {
    text += chunk;
  }
  // What a browser's file reader hands the import: the text without its byte-order mark.
  return text.replace(/^\uFEFF/, "");
}

const LEADS = [
  {
    email: "giulia@roundtrip.test",
    name: "Giulia Ferrari",
    phone: "+39 02 1234 5678",
    company: "Ferrari, Logistica & Co.",
    title: "Fleet manager",
    industry: "Logistics",
    companySize: 523,
    country: "IT",
    channel: "EVENTS",
    campaign: "Transpotec 2026",
  },
  {
    email: "minus@roundtrip.test",
    name: "Meno Quaranta",
    title: "-40",
    company: "=Cold Chain",
    channel: "PAID_SEARCH",
  },
  { email: "plain@roundtrip.test" },
];

describe("leads export", { timeout: 60_000 }, () => {
  for (const locale of ["en", "it"] as const) {
    it(`reads as people read it (${locale}) and imports back with no rejected row and no change`, async () => {
      const ws = await freshWorkspace(`Round trip ${locale}`);
      for (const lead of LEADS) {
        await db.$transaction((tx) => captureLead(tx, ws.marketer, ZLeadInput.parse(lead)));
      }
      const fields = {
        email: true,
        name: true,
        phone: true,
        company: true,
        title: true,
        industry: true,
        companySize: true,
        country: true,
        channel: true,
        campaignId: true,
        stage: true,
        personaId: true,
        ownerId: true,
      } as const;
      const before = await db.lead.findMany({
        where: { workspaceId: ws.workspace.id },
        select: fields,
        orderBy: { email: "asc" },
      });

      const csv = await exportText(ws.marketer, locale);
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      const header = parsed.meta.fields ?? [];
      const messages = locale === "en" ? en : it_;
      // Names, not codes or ids; the phone and the negative-looking name unchanged, the formula defused.
      const giulia = parsed.data.find((r) => r[messages.leadExport.email] === "giulia@roundtrip.test");
      expect(giulia?.[messages.leadExport.channel]).toBe(messages.channels.EVENTS);
      expect(giulia?.[messages.leadExport.stage]).toBe(messages.leads.stages.LEAD);
      expect(giulia?.[messages.leadExport.campaign]).toBe("Transpotec 2026");
      expect(giulia?.[messages.leadExport.phone]).toBe("+39 02 1234 5678");
      const minus = parsed.data.find((r) => r[messages.leadExport.email] === "minus@roundtrip.test");
      expect(minus?.[messages.leadExport.title]).toBe("-40");
      expect(minus?.[messages.leadExport.company]).toBe("'=Cold Chain");

      // The import recognises every column it can take from the export's headers.
      const mapping = guessMapping(header);
      expect(Object.keys(mapping).sort()).toEqual([...IMPORT_FIELDS].sort());
      const job = await createImport(ws.marketer, {
        fileName: "export.csv",
        content: csv,
        mapping,
      });
      await runImport(job.id);
      const done = await getImport(ws.marketer, job.id);
      expect(done).toMatchObject({
        status: "COMPLETED",
        rejectedCount: 0,
        createdCount: 0,
        updatedCount: LEADS.length,
      });
      const after = await db.lead.findMany({
        where: { workspaceId: ws.workspace.id },
        select: fields,
        orderBy: { email: "asc" },
      });
      expect(after).toEqual(before);
    });
  }
});
