/**
 * The driver adapter the WebAssembly schema engine talks to PostgreSQL through:
 * `@prisma/adapter-pg`, with three fixes the migration engine needs.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18; // the one-byte "char" type of the system catalogs
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

/** "char" column positions of a result, keyed by its rows array (shared by performIO and queryRaw). */
const charColumns = new WeakMap();

let patched = false;
/**
 * (1) adapter-pg rejects catalog columns of type "char" (e.g. pg_class.relkind,
 *     pg_constraint.contype), which the engine reads when it describes a
 *     database: decode them as text and declare them as Character columns,
 *     the type the engine's describer expects.
 * (2) adapter-pg's executeScript splits on ";" (breaking function bodies and
 *     string literals) and spreads the pieces over pool connections without a
 *     transaction: run a migration script as one simple query instead, which
 *     PostgreSQL executes atomically.
 */
function patchAdapterPrototype(adapter) {
  if (patched) return;
  patched = true;
  const adapterProto = Object.getPrototypeOf(adapter);
  const queryableProto = Object.getPrototypeOf(adapterProto);
  const performIO = queryableProto.performIO;
  queryableProto.performIO = async function patchedPerformIO(query) {
    const result = await performIO.call(this, query);
    const positions = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        positions.push(index);
      }
    });
    if (positions.length > 0 && result.rows) charColumns.set(result.rows, positions);
    return result;
  };
  const queryRaw = queryableProto.queryRaw;
  queryableProto.queryRaw = async function patchedQueryRaw(query) {
    const result = await queryRaw.call(this, query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  adapterProto.executeScript = async function executeWholeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

/** Splits `?schema=` off a connection string (pg does not know it) into search_path. */
export function parseDatabaseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  for (const key of [
    "connection_limit",
    "pool_timeout",
    "pgbouncer",
    "statement_cache_size",
    "socket_timeout",
    "connect_timeout",
  ]) {
    parsed.searchParams.delete(key);
  }
  const config = { connectionString: parsed.toString(), max: 4 };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, schema, database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres", parsed };
}

function pgAdapter(url) {
  const { config, schema } = parseDatabaseUrl(url);
  return new PrismaPg(config, schema ? { schema } : undefined);
}

async function withServerClient(url, work) {
  const { parsed } = parseDatabaseUrl(url);
  parsed.pathname = "/postgres";
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * (3) PrismaPg.connectToShadowDb() ignores its database name (the connection
 *     string wins) and so would use the main database as the shadow one: this
 *     factory creates a throw-away database itself, or uses the configured
 *     shadowDatabaseUrl, and drops what it created afterwards.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const main = pgAdapter(url);
  const factory = {
    provider: "postgres",
    adapterName: main.adapterName,
    async connect() {
      const adapter = await main.connect();
      patchAdapterPrototype(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const adapter = await pgAdapter(shadowDatabaseUrl).connect();
        patchAdapterPrototype(adapter);
        return adapter;
      }
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await withServerClient(url, (client) => client.query(`CREATE DATABASE "${name}"`));
      const { parsed, schema } = parseDatabaseUrl(url);
      parsed.pathname = `/${name}`;
      if (schema) parsed.searchParams.set("schema", schema);
      const adapter = await pgAdapter(parsed.toString()).connect();
      patchAdapterPrototype(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await withServerClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      };
      return adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

export { withServerClient };
