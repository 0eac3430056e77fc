import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine; this project ships a
// stand-in built on Prisma's WebAssembly engine (tools/prisma-schema-engine),
// so every `prisma` command works offline. An explicit variable still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "tools",
  "prisma-schema-engine",
  "schema-engine.mjs",
);

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    // Commands that only read the schema (generate, format) need no database.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
