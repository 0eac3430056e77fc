import "server-only";
import { normaliseEmail } from "@/lib/email";
import { createAuthSession } from "@/server/auth/auth-sessions";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { clear, hit, type Limit, peek } from "@/server/rate-limit";

/** Failed sign-ins allowed per account and per IP address in one window. */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 } satisfies Limit,
  ip: { limit: 30, windowSeconds: 15 * 60 } satisfies Limit,
};

const accountKey = (email: string) => `signin:email:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks email + password and opens a server-side session.
 * Wrong email and wrong password give the same error ("invalidCredentials");
 * too many failures give "rateLimited" with the seconds to wait.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
}): Promise<{ userId: string; sessionId: string }> {
  const email = normaliseEmail(input.email);
  const [account, ip] = await Promise.all([
    peek(accountKey(email), SIGN_IN_LIMITS.account),
    peek(ipKey(input.ip), SIGN_IN_LIMITS.ip),
  ]);
  for (const state of [account, ip]) {
    if (!state.allowed) {
      throw new AppError("rateLimited", "Too many sign-in attempts", {
        params: { seconds: state.retryAfterSeconds },
      });
    }
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await Promise.all([hit(accountKey(email), SIGN_IN_LIMITS.account), hit(ipKey(input.ip), SIGN_IN_LIMITS.ip)]);
    throw new AppError("unauthenticated", "Invalid email or password");
  }
  await clear(accountKey(email));
  return { userId: user.id, sessionId: await createAuthSession(user.id) };
}
