import { readLimited } from "@/server/api/route";
import { collect, MAX_BEACON_BYTES } from "@/server/tracking/collector";

export const dynamic = "force-dynamic";

/**
 * The tracking snippet's beacons (navigator.sendBeacon, text/plain: no
 * preflight). Always 204 at once, whatever happened to the view: the answer
 * tells a bot nothing, and a page never waits on it.
 */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared <= MAX_BEACON_BYTES) {
    try {
      const body = await readLimited(request, MAX_BEACON_BYTES);
      await collect(body, {
        origin: request.headers.get("origin"),
        userAgent: request.headers.get("user-agent") ?? "",
      });
    } catch {
      // Too large, or the database was unreachable for the site's settings: the view is dropped.
    }
  }
  return new Response(null, {
    status: 204,
    headers: { "access-control-allow-origin": "*", "cache-control": "no-store" },
  });
}
