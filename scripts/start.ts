/**
 * `npm start`: everything needed to run the app on a fresh clone.
 * PostgreSQL (embedded unless DATABASE_URL is set) → migrations → demo seed →
 * production build if missing or stale → `next start` on $PORT (default 3000).
 * `--dev` runs `next dev` instead of the production server.
 */
import { spawn } from "node:child_process";
import { ensureBuild } from "./lib/build";
import { ensureDatabase, projectRoot } from "./lib/postgres";
import { authSecret, generatePrismaClient, migrate, runServerScript } from "./lib/prepare";
import { bin, type EnvOverrides } from "./lib/run";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const log = (line: string) => console.log(`[start] ${line}`);

const database = await ensureDatabase({ instance: "app", log });
let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  await database.stop().catch(() => undefined);
  process.exit(code);
}

try {
  const env: EnvOverrides = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    SMARKETING_EMBEDDED_DB: process.env.DATABASE_URL ? "0" : "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await generatePrismaClient();
  log("Applying database migrations …");
  await migrate(database.url);
  if (process.env.SEED_DEMO !== "false") await runServerScript("scripts/seed.ts", [], env);
  if (!dev) await ensureBuild(env, log);

  log(`Smarketing Workspace on http://localhost:${port} — demo logins in README.md (password smarketing-demo).`);
  const child = spawn(bin("next"), [dev ? "dev" : "start", "-p", port], {
    cwd: projectRoot(),
    env: { ...process.env, ...env, NODE_ENV: dev ? "development" : "production" },
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
