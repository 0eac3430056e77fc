/**
 * The servers Playwright drives (started by playwright.config.ts): a fresh,
 * migrated and demo-seeded database, the production build, two `next start`
 * instances and a round-robin balancer in front of them (E2E_PORT).
 */
import { spawn } from "node:child_process";
import { startBalancer } from "./lib/balancer";
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

// Two app servers on one database behind a round-robin balancer: every journey crosses both.
const instancePorts = (process.env.E2E_INSTANCE_PORTS ?? `${Number(port) + 1},${Number(port) + 2}`).split(",");
const children = instancePorts.map((instancePort, index) =>
  spawn(bin("next"), ["start", "-p", instancePort], {
    cwd: projectRoot(),
    env: { ...process.env, ...env, NODE_ENV: "production", INSTANCE_NAME: `app-${index + 1}` },
    stdio: "inherit",
  }),
);
for (const instancePort of instancePorts) await waitForHealth(Number(instancePort));
const balancer = await startBalancer(Number(port), instancePorts.map(Number), log);
log(`Balancer on ${port} → app servers on ${instancePorts.join(", ")}`);

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  balancer.close();
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await server.stop();
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
for (const child of children) child.on("exit", (code) => void stop(code ?? 0));

async function waitForHealth(instancePort: number) {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${instancePort}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`App server on ${instancePort} did not become healthy`);
}
