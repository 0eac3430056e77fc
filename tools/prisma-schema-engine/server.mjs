/**
 * Connection strings and server-level operations (create, drop, check a
 * database): what the native engine does itself and the wasm engine leaves to
 * its host.
 */
import pg from "pg";

/** Query parameters of Prisma URLs that node-postgres does not understand. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "connect_timeout",
];

/**
 * Splits a Prisma connection string into a node-postgres config. `?schema=`
 * becomes the search path of every session, which is how the native engine
 * honours it.
 */
export function parseDatabaseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  for (const key of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(key);
  const config = { connectionString: parsed.toString() };
  // (libpq `options` split on whitespace: escape it, and backslashes, in the schema name)
  if (schema) config.options = `-c search_path=${quoteIdent(schema).replace(/[\s\\]/g, "\\$&")}`;
  return { config, schema, database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres", parsed };
}

export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The connection string of `url` with another database name (and the same `?schema=`). */
export function withDatabase(url, database) {
  const { parsed, schema } = parseDatabaseUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  if (schema) parsed.searchParams.set("schema", schema);
  return parsed.toString();
}

// Like the native engine: "postgres" is the usual maintenance database,
// "template1" always exists, "defaultdb" is the only one on some managed services.
const ADMIN_DATABASES = ["postgres", "template1", "defaultdb"];
const SKIP_ADMIN_DATABASE = new Set(["3D000", "42501"]); // database does not exist, access denied

/** Runs `work` on a connection to a maintenance database of the server of `url`. */
export async function withServerClient(url, work) {
  const { parsed } = parseDatabaseUrl(url);
  let lastError;
  for (const name of ADMIN_DATABASES) {
    parsed.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: parsed.toString() });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if (SKIP_ADMIN_DATABASE.has(error.code)) continue;
      throw error;
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  throw lastError;
}

export async function databaseExists(url) {
  const { database } = parseDatabaseUrl(url);
  return withServerClient(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    return found.rowCount > 0;
  });
}

/** Creates the database of `url` if missing, and its `?schema=` schema, as the native engine does. */
export async function createDatabase(url) {
  const { database, schema, config } = parseDatabaseUrl(url);
  await withServerClient(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
  if (schema) {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await client.end();
    }
  }
  return database;
}

/** Drops the database of `url`, ending its sessions first (WITH (FORCE) needs PostgreSQL 13+). */
export async function dropDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  await withServerClient(url, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    } catch (error) {
      if (error.code !== "42601") throw error; // syntax error: a server older than 13
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
    }
  });
}

/** Same server and database? (A shadow database must never be the main one: it gets wiped.) */
export function isSameDatabase(urlA, urlB) {
  const key = (url) => {
    const { parsed, database } = parseDatabaseUrl(url);
    return `${parsed.hostname}:${parsed.port || "5432"}/${database}`;
  };
  return key(urlA) === key(urlB);
}

/**
 * Empties the `?schema=` schema (default `public`) of the database of `url`,
 * as the native engine resets a configured shadow database before using it.
 */
export async function resetSchema(url) {
  const { config, schema = "public" } = parseDatabaseUrl(url);
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}
