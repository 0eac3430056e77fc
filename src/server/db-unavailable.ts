/**
 * Whether an error means "the database cannot be reached right now" (it is
 * restarting, the network dropped, the pool is exhausted) rather than a bug:
 * such requests fail with a clear "try again" (503 / `unavailable`) and are
 * not logged as unexpected errors.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const MESSAGES = [
  /connection terminated/i,
  /server closed the connection/i,
  /terminating connection/i,
  // node-postgres, for a pooled client whose connection broke (PostgreSQL restarted under it).
  /is not queryable/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code))) return true;
  // PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart).
  const sqlState = typeof e.originalCode === "string" ? e.originalCode : typeof e.code === "string" ? e.code : "";
  if (/^(08|57P)/.test(sqlState)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
