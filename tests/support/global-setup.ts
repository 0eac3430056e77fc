/**
 * Database tests run against a real PostgreSQL: the embedded test server (or
 * the server of DATABASE_URL), in a database recreated and migrated per run.
 */
import {
  createDatabaseIfMissing,
  type DatabaseHandle,
  dropDatabaseIfExists,
  ensureDatabase,
} from "../../scripts/lib/postgres";
import { generatePrismaClient, migrate } from "../../scripts/lib/prepare";

let handle: DatabaseHandle | undefined;

export async function setup() {
  const base = await ensureDatabase({ instance: "test", database: "postgres", log: () => {} });
  handle = base;
  const name = "smarketing_vitest";
  await dropDatabaseIfExists(base.adminUrl, name);
  await createDatabaseIfMissing(base.adminUrl, name);
  const url = new URL(base.adminUrl);
  url.pathname = `/${name}`;
  await generatePrismaClient();
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  process.env.TEST_ADMIN_DATABASE_URL = base.adminUrl;
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  // Webhook receivers in tests are real servers on 127.0.0.1 (never allowed outside tests).
  process.env.WEBHOOK_ALLOW_LOOPBACK ??= "true";
}

export async function teardown() {
  await handle?.stop();
}
