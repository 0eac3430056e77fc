import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/env";

/**
 * Webhook signing secrets must be readable by the app (it signs with them), so
 * unlike API tokens they cannot be stored as hashes. They are stored sealed
 * with AES-256-GCM under a key derived from NEXTAUTH_SECRET: a copy of the
 * database alone does not reveal them.
 */
const VERSION = "v1";

let derived: Buffer | undefined;
/** Derived once per process (every send unseals a secret). */
function key(): Buffer {
  derived ??= Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "smarketing", "webhook-signing-secrets", 32));
  return derived;
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    sealed.toString("base64url"),
  ].join(".");
}

export function unseal(box: string): string {
  const [version, iv, tag, sealed] = box.split(".");
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error("Unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
