/**
 * One `next start` process of the production build for the HTTP benchmarks,
 * and a keep-alive client pool to drive it from the same machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { projectRoot } from "./postgres";
import { bin } from "./run";

/** Enough sockets for the benchmarks' 20 clients. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });

/** One request on the keep-alive pool; resolves with the status once the body is read. */
export function request(
  port: number,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<number>((resolve, reject) => {
    // Like most HTTP client libraries, ask for gzip: the app decides which answers are worth compressing.
    const all = { "accept-encoding": "gzip, deflate", ...headers };
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: all, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export async function startApp(port: number): Promise<ChildProcess> {
  const child = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot(),
    // No background jobs: a nightly index rebuild or a sweep would share the cores with what is measured.
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      SCHEDULER: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const ok = await request(port, "GET", "/api/health", {}).then(
      (status) => status === 200,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("the app did not answer /api/health within 60 s");
}
