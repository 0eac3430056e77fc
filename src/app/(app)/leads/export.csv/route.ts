import { getTranslations } from "next-intl/server";
import { routeActor } from "@/server/auth/current-actor";
import { leadsCsv } from "@/server/leads/export-csv";
import { ZLeadFilter } from "@/server/leads/list";

export const dynamic = "force-dynamic";

/** The leads of the current filter as CSV in the reader's language, streamed in batches (a million rows work). */
export async function GET(request: Request) {
  const actor = await routeActor("leads.read");
  if (actor instanceof Response) return actor;
  const filter = ZLeadFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = await getTranslations();
  const encoder = new TextEncoder();
  const rows = leadsCsv(actor, filter, t as unknown as (key: string) => string);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
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
