import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env, type OidcProviderConfig, oidcProviders } from "@/env";
import { revokeAuthSession } from "@/server/auth/auth-sessions";
import { clientInfoFrom, requestClientInfo } from "@/server/auth/client-info";
import { signInWithPassword } from "@/server/auth/sign-in";
import { type SsoClaims, signInWithSso } from "@/server/auth/sso";
import { isAppError } from "@/server/errors";

/** The errors the sign-in form tells apart; any other refusal reads as wrong credentials. */
const FORM_ERRORS = new Set(["secondFactorRequired", "invalidCode", "ssoRequired"]);

type OidcProfile = SsoClaims & { sub: string };

/**
 * An installation's OpenID Connect provider: discovery from the issuer, the authorization code flow with
 * PKCE, state and nonce all checked, and the ID token verified by openid-client (signature against the
 * provider's keys, issuer, audience = our client id, expiry, nonce).
 */
function oidcProvider(config: OidcProviderConfig): OAuthConfig<OidcProfile> {
  return {
    id: config.id,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      return { id: profile.sub, email: typeof profile.email === "string" ? profile.email : null };
    },
  };
}

/**
 * next-auth with email + password, and single sign-on through the providers of OIDC_PROVIDERS. The JWT cookie carries only the id of an
 * AuthSession row (`sid`); `getSession()` checks that row on every request.
 * Errors thrown by `authorize` reach the sign-in form as a code: "invalidCredentials",
 * "secondFactorRequired", "invalidCode" or "rateLimited:<seconds>".
 * Cookies: next-auth's own — HttpOnly, SameSite=Lax, and Secure with the `__Secure-` prefix when
 * NEXTAUTH_URL is https. The cookie lives as long as the absolute time-out; the row decides sooner.
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: Number(process.env.SESSION_ABSOLUTE_HOURS || 720) * 3600 },
  // next-auth's own failures (a refused state, a bad ID token) come back to the sign-in page as ?error=.
  pages: { signIn: "/signin", error: "/signin" },
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
    ...oidcProviders().map(oidcProvider),
  ],
  callbacks: {
    /** Single sign-on: the protocol is done; whether this person may come in, and as whom, is ours to say. */
    async signIn({ user, account, profile }) {
      if (account?.type !== "oauth") return true;
      const result = await signInWithSso({
        provider: account.provider,
        subject: account.providerAccountId,
        claims: (profile ?? {}) as SsoClaims,
        client: await requestClientInfo(),
      });
      if (!result.ok) return `/signin?error=${result.reason}`;
      // Carried to the jwt callback below, which puts it in the cookie.
      (user as { sid?: string }).sid = result.sessionId;
      return true;
    },
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
