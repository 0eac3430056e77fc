import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashSecret, newSecret } from "@/lib/tokens";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { type Limit, type LimitState, limitWindow, pruneExpired } from "@/server/rate-limit";
import { rawQuery } from "@/server/sql";

export const TOKEN_PREFIX = "smk_";

/** Creates a personal token; the secret is returned once and only its hash is stored. */
export async function createApiToken(actor: Actor, input: { name: string }) {
  requirePermission(actor, "apiTokens.manageOwn");
  return createTokenFor({ userId: actor.userId, workspaceId: actor.workspaceId, name: input.name }, actor);
}

/** Also used by the admin CLI, where there is no signed-in actor. */
export async function createTokenFor(
  target: { userId: string; workspaceId: string; name: string },
  actor: { userId: string | null; workspaceId: string },
) {
  const secret = newSecret(TOKEN_PREFIX);
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        workspaceId: target.workspaceId,
        userId: target.userId,
        name: target.name,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashSecret(secret),
      },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await writeAudit(tx, actor, {
      action: "apiToken.created",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, prefix: created.prefix, userId: target.userId },
    });
    return created;
  });
  return { ...token, secret };
}

export async function listApiTokens(actor: Actor) {
  requirePermission(actor, "apiTokens.manageOwn");
  const everyone = can(actor.role, "apiTokens.manageAll");
  return db.apiToken.findMany({
    where: { workspaceId: actor.workspaceId, revokedAt: null, ...(everyone ? {} : { userId: actor.userId }) },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(actor: Actor, input: { tokenId: string }) {
  requirePermission(actor, "apiTokens.manageOwn");
  const everyone = can(actor.role, "apiTokens.manageAll");
  await db.$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: {
        id: input.tokenId,
        workspaceId: actor.workspaceId,
        revokedAt: null,
        ...(everyone ? {} : { userId: actor.userId }),
      },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw notFound();
    await writeAudit(tx, actor, { action: "apiToken.revoked", entityType: "ApiToken", entityId: input.tokenId });
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer token to an actor with the member's *current* role in the
 * token's workspace; null when unknown, revoked, or the member was removed.
 * With `limit`, the request is also counted against the token's rate limit in
 * the same round trip (every API request starts here).
 */
export async function actorFromApiToken(secret: string): Promise<Actor | null>;
export async function actorFromApiToken(
  secret: string,
  limit: Limit,
  now?: Date,
): Promise<{ actor: Actor; limit: LimitState } | null>;
export async function actorFromApiToken(secret: string, limit?: Limit, now = new Date()) {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const window = limit ? limitWindow(limit, now) : null;
  const [token] = await rawQuery<{
    id: string;
    userId: string;
    workspaceId: string;
    lastUsedAt: Date | null;
    role: Role;
    hits: number | null;
  }>(
    db,
    Prisma.sql`
    WITH token AS (
      SELECT t.id, t."userId", t."workspaceId", t."lastUsedAt", m.role
      FROM "ApiToken" t
      JOIN "Membership" m ON m."workspaceId" = t."workspaceId" AND m."userId" = t."userId"
      WHERE t."tokenHash" = ${hashSecret(secret)}::text AND t."revokedAt" IS NULL
    ), counted AS (
      ${
        window
          ? Prisma.sql`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
             SELECT 'api:token:' || token.id, ${window.start}::timestamp(3), 1, ${window.end}::timestamp(3) FROM token
             ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
             RETURNING "count"`
          : Prisma.sql`SELECT NULL::int AS "count"`
      }
    ), relaxed AS (
      -- Every request of a token increments one row: its commit need not wait for the disk (a crash
      -- loses at most a few counts), so the row lock is held for microseconds, not a WAL flush.
      SELECT set_config('synchronous_commit', 'off', true)
    )
    SELECT token.*, (SELECT "count" FROM counted) AS hits FROM token, relaxed`,
  );
  if (!token) return null;
  // lastUsedAt is informative: write it at most once a minute to keep the hot path read-only.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  const actor: Actor = { userId: token.userId, workspaceId: token.workspaceId, role: token.role, apiTokenId: token.id };
  if (!limit || !window) return actor;
  if (Math.random() < 0.01) void pruneExpired(now).catch(() => undefined);
  const count = Number(token.hits ?? 1);
  return {
    actor,
    limit: { count, allowed: count <= limit.limit, retryAfterSeconds: window.retryAfterSeconds },
  };
}
