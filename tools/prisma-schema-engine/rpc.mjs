/**
 * JSON-RPC front of the WebAssembly schema engine: the methods the Prisma CLI
 * calls on the native binary, mapped onto `SchemaEngine`, with the gaps of the
 * wasm build filled in.
 */
import pg from "pg";
import { createAdapterFactory, explainExternalErrors, scriptErrors } from "./adapter.mjs";
import { migrationFailedError, RpcError, toRpcError } from "./errors.mjs";
import { createDatabase, parseDatabaseUrl } from "./server.mjs";
import { loadSchemaEngine } from "./wasm.mjs";

/** Methods the wasm engine implements under the same name and parameters. */
const PASS_THROUGH = new Set([
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
  "dbExecute",
  "introspect",
  "ensureConnectionValidity",
]);

const SHADOW_REFUSAL = /shadow (db|database).*external factory/i;

export class RpcServer {
  constructor({ datamodels, datasource }) {
    this.datamodels = datamodels;
    this.datasource = datasource;
    this.enginePromise = null;
    this.nextOutgoingId = 1_000_000;
    this.pendingOutgoing = new Map();
    this.factory = null;
  }

  engine() {
    this.enginePromise ??= (async () => {
      const url = this.datasource.url;
      if (!url) throw new RpcError("No datasource URL was given to the schema engine.");
      const SchemaEngine = await loadSchemaEngine();
      const factory = createAdapterFactory({ url, shadowDatabaseUrl: this.datasource.shadowDatabaseUrl });
      this.factory = factory;
      // The engine's log lines are already the JSON the CLI expects on stderr.
      const log = (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
      return SchemaEngine.new({ datamodels: this.datamodels.length ? this.datamodels : undefined }, log, factory);
    })();
    return this.enginePromise;
  }

  async close() {
    const engine = await this.enginePromise?.catch(() => null);
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
      const { data, message: text } = toRpcError(error);
      data.message = explainExternalErrors(data.message, this.factory);
      if (data.is_panic) process.stderr.write(`${JSON.stringify({ level: "ERROR", fields: { message: text } })}\n`);
      this.write({
        jsonrpc: "2.0",
        id: message.id,
        // The CLI shows error.message for a panic ("Error in Schema engine. Reason: …") and data otherwise.
        error: {
          code: 4466,
          message: data.is_panic ? text : "An error happened. Check the data field for details.",
          data,
        },
      });
    }
  }

  async call(method, params) {
    if (PASS_THROUGH.has(method)) return (await this.engine())[method](params);
    switch (method) {
      case "getDatabaseVersion":
        return (await this.engine()).version(params);
      case "getDatabaseDescription": // not in wasm; no CLI command uses it beyond reporting
        return (await this.engine()).version({});
      case "createDatabase":
        return { databaseName: await createDatabase(this.datasource.url) };
      case "diff":
        return this.diff(params);
      case "applyMigrations":
        return this.applyMigrations(params);
      case "evaluateDataLoss":
      case "createMigration":
        return this.withShadowRetry(method, params);
      case "introspectSql":
        // The wasm build recurses without end here (stack overflow): fail cleanly instead.
        throw new RpcError(
          "Typed SQL (`prisma generate --sql`) is not supported by the WebAssembly schema engine " +
            "(tools/prisma-schema-engine). Use a native schema engine for it (PRISMA_SCHEMA_ENGINE_BINARY).",
        );
      case "debugPanic":
        throw new RpcError("This is the debugPanic artificial panic", { is_panic: true });
      default:
        throw new RpcError(`Unknown method: ${method}`);
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
      if (!SHADOW_REFUSAL.test(toRpcError(error).message)) throw error;
      await engine.devDiagnostic({
        migrationsList: params.migrationsList,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return engine[method](params);
    }
  }

  /** A failed migration comes back as a generic connector error: rebuild the CLI's P3018 from the PostgreSQL error. */
  async applyMigrations(params) {
    const engine = await this.engine();
    scriptErrors.last = null;
    try {
      return await engine.applyMigrations(params);
    } catch (error) {
      const rpc = toRpcError(error);
      const failedScript = scriptErrors.last;
      if (rpc.data.error_code || !failedScript) throw rpc;
      const name = await this.lastFailedMigration().catch(() => null);
      if (!name) throw rpc;
      throw migrationFailedError(name, failedScript.error, failedScript.script);
    }
  }

  /** The migration the engine recorded as started and not finished (in the `?schema=` schema). */
  async lastFailedMigration() {
    const client = new pg.Client(parseDatabaseUrl(this.datasource.url).config);
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name FROM _prisma_migrations
         WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      );
      return rows[0]?.migration_name ?? null;
    } finally {
      await client.end();
    }
  }

  /** The native engine prints the diff through the CLI (a `print` request), then reports no stdout. */
  async diff(params) {
    const result = await (await this.engine()).diff(params);
    if (result.stdout !== null && result.stdout !== undefined) {
      await this.requestFromCli("print", { content: result.stdout });
    }
    return { exitCode: result.exitCode, stdout: null };
  }
}
