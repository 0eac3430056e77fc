import { csvRow } from "@/lib/csv";
import { routeActor } from "@/server/auth/current-actor";
import { exportLeads, ZLeadFilter } from "@/server/leads/list";

export const dynamic = "force-dynamic";

const COLUMNS = [
  "id",
  "email",
  "name",
  "phone",
  "company",
  "title",
  "industry",
  "companySize",
  "country",
  "channel",
  "stage",
  "fitScore",
  "engagementScore",
  "totalScore",
  "qualifies",
  "personaId",
  "campaignId",
  "ownerId",
  "createdAt",
] as const;

/** The leads of the current filter as CSV, streamed in batches (works for a million rows). */
export async function GET(request: Request) {
  const actor = await routeActor("leads.read");
  if (actor instanceof Response) return actor;
  const filter = ZLeadFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(COLUMNS)}`));
      for await (const batch of exportLeads(actor, filter)) {
        controller.enqueue(encoder.encode(batch.map((lead) => csvRow(COLUMNS.map((c) => lead[c]))).join("")));
      }
      controller.close();
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
