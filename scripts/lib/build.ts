import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./postgres";
import { bin, type EnvOverrides, runOrThrow } from "./run";

const INPUTS = [
  "src",
  "messages",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

/** A hash of everything the production build is made from. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const root = projectRoot();
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

/** Builds the production bundle when it is missing or was made from other sources. */
export async function ensureBuild(env: EnvOverrides, log: (line: string) => void) {
  const marker = path.join(projectRoot(), ".next", "smarketing-source-hash");
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(projectRoot(), ".next", "BUILD_ID")) && existsSync(marker)
      ? readFileSync(marker, "utf8")
      : null;
  if (built === fingerprint) return;
  log(built ? "Sources changed since the last build: rebuilding …" : "Building the app (first start only) …");
  await runOrThrow(bin("next"), ["build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(marker, fingerprint);
}
