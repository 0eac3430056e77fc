/**
 * Errors in the shapes the Prisma CLI reads from the native engine.
 */
import { panics } from "./wasm.mjs";

/** An error with the `data` the CLI reads: `{ is_panic, message, error_code?, meta? }`. */
export class RpcError extends Error {
  constructor(message, data = {}) {
    super(message);
    this.data = { is_panic: false, message, ...data };
  }
}

/** Turns whatever the engine threw into an RpcError. */
export function toRpcError(error) {
  if (error instanceof RpcError) return error;
  let message = error instanceof Error ? error.message : String(error);
  let data = {};
  // The wasm engine throws its user-facing errors as JSON (error_code, message, meta).
  try {
    const parsed = JSON.parse(message);
    if (parsed && typeof parsed === "object") {
      message = parsed.message ?? message;
      data = { is_panic: Boolean(parsed.is_panic), error_code: parsed.error_code, meta: parsed.meta };
    }
  } catch {
    // plain text
  }
  if (error instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(message)) {
    data.is_panic = true;
    if (panics.last) {
      message = panics.last;
      panics.last = null;
    }
  }
  return new RpcError(message, data);
}

/**
 * The native engine's P3018 for a migration script PostgreSQL rejected (the
 * wasm engine only reports a generic "external connector error"): the SQLSTATE,
 * the server's message with DETAIL/HINT, and the lines around the error position.
 */
export function migrationFailedError(migrationName, pgError, script) {
  const code = pgError?.code ?? "none";
  let databaseError = pgError?.severity ? `${pgError.severity}: ${pgError.message}` : String(pgError?.message);
  if (pgError?.detail) databaseError += `\nDETAIL: ${pgError.detail}`;
  if (pgError?.hint) databaseError += `\nHINT: ${pgError.hint}`;
  if (pgError?.position && script) databaseError += errorPosition(script, Number(pgError.position));
  return new RpcError(
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
      "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve" +
      `\n\nMigration name: ${migrationName}\n\nDatabase error code: ${code}\n\nDatabase error:\n${databaseError}\n`,
    {
      error_code: "P3018",
      meta: { migration_name: migrationName, database_error_code: code, database_error: databaseError },
    },
  );
}

/** "Position:" and the numbered script lines up to the one holding character `position` (1-based). */
function errorPosition(script, position) {
  const lines = script.split("\n");
  let end = 0;
  for (let index = 0; index < lines.length; index++) {
    end += lines[index].length + 1;
    if (position <= end) {
      const first = Math.max(0, index - 5);
      const numbered = lines.slice(first, index + 1).map((line, i) => `${String(first + i + 1).padStart(3)} ${line}`);
      return `\n\nPosition:\n${numbered.join("\n")}`;
    }
  }
  return "";
}
