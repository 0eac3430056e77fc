import "server-only";
import argon2 from "argon2";

// argon2id with the library's defaults (64 MiB, 3 passes): ~50 ms per hash here.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when the email is unknown, so that a wrong
// email and a wrong password take the same time and say the same thing.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
