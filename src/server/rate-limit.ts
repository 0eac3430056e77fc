import "server-only";
import { db } from "@/server/db";

/**
 * Fixed-window counters in PostgreSQL, so that every app instance sees the
 * same counts. `key` names what is limited, e.g. `signin:email:a@b.c`.
 */
export type Limit = { limit: number; windowSeconds: number };
export type LimitState = { count: number; allowed: boolean; retryAfterSeconds: number };

/** The fixed window `now` falls in, and the seconds until it ends. */
export function limitWindow(limit: Limit, now: Date) {
  const windowMs = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const end = new Date(start.getTime() + windowMs);
  return { start, end, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)) };
}

/** Counts one more hit and tells whether it is still within the limit. */
export async function hit(key: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const window = limitWindow(limit, now);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${window.start}, 1, ${window.end})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  // Now and then, drop finished windows so the table stays small (any instance may do it).
  if (Math.random() < 0.01) void pruneExpired(now).catch(() => undefined);
  return { count, allowed: count <= limit.limit, retryAfterSeconds: window.retryAfterSeconds };
}

/** Reads the current count without adding to it. */
export async function peek(key: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const window = limitWindow(limit, now);
  const row = await db.rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart: window.start } },
    select: { count: true },
  });
  const count = row?.count ?? 0;
  return { count, allowed: count < limit.limit, retryAfterSeconds: window.retryAfterSeconds };
}

export async function clear(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Drops expired windows; called now and then so the table stays small. */
export async function pruneExpired(now = new Date()): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
}
