/**
 * The Prisma CLI works offline through tools/prisma-schema-engine (wired in by
 * prisma.config.ts): migrations deploy on a fresh database, status is clean,
 * the committed migrations match schema.prisma exactly (no drift), `db push`
 * works, and `migrate dev` creates the next migration.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
// The test harness sets TEST_ADMIN_DATABASE_URL; otherwise DATABASE_URL's server is used.
const adminUrl = (process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL) as string;
const COMMAND_TIMEOUT_MS = 120_000;

const createdDatabases: string[] = [];
const tempDirs: string[] = [];

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database with a unique name; dropped after the tests. */
async function freshDatabase(label: string): Promise<string> {
  const name = `prisma_cli_${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  createdDatabases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * Runs the Prisma CLI with DATABASE_URL pointing at `databaseUrl`. The engine
 * variable is removed so that prisma.config.ts has to wire the tool in itself.
 */
function prisma(args: string[], databaseUrl: string, cwd = root): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no version check over the network
    NO_COLOR: "1",
  };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  delete env.SHADOW_DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [prismaBin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n[killed after ${COMMAND_TIMEOUT_MS} ms]`;
      child.kill("SIGKILL");
    }, COMMAND_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: `$ prisma ${args.join(" ")}\n${output}` });
    });
  });
}

/** schema.prisma with one more column on User: a change that needs a migration. */
function schemaWithNickname(): string {
  const schema = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
  const changed = schema.replace(/model User \{\n/, "model User {\n  nickname String?\n");
  expect(changed).not.toBe(schema);
  return changed;
}

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await withAdmin(async (client) => {
    for (const name of createdDatabases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("prisma CLI without network", () => {
  it("reports the engine version of the pinned wasm build", () => {
    const engine = path.join(root, "tools", "prisma-schema-engine", "schema-engine.mjs");
    const result = spawnSync(process.execPath, [engine, "--version"], { encoding: "utf8", timeout: 30_000 });
    const expected = JSON.parse(
      readFileSync(path.join(root, "node_modules", "@prisma", "engines-version", "package.json"), "utf8"),
    ).prisma.enginesVersion as string;
    expect(result.stdout.trim()).toBe(`schema-engine-cli ${expected}`);
  });

  it("deploys the migrations to a fresh database; status is clean; no drift from schema.prisma", {
    timeout: 3 * COMMAND_TIMEOUT_MS,
  }, async () => {
    const url = await freshDatabase("deploy");
    const deploy = await prisma(["migrate", "deploy"], url);
    expect(deploy.code, deploy.output).toBe(0);

    const status = await prisma(["migrate", "status"], url);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");

    const diff = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      url,
    );
    expect(diff.code, diff.output).toBe(0);
  });

  it("db push creates the schema; a schema change is detected and scripted by migrate diff", {
    timeout: 3 * COMMAND_TIMEOUT_MS,
  }, async () => {
    const url = await freshDatabase("push");
    // The schema's trigram indexes need the extension (the migrations create it themselves).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.end();
    const push = await prisma(["db", "push"], url);
    expect(push.code, push.output).toBe(0);

    // The pushed database matches schema.prisma…
    const clean = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      url,
    );
    expect(clean.code, clean.output).toBe(0);

    // …and a schema with one more column differs from both the database and the migrations (exit code 2).
    const changed = path.join(tempDir("prisma-cli-schema-"), "schema.prisma");
    writeFileSync(changed, schemaWithNickname());
    for (const from of [["--from-config-datasource"], ["--from-migrations", "prisma/migrations"]]) {
      const diff = await prisma(["migrate", "diff", ...from, "--to-schema", changed, "--script", "--exit-code"], url);
      expect(diff.code, diff.output).toBe(2);
      expect(diff.output).toContain('ALTER TABLE "User" ADD COLUMN');
      expect(diff.output).toContain('"nickname" TEXT');
    }
  });
});

describe("prisma migrate dev without network", () => {
  it("creates the next migration on a database with pending migrations (shadow database, catalog types)", {
    timeout: 3 * COMMAND_TIMEOUT_MS,
  }, async () => {
    const url = await freshDatabase("dev");
    // A scratch copy of the project's prisma folder, config and tool, with one more column.
    const dir = tempDir("prisma-cli-dev-");
    cpSync(path.join(root, "prisma"), path.join(dir, "prisma"), { recursive: true });
    cpSync(path.join(root, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
    cpSync(path.join(root, "tools", "prisma-schema-engine"), path.join(dir, "tools", "prisma-schema-engine"), {
      recursive: true,
    });
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    writeFileSync(path.join(dir, "prisma", "schema.prisma"), schemaWithNickname());
    const migrationsDir = path.join(dir, "prisma", "migrations");
    const before = readdirSync(migrationsDir).length;
    const shadowDatabases = () =>
      withAdmin(async (client) => {
        const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
        return rows.map((row) => row.datname as string);
      });
    const shadowsBefore = await shadowDatabases();

    const dev = await prisma(["migrate", "dev", "--name", "nickname"], url, dir);
    expect(dev.code, dev.output).toBe(0);
    const created = readdirSync(migrationsDir).filter((name) => name.endsWith("_nickname"));
    expect(created).toHaveLength(1);
    expect(readdirSync(migrationsDir)).toHaveLength(before + 1);
    const sql = readFileSync(path.join(migrationsDir, created[0] as string, "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "User" ADD COLUMN     "nickname" TEXT');

    const status = await prisma(["migrate", "status"], url, dir);
    expect(status.code, status.output).toBe(0);
    // The temporary shadow database was dropped again.
    const leftovers = (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
    expect(leftovers).toEqual([]);
  });
});
