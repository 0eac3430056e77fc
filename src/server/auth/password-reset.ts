import "server-only";
import { appUrl } from "@/env";
import type { Locale } from "@/generated/prisma/enums";
import { normaliseEmail } from "@/lib/email";
import { hashSecret, newSecret } from "@/lib/tokens";
import { auditAccountEvent } from "@/server/audit/account-events";
import { hashPassword } from "@/server/auth/password";
import { signInAccountKey } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { sendMail } from "@/server/mail/send";
import { composeMail, mailTranslator } from "@/server/mail/templates";
import { clear, hit, type Limit } from "@/server/rate-limit";

/** A reset link works once, within this many minutes. */
export const RESET_MINUTES = 30;

/** Requests per address asked for and per IP in one hour; counted for unknown addresses too (same answer). */
export const RESET_LIMITS = {
  account: { limit: 3, windowSeconds: 3600 } satisfies Limit,
  ip: { limit: 20, windowSeconds: 3600 } satisfies Limit,
};

export function passwordResetUrl(token: string) {
  return `${appUrl()}/reset-password/${encodeURIComponent(token)}`;
}

export function passwordResetMail(locale: Locale, input: { name: string; email: string; url: string }) {
  const t = mailTranslator(locale);
  return composeMail(locale, {
    subject: t("passwordReset.subject"),
    paragraphs: [t("passwordReset.greeting", { name: input.name }), t("passwordReset.intro", { email: input.email })],
    action: { label: t("passwordReset.action"), url: input.url },
    after: [t("passwordReset.expiry"), t("passwordReset.ignore")],
  });
}

/**
 * "Forgot password": for a known address, a single-use link (only its SHA-256 is stored) goes out by
 * e-mail in the person's language. The caller always gets the same answer, whether or not the address has
 * an account; only the rate limit (counted alike for both) can refuse.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  const [account, ip] = await Promise.all([
    hit(`reset:email:${email}`, RESET_LIMITS.account),
    hit(`reset:ip:${input.ip}`, RESET_LIMITS.ip),
  ]);
  for (const state of [account, ip]) {
    if (!state.allowed) {
      throw new AppError("rateLimited", "Too many reset requests", { params: { seconds: state.retryAfterSeconds } });
    }
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
  if (!user) {
    await auditAccountEvent(db, null, {
      action: "auth.passwordResetRequested",
      after: { email, ip: input.ip, known: false },
    });
    return;
  }
  const token = newSecret("pwr_", 32);
  await db.$transaction(async (tx) => {
    // Only the newest link works: an older mail forwarded or left in an inbox is void.
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.passwordReset.create({
      data: {
        userId: user.id,
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
        ip: input.ip.slice(0, 64),
      },
    });
    await auditAccountEvent(tx, user.id, {
      action: "auth.passwordResetRequested",
      after: { ip: input.ip },
      actorUserId: null,
    });
  });
  // Not awaited: a known address must not answer measurably later than an unknown one.
  void sendMail({
    to: email,
    ...passwordResetMail(user.locale, { name: user.name, email, url: passwordResetUrl(token) }),
  })
    .then((sent) => {
      if (!sent) logger.warn("password_reset.not_mailed", { userId: user.id });
    })
    .catch(() => undefined);
}

/** What the reset page shows: the account's address, or null when the link is unknown, used or expired. */
export async function findOpenPasswordReset(token: string): Promise<{ email: string } | null> {
  const reset = await db.passwordReset.findFirst({
    where: { tokenHash: hashSecret(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: { email: true } } },
  });
  return reset ? { email: reset.user.email } : null;
}

/**
 * Uses the link: the new password is set, the link and every other open link of the account stop
 * working, and every session of the account ends (whoever knew the old password is out). Two tabs
 * submitting at once: exactly one wins.
 */
export async function resetPassword(input: {
  token: string;
  password: string;
  ip: string;
}): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashSecret(input.token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
    });
    if (!reset) throw new AppError("resetLinkInvalid", "This link is not valid");
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new AppError("resetLinkInvalid", "This link was used or has expired");
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const ended = await tx.authSession.updateMany({
      where: { userId: reset.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    await auditAccountEvent(tx, reset.userId, {
      action: "auth.passwordReset",
      after: { ip: input.ip, sessionsEnded: ended.count },
    });
    await clear(signInAccountKey(reset.user.email));
    return { email: reset.user.email };
  });
}
