/**
 * `npm run cli -- <command> [options]`: the admin CLI, against the same
 * database as the app (DATABASE_URL, or the embedded server — reused if the app
 * is running, started for the duration of the command otherwise).
 */
import { ensureDatabase } from "./lib/postgres";
import { authSecret, generatePrismaClient, migrate } from "./lib/prepare";
import { run } from "./lib/run";

const database = await ensureDatabase({ instance: "app", log: (line) => console.error(`[cli] ${line}`) });
let code = 1;
try {
  await generatePrismaClient();
  await migrate(database.url);
  code = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cli-commands.ts", ...process.argv.slice(2)],
    {
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: authSecret(),
        SMARKETING_EMBEDDED_DB: process.env.DATABASE_URL ? "0" : "1",
      },
    },
  );
} finally {
  await database.stop();
}
process.exit(code);
