#!/usr/bin/env node
/**
 * Stands in for Prisma's native `schema-engine` binary (which the CLI would
 * download) using Prisma's own WebAssembly schema engine, so that `prisma
 * migrate …`, `prisma db …` and `prisma generate` work without network.
 * `prisma.config.ts` points PRISMA_SCHEMA_ENGINE_BINARY here.
 *
 * Same interface as the binary:
 *   schema-engine --version
 *   schema-engine --datamodels <file>… --datasource '{"url":…,"shadowDatabaseUrl":…}'
 *       → JSON-RPC 2.0 on stdin/stdout, one message per line, until stdin ends
 *   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { RpcServer } from "./rpc.mjs";
import { createDatabase, databaseExists, dropDatabase, parseDatabaseUrl } from "./server.mjs";
import { ENGINE_HASH, panics } from "./wasm.mjs";

// A panic inside an engine future surfaces here, not in the call: report it as
// the native engine does (an ERROR line with the panic message, exit code 101).
process.on("uncaughtException", (error) => {
  const message = panics.last ?? (error instanceof Error ? error.message : String(error));
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message, is_panic: true } })}\n`,
  );
  process.exit(101);
});

function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") out.version = true;
    else if (arg === "--datamodels" || arg === "-d") {
      // The CLI repeats the flag per file; the native binary also takes several files after one flag.
      while (i + 1 < argv.length && !argv[i + 1].startsWith("-") && argv[i + 1] !== "cli")
        out.datamodels.push(argv[++i]);
    } else if (arg === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") out.cli = argv.slice(i + 1);
  }
  return out;
}

/** An error the CLI understands: a log line on stderr, exit code 1. */
function cliError(errorCode, message) {
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: errorCode, message } })}\n`,
  );
  process.exit(1);
}

/** The `cli …` subcommands the CLI runs before it starts the RPC server (e.g. to create a missing database). */
async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  if (!url) cliError("P1012", "The datasource URL is missing.");
  // The CLI drops the first stderr line of these commands.
  process.stderr.write(`${JSON.stringify({ level: "INFO", fields: { message: "schema-engine (wasm)" } })}\n`);
  const { database } = parseDatabaseUrl(url);
  try {
    if (command === "can-connect-to-database") {
      if (!(await databaseExists(url))) {
        cliError("P1003", `Database \`${database}\` does not exist on the database server.`);
      }
    } else if (command === "create-database") {
      await createDatabase(url);
      process.stdout.write(`${JSON.stringify({ database_name: database })}\n`);
    } else if (command === "drop-database") {
      await dropDatabase(url);
    } else {
      cliError("P1000", `Unknown command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    if (error.code === "28P01") cliError("P1000", "Authentication failed against the database server.");
    cliError("P1001", `Can't reach database server: ${error.message}`);
  }
}

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
  process.exit(0);
}

if (args.cli) {
  await runCliCommand(args.cli[0], args.datasource);
} else {
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const server = new RpcServer({ datamodels, datasource: args.datasource ?? {} });
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  // One call at a time, in arrival order: the engine is not re-entrant.
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    if (!line.trim()) return;
    // Answers from the CLI (to our `print` requests) must not wait behind the call that asked.
    if (server.handleAnswer(line)) return;
    queue = queue.then(() => server.handleLine(line));
  });
  lines.on("close", () => {
    // stdin closed: finish the call in flight, then exit (the pg pool would keep Node alive).
    queue.then(
      () => server.close().finally(() => process.exit(0)),
      () => process.exit(101),
    );
  });
}
