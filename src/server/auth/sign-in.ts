import "server-only";
import { normaliseEmail } from "@/lib/email";
import { auditAccountEvent } from "@/server/audit/account-events";
import { type ClientInfo, createAuthSession } from "@/server/auth/auth-sessions";
import { verifyPassword } from "@/server/auth/password";
import { passwordRefusedBySsoPolicy } from "@/server/auth/sso";
import { CODE_LIMIT, proveSecondFactor, secondFactorLimitKey } from "@/server/auth/two-factor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { clear, hit, type Limit, peek } from "@/server/rate-limit";

/** Failed sign-ins allowed per account and per IP address in one window. */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 } satisfies Limit,
  ip: { limit: 30, windowSeconds: 15 * 60 } satisfies Limit,
};

export const signInAccountKey = (email: string) => `signin:email:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

function rateLimited(seconds: number) {
  return new AppError("rateLimited", "Too many sign-in attempts", { params: { seconds } });
}

/**
 * Checks email + password (and, for an account with two-factor sign-in, the code) and opens a
 * server-side session. Wrong email and wrong password give the same error ("invalidCredentials");
 * a right password without a code gives "secondFactorRequired" (nothing is opened); a wrong code
 * "invalidCode"; a member of a workspace that requires single sign-on "ssoRequired"; too many failures
 * "rateLimited" with the seconds to wait. Every outcome is audited.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  code?: string;
  ip: string;
  userAgent?: string | null;
}): Promise<{ userId: string; sessionId: string }> {
  const email = normaliseEmail(input.email);
  const client: ClientInfo = { ip: input.ip, userAgent: input.userAgent ?? null };
  const [account, ip] = await Promise.all([
    peek(signInAccountKey(email), SIGN_IN_LIMITS.account),
    peek(ipKey(input.ip), SIGN_IN_LIMITS.ip),
  ]);
  for (const state of [account, ip]) {
    if (!state.allowed) throw rateLimited(state.retryAfterSeconds);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await Promise.all([hit(signInAccountKey(email), SIGN_IN_LIMITS.account), hit(ipKey(input.ip), SIGN_IN_LIMITS.ip)]);
    await auditAccountEvent(db, user?.id ?? null, {
      action: "auth.signInFailed",
      after: { email, ip: input.ip, reason: "password" },
    });
    throw new AppError("unauthenticated", "Invalid email or password");
  }

  if (await passwordRefusedBySsoPolicy(user.id)) {
    await auditAccountEvent(db, user.id, {
      action: "auth.signInFailed",
      after: { email, ip: input.ip, reason: "ssoRequired" },
    });
    throw new AppError("ssoRequired", "Sign in with your company's single sign-on");
  }

  let method: "password" | "password+totp" | "password+recovery" = "password";
  if (user.totpEnabledAt) {
    const code = input.code?.trim();
    if (!code) throw new AppError("secondFactorRequired", "Enter the code from your authenticator app");
    const codes = await peek(secondFactorLimitKey(user.id), CODE_LIMIT);
    if (!codes.allowed) throw rateLimited(codes.retryAfterSeconds);
    const proven = await proveSecondFactor(user.id, code);
    if (!proven) {
      await Promise.all([hit(secondFactorLimitKey(user.id), CODE_LIMIT), hit(ipKey(input.ip), SIGN_IN_LIMITS.ip)]);
      await auditAccountEvent(db, user.id, {
        action: "auth.signInFailed",
        after: { email, ip: input.ip, reason: "code" },
      });
      throw new AppError("invalidCode", "That code is not right");
    }
    method = proven;
  }
  await clear(signInAccountKey(email));
  const sessionId = await createAuthSession(user.id, client, method);
  await auditAccountEvent(db, user.id, { action: "auth.signedIn", after: { ip: input.ip, method } });
  return { userId: user.id, sessionId };
}
