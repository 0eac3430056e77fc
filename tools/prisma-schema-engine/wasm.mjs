/**
 * Loads Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`),
 * which is built for bundlers: a plain `import` of the package fails on its
 * `.wasm` import, so the module is instantiated here with its JS glue as the
 * imports object.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
const packageVersion = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")).version;

/** The engine build hash (`7.10.0-4.<hash>`), which must match the CLI's `@prisma/engines-version`. */
export const ENGINE_HASH = packageVersion.split(".").at(-1);

/** Where the wasm engine leaves its panic message before trapping (it looks up this global). */
export const panics = { last: null };
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panics.last = message;
  },
};

let glue;
/** The `SchemaEngine` class of the wasm module (instantiated once per process). */
export async function loadSchemaEngine() {
  if (!glue) {
    const module = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": module });
    module.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    glue = module;
  }
  return glue.SchemaEngine;
}
