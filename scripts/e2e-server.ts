/**
 * The server Playwright drives (started by playwright.config.ts): a fresh,
 * migrated and demo-seeded database, the production build, `next start`.
 */
import { spawn } from "node:child_process";
import { ensureBuild } from "./lib/build";
import { createDatabaseIfMissing, dropDatabaseIfExists, ensureDatabase, projectRoot } from "./lib/postgres";
import { generatePrismaClient, migrate, runServerScript } from "./lib/prepare";
import { bin, type EnvOverrides } from "./lib/run";

const port = process.env.E2E_PORT ?? "3100";
const log = (line: string) => console.log(`[e2e-server] ${line}`);

const server = await ensureDatabase({ instance: "test", database: "postgres", log });
const name = "smarketing_e2e";
await dropDatabaseIfExists(server.adminUrl, name);
await createDatabaseIfMissing(server.adminUrl, name);
const url = new URL(server.adminUrl);
url.pathname = `/${name}`;

const env: EnvOverrides = {
  DATABASE_URL: url.toString(),
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NEXTAUTH_URL: `http://localhost:${port}`,
  SMARKETING_EMBEDDED_DB: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
await generatePrismaClient();
await migrate(env.DATABASE_URL as string);
await runServerScript("scripts/seed.ts", [], env);
await ensureBuild(env, log);

const child = spawn(bin("next"), ["start", "-p", port], {
  cwd: projectRoot(),
  env: { ...process.env, ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
const stop = async () => {
  child.kill("SIGTERM");
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
child.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
