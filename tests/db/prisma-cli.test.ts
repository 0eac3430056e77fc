/**
 * The Prisma CLI works offline through tools/prisma-schema-engine: migrations
 * deploy on a fresh database, status is clean, and the committed migrations
 * match schema.prisma exactly (no drift).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, dropDatabaseIfExists } from "../../scripts/lib/postgres";

const root = path.resolve(import.meta.dirname, "..", "..");
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL as string;
const created: string[] = [];

async function freshDatabase(label: string) {
  const name = `prisma_cli_${label}_${process.pid}_${Date.now()}`;
  await createDatabaseIfMissing(adminUrl, name);
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function prisma(args: string[], databaseUrl: string, cwd = root) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(async () => {
  for (const name of created) await dropDatabaseIfExists(adminUrl, name);
});

describe("prisma CLI without network", () => {
  it("reports the engine version of the pinned wasm build", () => {
    const engine = path.join(root, "tools", "prisma-schema-engine", "schema-engine.mjs");
    const result = spawnSync(process.execPath, [engine, "--version"], { encoding: "utf8" });
    const expected = JSON.parse(
      readFileSync(path.join(root, "node_modules", "@prisma", "engines-version", "package.json"), "utf8"),
    ).prisma.enginesVersion as string;
    expect(result.stdout.trim()).toBe(`schema-engine-cli ${expected}`);
  });

  it("deploys the migrations to a fresh database; status is clean; no drift from schema.prisma", {
    timeout: 180_000,
  }, async () => {
    const url = await freshDatabase("deploy");
    const deploy = prisma(["migrate", "deploy"], url);
    expect(deploy.code, deploy.output).toBe(0);
    const status = prisma(["migrate", "status"], url);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");
    const diff = prisma(
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

  it("db push creates the schema; a schema change is detected as drift and scripted", {
    timeout: 180_000,
  }, async () => {
    const url = await freshDatabase("push");
    // The schema's trigram indexes need the extension (the migrations create it themselves).
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.end();
    const push = prisma(["db", "push"], url);
    expect(push.code, push.output).toBe(0);

    // A copy of the schema with one more column must differ from the migrations (exit code 2).
    const dir = mkdtempSync(path.join(tmpdir(), "schema-"));
    const changed = path.join(dir, "schema.prisma");
    writeFileSync(
      changed,
      readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8").replace(
        /model User \{\n/,
        "model User {\n  nickname String?\n",
      ),
    );
    const diff = prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", changed, "--script", "--exit-code"],
      url,
    );
    expect(diff.code, diff.output).toBe(2);
    expect(diff.output).toContain('ALTER TABLE "User" ADD COLUMN');
    expect(diff.output).toContain('"nickname" TEXT');
  });
});

describe("prisma migrate dev without network", () => {
  it("creates the next migration on a database with pending migrations (shadow database, catalog types)", {
    timeout: 240_000,
  }, async () => {
    const url = await freshDatabase("dev");
    // A scratch copy of the project's prisma folder and config, with one more column.
    const dir = mkdtempSync(path.join(tmpdir(), "migrate-dev-"));
    cpSync(path.join(root, "prisma"), path.join(dir, "prisma"), { recursive: true });
    cpSync(path.join(root, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
    cpSync(path.join(root, "tools"), path.join(dir, "tools"), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    const schema = path.join(dir, "prisma", "schema.prisma");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(/model User \{\n/, "model User {\n  nickname String?\n"),
    );
    const before = readdirSync(path.join(dir, "prisma", "migrations")).length;

    const dev = prisma(["migrate", "dev", "--name", "nickname"], url, dir);
    expect(dev.code, dev.output).toBe(0);
    const created = readdirSync(path.join(dir, "prisma", "migrations")).filter((name) => name.endsWith("_nickname"));
    expect(created).toHaveLength(1);
    expect(readdirSync(path.join(dir, "prisma", "migrations")).length).toBe(before + 1);
    const sql = readFileSync(path.join(dir, "prisma", "migrations", created[0] as string, "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "User" ADD COLUMN     "nickname" TEXT');
    expect(prisma(["migrate", "status"], url, dir).code).toBe(0);
  });
});
