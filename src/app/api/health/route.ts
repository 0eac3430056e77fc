import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when this app instance can reach PostgreSQL, 503 otherwise. */
export async function GET() {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
