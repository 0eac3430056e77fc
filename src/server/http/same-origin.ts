import { AppError } from "@/server/errors";

/**
 * Cookie-authenticated POST routes (uploads) accept only requests from this
 * site's own pages: a form on another site must not act with the user's
 * cookie. Server actions get the same check from Next.js. A missing Origin
 * (same-origin navigations of older browsers, scripts) passes; "null" or
 * anything unparsable does not.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (!host || host !== request.headers.get("host")) throw new AppError("forbidden", "Cross-site request");
}
