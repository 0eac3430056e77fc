/** Below this size, gzip costs the server more CPU than the bytes it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON response of the public API, from its text. Never stored by caches
 * (the bodies hold personal data) unless the caller says otherwise. Small
 * bodies are marked `no-transform`: Next.js streams a route's Response without
 * its length, so its gzip step would compress every answer, a 300-byte problem
 * document included (zlib was ~9% of a POST /api/v1/leads' CPU over HTTP);
 * larger ones (lists) are still compressed.
 */
export function jsonText(
  text: string,
  status = 200,
  headers: HeadersInit = {},
  contentType = "application/json",
): Response {
  const all = new Headers(headers);
  all.set("content-type", contentType);
  if (!all.has("cache-control"))
    all.set("cache-control", Buffer.byteLength(text) < COMPRESS_FROM_BYTES ? "no-store, no-transform" : "no-store");
  return new Response(text, { status, headers: all });
}
