/**
 * Seeds the demo workspace. Refuses when NODE_ENV=production and the database
 * is not the embedded one, unless `--force` is given.
 * Run through `npm start` (automatic) or `npm run cli -- seed [--force]`.
 */
import { seedDemo } from "@/server/seed/demo";

const force = process.argv.includes("--force");
const embedded = process.env.SMARKETING_EMBEDDED_DB === "1";

if (process.env.NODE_ENV === "production" && !embedded && !force) {
  console.error(
    "Refusing to seed demo data into a production database (DATABASE_URL is set). Use --force to override.",
  );
  process.exit(2);
}

const { demo, demoTwo } = await seedDemo();
console.log(`Demo data ready: workspaces "${demo.name}" and "${demoTwo.name}".`);
process.exit(0);
