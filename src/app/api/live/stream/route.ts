import { loadSessionContext } from "@/server/auth/auth-sessions";
import { currentActorOrNull } from "@/server/auth/current-actor";
import { liveSummary } from "@/server/handoffs/queries";
import { subscribeLive } from "@/server/live/bus";

export const dynamic = "force-dynamic";

/** Bursts (an import making 200 MQLs) become one update. */
const COALESCE_MS = 250;
/** A comment line keeps proxies from closing an idle stream; the session is re-checked at the same time. */
const HEARTBEAT_MS = 20_000;
/** Streams end now and then so that browsers reconnect (and spread) across app servers. */
const MAX_STREAM_MS = 10 * 60_000;

/**
 * Server-sent events for the signed-in member: their live summary (open
 * handoffs, unread notifications) at connect and whenever it may have changed
 * — signalled through PostgreSQL LISTEN/NOTIFY, so a change made on any app
 * server reaches a browser connected to any other.
 */
export async function GET(request: Request) {
  const actor = await currentActorOrNull();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let scheduled: ReturnType<typeof setTimeout> | undefined;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = async () => {
        scheduled = undefined;
        try {
          write(`data: ${JSON.stringify(await liveSummary(actor))}\n\n`);
        } catch {
          // The database is unreachable for a moment: the next signal (or the reconnect) catches up.
        }
      };
      const onChange = () => {
        scheduled ??= setTimeout(() => void send(), COALESCE_MS);
      };
      const unsubscribe = subscribeLive(actor.userId, onChange);
      const heartbeat = setInterval(async () => {
        const session = actor.sessionId
          ? await loadSessionContext(actor.sessionId, { touch: false }).catch(() => undefined)
          : null;
        // Signed out, or no longer a member here: end the stream (the browser's reconnect gets a 401).
        if (session === null || (session && session.active?.workspaceId !== actor.workspaceId)) stop();
        else write(": ping\n\n");
      }, HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop(), MAX_STREAM_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        if (scheduled) clearTimeout(scheduled);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      request.signal.addEventListener("abort", () => stop());
      write("retry: 3000\n\n");
      void send();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
