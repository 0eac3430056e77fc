import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { appUrl, env } from "@/env";
import { sessionTimeouts } from "@/server/auth/auth-sessions";

/**
 * Puts a new session id in the browser's next-auth cookie, for a session replaced by a new one after a
 * change of privilege (turning on a second factor). Same name and attributes as next-auth's own:
 * HttpOnly, SameSite=Lax, and Secure with the `__Secure-` prefix behind https.
 */
export async function issueSessionCookie(user: { id: string; email: string; name: string }, sessionId: string) {
  const secure = appUrl().startsWith("https://");
  const maxAge = Math.floor(sessionTimeouts().absoluteMs / 1000);
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sid: sessionId },
    secret: env().NEXTAUTH_SECRET,
    maxAge,
  });
  (await cookies()).set(`${secure ? "__Secure-" : ""}next-auth.session-token`, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}
