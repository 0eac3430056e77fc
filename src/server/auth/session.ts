import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { loadSessionContext, type SessionContext } from "@/server/auth/auth-sessions";
import { authOptions } from "@/server/auth/next-auth";

export type { SessionContext, SessionMembership } from "@/server/auth/auth-sessions";

/**
 * The one way the app asks "who is signed in?". Checked against the database on
 * every request, so sign-out, removal and role changes apply at once.
 */
export const getSession = cache(async (): Promise<SessionContext | null> => {
  const session = await getServerSession(authOptions);
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (typeof sessionId !== "string") return null;
  return loadSessionContext(sessionId);
});
