import { jsonText } from "@/server/api/respond";
import { db } from "@/server/db";
import { liveConnected } from "@/server/live/bus";

export const dynamic = "force-dynamic";

/**
 * For load balancers: 200 when this app server can reach PostgreSQL, 503
 * otherwise (take it out of rotation). Also says which server answered and
 * whether its live-update listener is connected.
 */
export async function GET() {
  const started = performance.now();
  const instance = process.env.INSTANCE_NAME ?? null;
  try {
    await db.$queryRaw`SELECT 1`;
    return jsonText(
      JSON.stringify({
        status: "ok",
        database: "ok",
        latencyMs: Math.round(performance.now() - started),
        live: liveConnected() ? "listening" : "idle",
        instance,
      }),
    );
  } catch {
    return jsonText(JSON.stringify({ status: "degraded", database: "unreachable", instance }), 503);
  }
}
