import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ARCHIVE_TABLES, USER_COLUMNS } from "./tables";

export const ARCHIVE_FORMAT = "smarketing-workspace-archive";
export const ARCHIVE_VERSION = 1;
const PAGE = 2_000;

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: string;
  workspace: { id: string; name: string; slug: string; timeZone: string };
};
/** One line of the archive after the header: a row of a table (t = Prisma model name as in the database). */
export type ArchiveLine = { t: string; r: Record<string, unknown> };

const tableName = (model: string) => model[0]?.toUpperCase() + model.slice(1);

/** Dates as ISO strings, BigInts and decimals as strings. */
export function toLine(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    typeof v === "bigint" ? v.toString() : v instanceof Prisma.Decimal ? v.toString() : v,
  );
}

/**
 * The whole workspace as JSON Lines: a header, then every row of every table
 * in ARCHIVE_TABLES (paged, so any size streams in constant memory), then the
 * users the rows name (id, e-mail, name, language — never a password).
 */
export async function* exportWorkspace(actor: Actor): AsyncGenerator<string> {
  requirePermission(actor, "workspace.transfer");
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { id: true, name: true, slug: true, timeZone: true },
  });
  await writeAudit(db, actor, { action: "workspace.exported", entityType: "Workspace", entityId: workspace.id });
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date().toISOString(),
    workspace,
  };
  yield `${JSON.stringify(header)}\n`;

  const userIds = new Set<string>();
  for (const table of ARCHIVE_TABLES) {
    const name = tableName(table.model);
    const delegate = db[table.model] as unknown as {
      findMany: (args: object) => Promise<Record<string, unknown>[]>;
    };
    // Keyset paging by id (constant cost per page at any size); the two small tables without one page by offset.
    const byId = "id" in (table.orderBy[0] ?? {});
    let after: unknown;
    for (let skip = 0; ; skip += PAGE) {
      const where = table.where(workspace.id);
      const rows = await delegate.findMany({
        where: byId && after !== undefined ? { AND: [where, { id: { gt: after } }] } : where,
        orderBy: table.orderBy,
        skip: byId ? 0 : skip,
        take: PAGE,
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id;
      let chunk = "";
      for (const row of rows) {
        for (const column of USER_COLUMNS[name] ?? []) {
          for (const id of [row[column]].flat()) if (typeof id === "string") userIds.add(id);
        }
        chunk += `${toLine({ t: name, r: row } satisfies ArchiveLine)}\n`;
      }
      yield chunk;
      if (rows.length < PAGE) break;
    }
  }
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, email: true, name: true, locale: true },
    orderBy: { id: "asc" },
  });
  for (const user of users) yield `${toLine({ t: "User", r: user } satisfies ArchiveLine)}\n`;
}
