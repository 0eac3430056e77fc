/**
 * The servers Playwright drives (started by playwright.config.ts): a fresh,
 * migrated and demo-seeded database, the production build, two `next start`
 * instances and a round-robin balancer in front of them (E2E_PORT).
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { startOidcProvider } from "../tests/support/oidc-provider";
import { startSmtpServer } from "../tests/support/smtp-server";
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

// The mail the app sends (invitations, password resets, notifications) goes to a real SMTP server of this run;
// the journeys read it through the control plane (GET /mail) and follow its links.
const smtp = await startSmtpServer(Number(process.env.E2E_SMTP_PORT ?? Number(port) + 4000));
log(`SMTP server on ${smtp.port}`);

// A real OpenID Connect provider for the single sign-on journey (it can be told to misbehave: see its module).
const idp = await startOidcProvider({
  port: Number(process.env.E2E_IDP_PORT ?? Number(port) + 5000),
  clientId: "smarketing-e2e",
  clientSecret: "e2e-client-secret-e2e-client-secret",
  redirectUris: [`http://localhost:${port}/api/auth/callback/test-idp`],
});
log(`OIDC provider at ${idp.issuer}`);

const env: EnvOverrides = {
  SMTP_URL: smtp.url,
  OIDC_PROVIDERS: JSON.stringify([
    {
      id: "test-idp",
      name: "Test IdP",
      issuer: idp.issuer,
      clientId: "smarketing-e2e",
      clientSecret: "e2e-client-secret-e2e-client-secret",
    },
  ]),
  MAIL_FROM: "Smarketing Workspace <no-reply@smarketing.test>",
  DATABASE_URL: url.toString(),
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NEXTAUTH_URL: `http://localhost:${port}`,
  SMARKETING_EMBEDDED_DB: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // The webhook journey's receivers are real servers on 127.0.0.1.
  WEBHOOK_ALLOW_LOOPBACK: "true",
};
await generatePrismaClient();
await migrate(env.DATABASE_URL as string);
await runServerScript("scripts/seed.ts", [], env);
await ensureBuild(env, log);

let balancer: http.Server | undefined;
let control: http.Server | undefined;
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  balancer?.close();
  control?.close();
  await smtp.close();
  await idp.close();
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await server.stop();
  process.exit(code);
};

// Two app servers on one database behind a round-robin balancer: every journey crosses both.
const instancePorts = (process.env.E2E_INSTANCE_PORTS ?? `${Number(port) + 1},${Number(port) + 2}`).split(",");
const children: ChildProcess[] = [];
/** App servers killed on purpose by a fault test (their exit must not end the run). */
const killed = new Set<ChildProcess>();
function startInstance(index: number) {
  const child = spawn(bin("next"), ["start", "-p", instancePorts[index] as string], {
    cwd: projectRoot(),
    env: { ...process.env, ...env, NODE_ENV: "production", INSTANCE_NAME: `app-${index + 1}` },
    stdio: "inherit",
  });
  child.on("exit", (code) => {
    if (!killed.has(child)) void stop(code ?? 0);
  });
  children[index] = child;
}
for (let index = 0; index < instancePorts.length; index++) startInstance(index);
for (const instancePort of instancePorts) await waitForHealth(Number(instancePort));
balancer = await startBalancer(Number(port), instancePorts.map(Number), log);
log(`Balancer on ${port} → app servers on ${instancePorts.join(", ")}`);

/**
 * The test harness's control plane (on E2E_CONTROL_PORT, 127.0.0.1): stop and start PostgreSQL, SIGKILL
 * and restart an app server (the fault tests), and GET /mail?to=&since= — the newest mail the SMTP server
 * received for an address since a moment (waits up to 10 s; 404 if none).
 */
control = http.createServer(async (request, response) => {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  try {
    const url = new URL(request.url ?? "/", "http://control");
    if (request.method === "GET" && url.pathname === "/mail") {
      const mail = await smtp
        .waitFor(url.searchParams.get("to") ?? "", { since: Number(url.searchParams.get("since") ?? 0) })
        .catch(() => null);
      return mail ? reply(200, mail) : reply(404, { error: "no mail" });
    }
    const [, kind, target, verb] = url.pathname.split("/");
    if (request.method !== "POST") return reply(405, { error: "POST only" });
    if (kind === "db" && (target === "stop" || target === "start")) {
      const change = target === "stop" ? server.pause : server.resume;
      if (!change) return reply(409, { error: "PostgreSQL was not started by this run; it cannot be restarted" });
      await change();
      return reply(200, { db: target });
    }
    const index = Number(target);
    const child = children[index];
    if (kind === "app" && child && verb === "kill") {
      killed.add(child);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      return reply(200, { app: index, killed: true });
    }
    if (kind === "app" && child && verb === "start") {
      startInstance(index);
      await waitForHealth(Number(instancePorts[index]));
      return reply(200, { app: index, started: true });
    }
    reply(404, { error: "unknown command" });
  } catch (error) {
    reply(500, { error: String(error) });
  }
});
const controlPort = Number(process.env.E2E_CONTROL_PORT ?? Number(port) + 3000);
control.listen(controlPort, "127.0.0.1");

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());

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
