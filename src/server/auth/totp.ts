import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { env } from "@/env";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps — what every authenticator app reads) through otplib,
 * and the ten recovery codes. A code is accepted one step either side of now (clock drift), and never
 * twice: the step of the last accepted code is kept and later codes must be newer (ASVS V6.5.1).
 */

const ISSUER = "Smarketing Workspace";
/** One 30-second step either side of the server's clock. */
const TOLERANCE_SECONDS = 30;

function encryptionKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "smarketing-totp", "totp-secret-v1", 32));
}

/** The secret at rest: AES-256-GCM under a key derived from NEXTAUTH_SECRET (a database dump alone cannot mint codes). */
export function encryptTotpSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function decryptTotpSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unreadable TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** What the set-up screen shows: the otpauth:// link as a QR code (an inline SVG, nothing fetched) and as text. */
export async function totpProvisioning(secret: string, accountEmail: string) {
  const uri = generateURI({ issuer: ISSUER, label: accountEmail, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { uri, qrSvg, secret };
}

/** The step of a valid code newer than `afterStep`, or null. */
export async function checkTotpCode(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read off paper

/** Ten codes like "k7mq4-x2p9r" (10 characters from 31: about 50 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** Typed as the person reads it: any case, with or without the dash or spaces. */
export function normaliseRecoveryCode(input: string): string {
  const plain = input.toLowerCase().replace(/[\s-]/g, "");
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}
