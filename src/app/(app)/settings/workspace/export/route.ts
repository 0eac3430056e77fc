import { currentActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { exportWorkspace } from "@/server/portability/export";

export const dynamic = "force-dynamic";

/** The whole workspace as a JSON Lines archive, streamed (any size). */
export async function GET() {
  let actor: Awaited<ReturnType<typeof currentActor>>;
  try {
    actor = await currentActor("workspace.transfer", "route");
  } catch (error) {
    const status = isAppError(error) && error.code === "unauthenticated" ? 401 : 403;
    return new Response(status === 401 ? "Sign in first." : "Not allowed.", { status });
  }
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
