import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/env";
import { revokeAuthSession, SESSION_DAYS } from "@/server/auth/auth-sessions";
import { signInWithPassword } from "@/server/auth/sign-in";
import { isAppError } from "@/server/errors";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

/**
 * next-auth with email + password. The JWT cookie carries only the id of an
 * AuthSession row (`sid`); `getSession()` checks that row on every request.
 * Errors thrown by `authorize` reach the sign-in form as a code:
 * "invalidCredentials" or "rateLimited:<seconds>".
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        env(); // fail loudly on bad configuration rather than on a half-working sign-in
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 1000) {
          throw new Error("invalidCredentials");
        }
        try {
          const { userId, sessionId } = await signInWithPassword({ email, password, ip: clientIp(req?.headers) });
          return { id: userId, sid: sessionId };
        } catch (error) {
          if (isAppError(error) && error.code === "rateLimited") {
            throw new Error(`rateLimited:${error.params?.seconds ?? 60}`);
          }
          if (isAppError(error)) throw new Error("invalidCredentials");
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeAuthSession(token.sid);
    },
  },
};
