/**
 * Steps shared by `npm start`, `npm test` and the CLI: generate the Prisma
 * client when missing, apply migrations, seed the demo workspace.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./postgres";
import { bin, type EnvOverrides, runOrThrow } from "./run";

export async function generatePrismaClient(force = false) {
  if (!force && existsSync(path.join(projectRoot(), "src", "generated", "prisma", "client.ts"))) return;
  await runOrThrow(bin("prisma"), ["generate"], { quiet: true });
}

export async function migrate(databaseUrl: string) {
  await runOrThrow(bin("prisma"), ["migrate", "deploy"], { env: { DATABASE_URL: databaseUrl }, quiet: true });
}

/** Runs a TypeScript entry point that imports server code (hence the react-server condition). */
export async function runServerScript(script: string, args: string[], env: EnvOverrides) {
  await runOrThrow(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { env });
}

/**
 * The session-signing secret: NEXTAUTH_SECRET when set (required with several
 * app servers), otherwise one generated once and kept in `.data/`.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(projectRoot(), ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
