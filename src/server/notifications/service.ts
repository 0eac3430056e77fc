import "server-only";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";

/** Kinds of in-app notification; each has a message `notifications.kinds.<kind>`. */
export type NotificationKind =
  | "termChanged"
  | "termAgreed"
  | "termCommented"
  | "termDeprecated"
  | "handoffAssigned"
  | "handoffsAssigned"
  | "handoffUnassigned"
  | "handoffDueSoon"
  | "handoffBreached"
  | "handoffReassignedAway"
  | "handoffEscalated"
  | "handoffReturned"
  | "dailySummary"
  | "webhookDisabled";

/** Queues notifications in the caller's transaction (never to the actor themself). */
export async function notify(
  tx: Tx,
  input: {
    workspaceId: string;
    userIds: string[];
    exceptUserId?: string;
    kind: NotificationKind;
    params: Record<string, string | number>;
    href: string;
    /** Also by e-mail when SMTP is configured (sent after commit by the mail outbox sweep). */
    mail?: boolean;
  },
) {
  const recipients = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      workspaceId: input.workspaceId,
      userId,
      kind: input.kind,
      params: input.params as Prisma.InputJsonValue,
      href: input.href,
      mailPending: input.mail === true && Boolean(env().SMTP_URL),
    })),
  });
}

export async function listNotifications(actor: Actor, limit = 50) {
  return db.notification.findMany({
    where: { userId: actor.userId, workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}

/** Marks one (or, without id, every) notification of the actor as read. */
export async function markRead(actor: Actor, notificationId?: string) {
  await db.notification.updateMany({
    where: {
      userId: actor.userId,
      workspaceId: actor.workspaceId,
      readAt: null,
      ...(notificationId ? { id: notificationId } : {}),
    },
    data: { readAt: new Date() },
  });
}
