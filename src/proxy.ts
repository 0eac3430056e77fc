import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/server/http/security-headers";

/**
 * Runs before every page: a fresh CSP nonce (Next.js applies it to its own
 * scripts) and a request id for the logs. Not before the public API (JSON, no
 * scripts; `apiRoute` makes its own request id): on this 2-core machine the
 * extra pass cut POST /api/v1/leads over HTTP from ~340 to 115–220 leads/s. Nor before the website's calls (the
 * collector, the embedded form) and its two scripts, for the same reason.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  if (!requestHeaders.has("x-request-id")) requestHeaders.set("x-request-id", crypto.randomUUID());
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestHeaders.get("x-request-id") ?? "");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/v1/|api/collect|api/forms/|t\\.js|embed\\.js).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
