import "server-only";
import { headers } from "next/headers";
import type { ClientInfo } from "@/server/auth/auth-sessions";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (typeof (source as { get?: unknown }).get === "function") {
    return (source as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (source as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * The browser's address (first hop of X-Forwarded-For, set by the balancer or proxy in front of the app)
 * and user agent, for rate limits, the list of sessions and the audit log.
 */
export function clientInfoFrom(source: HeaderSource): ClientInfo {
  const forwarded = header(source, "x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || header(source, "x-real-ip") || "unknown", userAgent: header(source, "user-agent") ?? null };
}

/** The same for the current request of a server action or page. */
export async function requestClientInfo(): Promise<ClientInfo> {
  try {
    return clientInfoFrom(await headers());
  } catch {
    return { ip: "unknown", userAgent: null }; // Outside a request (scripts, tests).
  }
}
