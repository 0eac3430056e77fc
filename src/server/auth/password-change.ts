import "server-only";
import { auditAccountEvent } from "@/server/audit/account-events";
import type { ClientInfo, SignInMethod } from "@/server/auth/auth-sessions";
import { hashPassword } from "@/server/auth/password";
import { requirePassword, rotateSession } from "@/server/auth/two-factor";
import { db } from "@/server/db";
import { AppError, isAppError } from "@/server/errors";

/**
 * Settings → Profile → Password: the current password, then the new one. Every other session of the
 * account ends (whoever knew the old password is out) and this browser continues in a new session.
 */
export async function changePassword(input: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  client: ClientInfo;
}): Promise<{ sessionId: string; otherSessionsEnded: number }> {
  await requirePassword(input.userId, input.currentPassword).catch((error) => {
    // The form's field for it is "current" ("password" is the new one).
    if (isAppError(error) && error.code === "wrongPassword") {
      throw new AppError("wrongPassword", error.message, { fieldErrors: { current: ["wrongPassword"] } });
    }
    throw error;
  });
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    const others = await tx.authSession.updateMany({
      where: { userId: input.userId, revokedAt: null, id: { not: input.sessionId } },
      data: { revokedAt: new Date() },
    });
    await auditAccountEvent(tx, input.userId, {
      action: "auth.passwordChanged",
      after: { ip: input.client.ip, otherSessionsEnded: others.count },
    });
    return others.count;
  });
  const current = await db.authSession.findUniqueOrThrow({ where: { id: input.sessionId }, select: { method: true } });
  const sessionId = await rotateSession(input.userId, input.sessionId, input.client, current.method as SignInMethod);
  return { sessionId, otherSessionsEnded: ended };
}
