import "server-only";
import argon2 from "argon2";
import { auditAccountEvent } from "@/server/audit/account-events";
import { type ClientInfo, createAuthSession, type SignInMethod } from "@/server/auth/auth-sessions";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import {
  checkTotpCode,
  decryptTotpSecret,
  encryptTotpSecret,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpProvisioning,
} from "@/server/auth/totp";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { hit, type Limit, peek } from "@/server/rate-limit";

/** Wrong codes allowed per account in one window, at sign-in and in the settings alike (like the password). */
export const CODE_LIMIT: Limit = { limit: 5, windowSeconds: 15 * 60 };
const codeKey = (userId: string) => `2fa:user:${userId}`;

async function refuseWhenLimited(userId: string) {
  const state = await peek(codeKey(userId), CODE_LIMIT);
  if (!state.allowed) {
    throw new AppError("rateLimited", "Too many wrong codes", { params: { seconds: state.retryAfterSeconds } });
  }
}

/** Step 1 of set-up: a new secret, kept (encrypted) but not in force until a first code confirms it. */
export async function startTotpSetup(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("twoFactorAlreadyOn", "Two-factor sign-in is already on");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecret: encryptTotpSecret(secret), totpLastStep: null } });
  return totpProvisioning(secret, user.email);
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
  return codes;
}

/**
 * Step 2: the first code from the app turns the factor on, gives the ten recovery codes (shown once) and
 * replaces the session by a new one — a change of privilege gets a new session id (ASVS V7.2.4).
 */
export async function confirmTotpSetup(input: {
  userId: string;
  sessionId: string;
  code: string;
  client: ClientInfo;
}): Promise<{ recoveryCodes: string[]; sessionId: string }> {
  await refuseWhenLimited(input.userId);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("twoFactorAlreadyOn", "Two-factor sign-in is already on");
  if (!user.totpSecret) throw new AppError("invalidCode", "Start the set-up again");
  const step = await checkTotpCode(decryptTotpSecret(user.totpSecret), input.code, null);
  if (step === null) {
    await hit(codeKey(input.userId), CODE_LIMIT);
    throw new AppError("invalidCode", "That code is not right");
  }
  const recoveryCodes = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    const codes = await replaceRecoveryCodes(tx, input.userId);
    await auditAccountEvent(tx, input.userId, { action: "auth.twoFactorEnabled", after: { ip: input.client.ip } });
    return codes;
  });
  const sessionId = await rotateSession(input.userId, input.sessionId, input.client, "password+totp");
  return { recoveryCodes, sessionId };
}

/** Ends `oldSessionId` and opens its successor in the same workspace. */
export async function rotateSession(
  userId: string,
  oldSessionId: string,
  client: ClientInfo,
  method: SignInMethod,
): Promise<string> {
  const old = await db.authSession.findUnique({ where: { id: oldSessionId }, select: { activeWorkspaceId: true } });
  const sessionId = await createAuthSession(userId, client, method);
  await db.$transaction([
    db.authSession.update({ where: { id: sessionId }, data: { activeWorkspaceId: old?.activeWorkspaceId } }),
    db.authSession.updateMany({ where: { id: oldSessionId, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
  return sessionId;
}

/** Asks for the password again before a sensitive change; wrong answers count like wrong codes. */
export async function requirePassword(userId: string, password: string) {
  await refuseWhenLimited(userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await hit(codeKey(userId), CODE_LIMIT);
    throw new AppError("wrongPassword", "The password is not right", { fieldErrors: { password: ["wrongPassword"] } });
  }
}

/** Turning the factor off asks for the password again (someone at an unlocked laptop must not). */
export async function disableTotp(input: { userId: string; password: string; client: ClientInfo }) {
  await requirePassword(input.userId, input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    await auditAccountEvent(tx, input.userId, { action: "auth.twoFactorDisabled", after: { ip: input.client.ip } });
  });
}

/** New recovery codes (the old ones stop working), after the password. */
export async function regenerateRecoveryCodes(input: { userId: string; password: string; client: ClientInfo }) {
  await requirePassword(input.userId, input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is off");
    const codes = await replaceRecoveryCodes(tx, input.userId);
    await auditAccountEvent(tx, input.userId, {
      action: "auth.recoveryCodesRegenerated",
      after: { ip: input.client.ip },
    });
    return codes;
  });
}

/** What Settings → Profile shows about one's second factor. */
export async function twoFactorStatus(userId: string): Promise<{ enabledAt: Date | null; codesLeft: number }> {
  const [user, codesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user.totpEnabledAt, codesLeft };
}

/**
 * The second step of a sign-in: a TOTP code (newer than the last one accepted) or an unused recovery code.
 * Returns how the factor was proven, or null (the caller counts the failure).
 */
export async function proveSecondFactor(
  userId: string,
  code: string,
): Promise<"password+totp" | "password+recovery" | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpLastStep: true },
  });
  if (!user.totpSecret) return null;
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
    const step = await checkTotpCode(decryptTotpSecret(user.totpSecret), code, user.totpLastStep);
    if (step === null) return null;
    // Two sign-ins racing with the same code: only the one that moves the step forward wins.
    const claimed = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "password+totp" : null;
  }
  const typed = normaliseRecoveryCode(code);
  if (typed.length !== 11) return null;
  const unused = await db.recoveryCode.findMany({
    where: { userId, usedAt: null },
    select: { id: true, codeHash: true },
  });
  for (const candidate of unused) {
    if (await argon2.verify(candidate.codeHash, typed).catch(() => false)) {
      const claimed = await db.recoveryCode.updateMany({
        where: { id: candidate.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      return claimed.count === 1 ? "password+recovery" : null;
    }
  }
  return null;
}

export { codeKey as secondFactorLimitKey };
