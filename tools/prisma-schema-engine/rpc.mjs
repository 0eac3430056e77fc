/**
 * JSON-RPC front of the WebAssembly schema engine: the methods the Prisma CLI
 * calls on the native binary, mapped onto `SchemaEngine` from
 * `@prisma/schema-engine-wasm`, with the gaps of the wasm build filled in.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createAdapterFactory, parseDatabaseUrl, withServerClient } from "./adapter.mjs";

const require = createRequire(import.meta.url);
const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
const wasmVersion = JSON.parse(readFileSync(path.join(wasmDir, "package.json"), "utf8")).version;
/** The engine build hash, which must match the CLI's `@prisma/engines-version`. */
export const ENGINE_HASH = wasmVersion.split(".").at(-1);

/** Where the wasm engine leaves its panic message before trapping (it expects this global). */
export const panics = { last: null };
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panics.last = message;
  },
};

/** The wasm module is built for bundlers: instantiate it by hand, with its JS glue as imports. */
async function loadEngineModule() {
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(wasmDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

class RpcError extends Error {
  constructor(message, data) {
    super(message);
    this.data = data;
  }
}

/** Turns whatever the engine threw into the error shape the CLI reads (`code: 4466`). */
function toRpcError(error) {
  if (error instanceof RpcError) return error;
  let message = error instanceof Error ? error.message : String(error);
  let data = { is_panic: false, message };
  // The wasm engine throws its user-facing errors as JSON (error_code, message, meta).
  try {
    const parsed = JSON.parse(message);
    if (parsed && typeof parsed === "object") {
      message = parsed.message ?? message;
      data = { is_panic: Boolean(parsed.is_panic), message, error_code: parsed.error_code, meta: parsed.meta };
    }
  } catch {
    // plain text
  }
  if (error instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(message)) {
    data.is_panic = true;
    if (panics.last) {
      message = panics.last;
      data.message = panics.last;
      panics.last = null;
    }
  }
  return new RpcError(message, data);
}

const SHADOW_RETRY = /shadow (db|database).*external factory/i;

export class RpcServer {
  constructor({ datamodels, datasource }) {
    this.datamodels = datamodels;
    this.datasource = datasource;
    this.enginePromise = null;
    this.nextOutgoingId = 1_000_000;
    this.pendingOutgoing = new Map();
  }

  engine() {
    if (!this.enginePromise) {
      this.enginePromise = (async () => {
        const { SchemaEngine } = await loadEngineModule();
        const url = this.datasource.url;
        if (!url)
          throw new RpcError("No datasource URL was given to the schema engine.", {
            is_panic: false,
            message: "No datasource URL",
          });
        const factory = createAdapterFactory({ url, shadowDatabaseUrl: this.datasource.shadowDatabaseUrl });
        const log = (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
        return SchemaEngine.new({ datamodels: this.datamodels.length ? this.datamodels : undefined }, log, factory);
      })();
    }
    return this.enginePromise;
  }

  async close() {
    if (!this.enginePromise) return;
    const engine = await this.enginePromise.catch(() => null);
    try {
      engine?.free();
    } catch {
      // already freed
    }
  }

  write(message) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  /** Sends a request to the CLI (only `print`) and waits for its answer. */
  requestFromCli(method, params) {
    const id = this.nextOutgoingId++;
    return new Promise((resolve) => {
      this.pendingOutgoing.set(id, resolve);
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  /** Resolves a pending request of ours if `line` answers it; true when it did. */
  handleAnswer(line) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return false;
    }
    if (message?.method !== undefined || !this.pendingOutgoing.has(message?.id)) return false;
    this.pendingOutgoing.get(message.id)(message.result);
    this.pendingOutgoing.delete(message.id);
    return true;
  }

  async handleLine(line) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      this.write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    try {
      const result = await this.call(message.method, message.params ?? {});
      this.write({ jsonrpc: "2.0", id: message.id, result: result === undefined ? null : result });
    } catch (error) {
      const rpc = toRpcError(error);
      if (rpc.data.is_panic) {
        process.stderr.write(`${JSON.stringify({ level: "ERROR", fields: { message: rpc.message } })}\n`);
      }
      this.write({
        jsonrpc: "2.0",
        id: message.id,
        error: { code: 4466, message: "An error happened. Check the data field for details.", data: rpc.data },
      });
    }
  }

  async call(method, params) {
    switch (method) {
      case "getDatabaseVersion":
        return (await this.engine()).version(params);
      case "getDatabaseDescription":
        return this.describeDatabase();
      case "createDatabase":
        return this.createDatabase();
      case "diff":
        return this.diff(params);
      case "applyMigrations":
        return this.applyMigrations(params);
      case "evaluateDataLoss":
      case "createMigration":
        return this.withShadowRetry(method, params);
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush":
      case "dbExecute":
      case "introspect":
      case "introspectSql":
      case "ensureConnectionValidity": {
        const engine = await this.engine();
        return engine[method](params);
      }
      case "debugPanic":
        throw new RpcError("This is the debugPanic artificial panic", { is_panic: true, message: "debugPanic" });
      default:
        throw new RpcError(`Unknown method: ${method}`, { is_panic: false, message: `Unknown method ${method}` });
    }
  }

  /**
   * The wasm engine may refuse evaluateDataLoss/createMigration with "shadow DB
   * must be provided through an external factory" while migrations are
   * pending; a devDiagnostic first settles its state.
   */
  async withShadowRetry(method, params) {
    const engine = await this.engine();
    try {
      return await engine[method](params);
    } catch (error) {
      if (!SHADOW_RETRY.test(toRpcError(error).message)) throw error;
      await engine.devDiagnostic({
        migrationsList: params.migrationsList,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return engine[method](params);
    }
  }

  /** A failed migration comes back as a generic connector error: rebuild the CLI's P3018 from it. */
  async applyMigrations(params) {
    const engine = await this.engine();
    try {
      return await engine.applyMigrations(params);
    } catch (error) {
      const rpc = toRpcError(error);
      if (rpc.data.error_code === "P3018" || rpc.data.error_code === "P3009" || rpc.data.error_code === "P3005")
        throw rpc;
      const failed = await this.lastFailedMigration().catch(() => null);
      if (!failed) throw rpc;
      const dbError = rpc.data.message;
      throw new RpcError(dbError, {
        is_panic: false,
        error_code: "P3018",
        message: `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${failed}\n\nDatabase error:\n${dbError}`,
        meta: { migration_name: failed, database_error: dbError },
      });
    }
  }

  async lastFailedMigration() {
    const { config } = parseDatabaseUrl(this.datasource.url);
    const { default: pg } = await import("pg");
    const client = new pg.Client(config);
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      );
      return rows.rows[0]?.migration_name ?? null;
    } finally {
      await client.end();
    }
  }

  async diff(params) {
    const engine = await this.engine();
    const result = await engine.diff(params);
    // The native engine prints through the CLI: ask it to print, then report no stdout.
    if (result.stdout !== null && result.stdout !== undefined) {
      await this.requestFromCli("print", { content: result.stdout });
    }
    return { exitCode: result.exitCode, stdout: null };
  }

  async createDatabase() {
    const { database } = parseDatabaseUrl(this.datasource.url);
    await withServerClient(this.datasource.url, async (client) => {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    });
    return { databaseName: database };
  }

  async describeDatabase() {
    const engine = await this.engine();
    return engine.version({});
  }
}
