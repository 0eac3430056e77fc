import { routeActor } from "@/server/auth/current-actor";
import { exportWorkspace } from "@/server/portability/export";

export const dynamic = "force-dynamic";

/** The whole workspace as a JSON Lines archive, streamed (any size). */
export async function GET() {
  const actor = await routeActor("workspace.transfer");
  if (actor instanceof Response) return actor;
  const lines = exportWorkspace(actor);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="workspace-${date}.jsonl"`,
      "cache-control": "no-store",
    },
  });
}
