import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/env";
import { revokeAuthSession } from "@/server/auth/auth-sessions";
import { clientInfoFrom } from "@/server/auth/client-info";
import { signInWithPassword } from "@/server/auth/sign-in";
import { isAppError } from "@/server/errors";

/** The errors the sign-in form tells apart; any other refusal reads as wrong credentials. */
const FORM_ERRORS = new Set(["secondFactorRequired", "invalidCode"]);

/**
 * next-auth with email + password. The JWT cookie carries only the id of an
 * AuthSession row (`sid`); `getSession()` checks that row on every request.
 * Errors thrown by `authorize` reach the sign-in form as a code: "invalidCredentials",
 * "secondFactorRequired", "invalidCode" or "rateLimited:<seconds>".
 * Cookies: next-auth's own — HttpOnly, SameSite=Lax, and Secure with the `__Secure-` prefix when
 * NEXTAUTH_URL is https. The cookie lives as long as the absolute time-out; the row decides sooner.
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: Number(process.env.SESSION_ABSOLUTE_HOURS || 720) * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        env(); // fail loudly on bad configuration rather than on a half-working sign-in
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const code = typeof credentials?.code === "string" ? credentials.code.slice(0, 40) : "";
        if (!email || !password || email.length > 320 || password.length > 1000) {
          throw new Error("invalidCredentials");
        }
        try {
          const client = clientInfoFrom(req?.headers);
          const { userId, sessionId } = await signInWithPassword({ email, password, code, ...client });
          return { id: userId, sid: sessionId };
        } catch (error) {
          if (isAppError(error) && error.code === "rateLimited") {
            throw new Error(`rateLimited:${error.params?.seconds ?? 60}`);
          }
          if (isAppError(error) && FORM_ERRORS.has(error.code)) throw new Error(error.code);
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
