/**
 * The driver adapter the WebAssembly schema engine talks to PostgreSQL through:
 * `@prisma/adapter-pg`, with the fixes the migration engine needs.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import {
  createDatabase,
  dropDatabase,
  isSameDatabase,
  parseDatabaseUrl,
  resetSchema,
  withDatabase,
} from "./server.mjs";

const PG_CHAR_OID = 18; // the one-byte "char" type of the system catalogs
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

/** "char" column positions of a result, keyed by its rows array (shared by performIO and queryRaw). */
const charColumns = new WeakMap();

/** The PostgreSQL error of the last migration script that failed (for the CLI's P3018). */
export const scriptErrors = { last: null };

let patched = false;
/**
 * (1) adapter-pg rejects catalog columns of type "char" (e.g. pg_class.relkind,
 *     pg_constraint.contype), which the engine reads when it describes a
 *     database: decode them as text and declare them as Character columns,
 *     the type the engine's describer expects.
 * (2) adapter-pg's executeScript splits on ";" (breaking function bodies and
 *     string literals) and spreads the pieces over pool connections without a
 *     transaction: run a migration script as one simple query instead, which
 *     PostgreSQL executes atomically — as the native engine does.
 * Patched on the prototypes, once: transactions share PgQueryable with the adapter.
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
    scriptErrors.last = null;
    try {
      await this.client.query(script);
    } catch (error) {
      scriptErrors.last = { error, script };
      this.onError(error);
    }
  };
}

async function connect(url) {
  const { config, schema } = parseDatabaseUrl(url);
  // One session per database, like the native engine: the engine takes a
  // session-level advisory lock (pg_advisory_lock) before migrating, and later
  // statements must not land on another pooled session that would wait for it.
  const adapter = await new PrismaPg({ ...config, max: 1 }, schema ? { schema } : undefined).connect();
  patchAdapterPrototype(adapter);
  return adapter;
}

/**
 * (3) PrismaPg.connectToShadowDb() ignores its database name (the connection
 *     string wins) and so would use the main database as the shadow one: this
 *     factory creates a throw-away database itself and drops it afterwards.
 *     A configured shadowDatabaseUrl is emptied first instead, as the native
 *     engine does (the wasm engine expects a clean shadow database on every
 *     connection, and may connect more than once per command).
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const shadowUrl = withMainSchema(shadowDatabaseUrl, url);
        if (isSameDatabase(url, shadowUrl)) {
          throw new Error(
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
          );
        }
        await createDatabase(shadowUrl);
        await resetSchema(shadowUrl);
        return connect(shadowUrl);
      }
      const shadowUrl = withDatabase(url, `prisma_shadow_${randomUUID().replaceAll("-", "")}`);
      await createDatabase(shadowUrl);
      const adapter = await connect(shadowUrl).catch(async (error) => {
        await dropDatabase(shadowUrl).catch(() => {});
        throw error;
      });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropDatabase(shadowUrl);
      };
      return adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/**
 * The shadow database must hold the migrations in the schema the main one
 * uses, or the engine compares different schemas and reports drift: a shadow
 * URL without `?schema=` takes the main URL's.
 */
function withMainSchema(shadowUrl, mainUrl) {
  const { schema } = parseDatabaseUrl(mainUrl);
  if (!schema || parseDatabaseUrl(shadowUrl).schema) return shadowUrl;
  const parsed = new URL(shadowUrl);
  parsed.searchParams.set("schema", schema);
  return parsed.toString();
}

/**
 * The engine reports an error thrown in JS (by the factory, e.g. on connecting)
 * as "External error id#N", N being its index in the bound factory's registry:
 * put the original message back.
 */
export function explainExternalErrors(message, boundFactory) {
  return message.replace(/External error id#(\d+)/g, (text, id) => {
    const error = boundFactory?.errorRegistry?.consumeError(Number(id))?.error;
    return error?.message ? `${text}: ${error.message}` : text;
  });
}
