import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { type Db, db, pool, type Tx } from "@/server/db";

/**
 * Runs a raw statement. Inside a transaction, through it (Prisma); otherwise
 * straight on the pool as a named prepared statement: PostgreSQL plans it once
 * per connection and Node skips Prisma's per-query work — on the API's hot
 * path, where the app server's CPU bounds the throughput. Results come back
 * as Prisma's raw queries return them (timestamps as UTC Dates, JSON parsed).
 * Prepared statements live as long as their connection: migrate before the app
 * starts (as `npm start` does), not under a running one.
 */
export async function rawQuery<T>(client: Tx | Db, sql: Prisma.Sql): Promise<T[]> {
  if (client !== db) return (client as Tx).$queryRaw<T[]>(sql);
  const result = await pool().query({
    name: statementName(sql.text),
    text: sql.text,
    values: sql.values.map(toParameter),
    types: { getTypeParser },
  });
  return result.rows as T[];
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `smk_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (names.size > 500) names.clear();
    names.set(text, name);
  }
  return name;
}

// Timestamps are stored in UTC without a zone (Prisma's convention): sent and read as UTC whatever the process's zone.
function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const TIMESTAMP = 1114;
const DATE = 1082;

function getTypeParser(oid: number, format?: string) {
  if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
  return pg.types.getTypeParser(oid, format as "text");
}
