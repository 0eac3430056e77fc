import "server-only";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { writeAudit } from "./service";

/**
 * A signed-in member (or API token) tried something their role does not
 * allow: e.g. a hand-made POST to a server action the page would not show
 * them. Recorded in the audit log for the admins; never fails the request.
 */
export async function auditDenied(
  actor: Pick<Actor, "userId" | "workspaceId" | "apiTokenId">,
  attempt: { capability?: string; via: "action" | "route" | "api" },
) {
  try {
    await writeAudit(db, actor, {
      action: "access.denied",
      entityType: "Capability",
      entityId: attempt.capability ?? null,
      after: { via: attempt.via },
    });
  } catch (error) {
    logger.error("audit.denied_failed", { error });
  }
}
