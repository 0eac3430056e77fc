import "server-only";
import { createHash } from "node:crypto";
import { problem } from "@/server/api/problem";
import { jsonText } from "@/server/api/respond";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";

const KEEP_HOURS = 24;

export type ApiResult = { status: number; body: unknown };

/**
 * Runs a POST handler at most once per `Idempotency-Key` (per workspace):
 * - same key, same request → the stored response is replayed (same status and body);
 * - same key, another request → 422;
 * - concurrent requests with one key: the first inserts the key row and does
 *   the work in the same transaction; the others wait on that row, then replay.
 * Without the header the handler simply runs in a transaction.
 */
export async function idempotent(
  request: Request,
  actor: Actor,
  bodyText: string,
  handler: (tx: Tx) => Promise<ApiResult>,
): Promise<Response> {
  if (Math.random() < 0.01) void pruneIdempotencyRecords().catch(() => undefined);
  const key = request.headers.get("idempotency-key");
  if (key === null) {
    const result = await db.$transaction(handler);
    return jsonText(JSON.stringify(result.body), result.status);
  }
  if (key.length < 1 || key.length > 255) {
    return problem(400, "The Idempotency-Key header must have 1 to 255 characters.");
  }
  const requestHash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${bodyText}`)
    .digest("hex");

  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      INSERT INTO "IdempotencyRecord" ("workspaceId", "key", "requestHash", "responseStatus", "responseBody", "createdAt", "expiresAt")
      VALUES (${actor.workspaceId}, ${key}, ${requestHash}, 0, '', now(), now() + make_interval(hours => ${KEEP_HOURS}))
      ON CONFLICT ("workspaceId", "key") DO NOTHING`;
    if (claimed === 0) {
      const record = await tx.idempotencyRecord.findUniqueOrThrow({
        where: { workspaceId_key: { workspaceId: actor.workspaceId, key } },
      });
      if (record.requestHash !== requestHash) return { kind: "mismatch" as const };
      return { kind: "replay" as const, status: record.responseStatus, body: record.responseBody };
    }
    const result = await handler(tx);
    const body = JSON.stringify(result.body);
    await tx.idempotencyRecord.update({
      where: { workspaceId_key: { workspaceId: actor.workspaceId, key } },
      data: { responseStatus: result.status, responseBody: body },
    });
    return { kind: "fresh" as const, status: result.status, body };
  });

  if (outcome.kind === "mismatch") {
    return problem(422, "This Idempotency-Key was already used with a different request.");
  }
  return jsonText(outcome.body, outcome.status, outcome.kind === "replay" ? { "idempotent-replayed": "true" } : {});
}

/** Drops keys older than their retention (called now and then). */
export async function pruneIdempotencyRecords() {
  await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
