import "server-only";
import type { Locale } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** Makes another of the user's workspaces the active one for this browser session. */
export async function switchWorkspace(input: { userId: string; sessionId: string; workspaceId: string }) {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
    select: { id: true },
  });
  if (!membership) throw notFound();
  await db.authSession.update({
    where: { id: input.sessionId },
    data: { activeWorkspaceId: input.workspaceId },
  });
}

export async function setUserLocale(input: { userId: string; locale: Locale }) {
  await db.user.update({ where: { id: input.userId }, data: { locale: input.locale } });
}
