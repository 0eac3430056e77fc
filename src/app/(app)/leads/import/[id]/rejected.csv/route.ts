import { getTranslations } from "next-intl/server";
import { csvRow } from "@/lib/csv";
import { currentActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { describeRejection } from "@/server/imports/reasons";
import { getImport, rejectedRows } from "@/server/imports/service";

/** The rejected rows of an import with their reasons, as CSV (the original columns first). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await currentActor("leads.read", "route");
    const job = await getImport(actor, id);
    const t = await getTranslations();
    const encoder = new TextEncoder();
    let columns: string[] | null = null;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for await (const batch of rejectedRows(actor, id)) {
          for (const row of batch) {
            const raw = row.raw as Record<string, string>;
            if (!columns) {
              columns = Object.keys(raw);
              controller.enqueue(encoder.encode(`\uFEFF${csvRow(["row", ...columns, "reasons"])}`));
            }
            controller.enqueue(
              encoder.encode(
                csvRow([
                  row.rowNumber,
                  ...columns.map((c) => raw[c] ?? ""),
                  row.reasons.map((reason) => describeRejection(reason, t)).join("; "),
                ]),
              ),
            );
          }
        }
        if (!columns) controller.enqueue(encoder.encode(`\uFEFF${csvRow(["row", "reasons"])}`));
        controller.close();
      },
    });
    const name = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_");
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}-rejected.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const status =
      isAppError(error) && error.code === "notFound"
        ? 404
        : isAppError(error) && error.code === "unauthenticated"
          ? 401
          : 403;
    return new Response(null, { status });
  }
}
