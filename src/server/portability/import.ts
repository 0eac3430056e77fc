import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { type Db, db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { SCORE_COLUMNS, type StoredScore, storeScores } from "@/server/leads/score-row";
import { logger } from "@/server/logger";
import { ZEmail } from "@/server/members/schema";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from "./export";
import { ARCHIVE_TABLES } from "./tables";

const LEAD_DIMENSIONS = ["leadChannel", "leadCampaignId", "leadPersonaId", "leadOwnerId"];

/** Anything shaped like one of our ids: a cuid (c + 24) or a UUID (leads made by CSV imports). */
const ID_TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{24}/g;
const BATCH = 1_000;
/** Imported members without an account here get one they cannot sign in with until an admin sets a password. */
const NO_PASSWORD = "!imported-without-password";

const ZHeader = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string().optional(),
  workspace: z.object({ id: z.string().min(1), timeZone: z.string().min(1) }),
});
const ZUser = z.object({ id: z.string(), email: ZEmail, name: z.string(), locale: z.enum(["en", "it"]) });
const ZLine = z.object({ t: z.string(), r: z.record(z.string(), z.unknown()) });

const TABLES = new Map(ARCHIVE_TABLES.map((table) => [table.model[0]?.toUpperCase() + table.model.slice(1), table]));

export type ImportSummary = {
  rows: number;
  users: { matched: number; created: number };
  tables: Record<string, number>;
};

const invalid = (reason: string) =>
  new AppError("validation", `Invalid archive: ${reason}`, { fieldErrors: { file: ["invalidArchive"] } });

/** JSON, or undefined for text that is not (the schema check then reports it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseLine(text: string, number: number) {
  const parsed = ZLine.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  throw invalid(`line ${number} is not a row`);
}

/**
 * Loads an archive made by exportWorkspace into this (empty) workspace, in
 * one transaction: all of it or nothing.
 * - Every record gets a new id, and every reference to it — columns, id
 *   arrays, JSON, links in notifications — follows, by rewriting the id
 *   tokens of each line. A line may only name records of the archive: a
 *   crafted archive cannot reach into another workspace.
 * - Members are matched by e-mail; people without an account here get one
 *   without a password (an admin sets it: `npm run cli -- password:reset`).
 * - The funnel rollup is rebuilt from the imported rows.
 * `lines` is called twice (ids and users first, then the rows).
 */
export async function importWorkspace(actor: Actor, lines: () => AsyncIterable<string>): Promise<ImportSummary> {
  requirePermission(actor, "workspace.transfer");
  const target = actor.workspaceId;

  // Pass 1: the header, the ids the archive defines, the users it names.
  let header: z.infer<typeof ZHeader> | undefined;
  const defined = new Set<string>();
  const users: z.infer<typeof ZUser>[] = [];
  let number = 0;
  for await (const text of lines()) {
    number++;
    if (!text.trim()) continue;
    if (!header) {
      const parsed = ZHeader.safeParse(parseJson(text));
      if (!parsed.success) throw invalid("not a Smarketing Workspace archive of a supported version");
      header = parsed.data;
      continue;
    }
    const line = parseLine(text, number);
    if (line.t === "User") {
      const user = ZUser.safeParse(line.r);
      if (!user.success) throw invalid(`line ${number}: a user without a valid e-mail`);
      users.push(user.data);
    } else if (!TABLES.has(line.t)) {
      throw invalid(`line ${number}: unknown table ${line.t}`);
    } else if (typeof line.r.id === "string" && !TABLES.get(line.t)?.serialId) {
      defined.add(line.r.id);
    }
  }
  if (!header) throw invalid("empty file");

  const summary: ImportSummary = { rows: 0, users: { matched: 0, created: 0 }, tables: {} };
  await db.$transaction(
    async (tx) => {
      // Two imports into one workspace take turns; the second then finds it no longer empty.
      await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE id = ${target} FOR UPDATE`;
      if (!(await isWorkspaceEmpty(target, tx))) {
        throw new AppError("conflict", "The workspace is not empty", { params: { reason: "workspaceNotEmpty" } });
      }
      // The untouched starter glossary makes way for the archive's (same keys).
      await tx.glossaryTerm.deleteMany({ where: { workspaceId: target } });
      const ids = new Map<string, string>([[header.workspace.id, target]]);
      for (const id of defined) ids.set(id, randomUUID());
      for (const user of users) {
        const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
        const id =
          existing?.id ??
          (
            await tx.user.create({
              data: {
                email: user.email,
                name: user.name,
                locale: user.locale,
                passwordHash: NO_PASSWORD,
              },
              select: { id: true },
            })
          ).id;
        summary.users[existing ? "matched" : "created"]++;
        ids.set(user.id, id);
      }
      const allowed = new Set(ids.values());
      const deferred: { id: string; inForceRevisionId: unknown; replacedByTermId: unknown }[] = [];
      const scores: Record<string, unknown>[] = [];

      // Pass 2: rows, rewritten and inserted table by table in batches.
      let pending: { table: string; rows: Record<string, unknown>[] } = { table: "", rows: [] };
      const flush = async () => {
        if (pending.rows.length === 0) return;
        await insert(tx, pending.table, pending.rows);
        summary.tables[pending.table] = (summary.tables[pending.table] ?? 0) + pending.rows.length;
        summary.rows += pending.rows.length;
        pending = { table: pending.table, rows: [] };
      };
      let first = true;
      number = 0;
      for await (const text of lines()) {
        number++;
        if (!text.trim()) continue;
        if (first) {
          first = false;
          continue;
        }
        const line = parseLine(
          text.replace(ID_TOKEN, (token) => ids.get(token) ?? token),
          number,
        );
        if (line.t === "User") continue;
        const table = TABLES.get(line.t);
        if (!table) throw invalid(`line ${number}: unknown table ${line.t}`);
        const row = { ...line.r };
        if ("workspaceId" in row) row.workspaceId = target;
        assertOwnReferences(line.t, row, allowed, number);
        if (table.serialId) delete row.id;
        // A stage change's copy of its lead's dimensions is the trigger's to fill (it does when they are left out).
        if (line.t === "LeadStageChange") for (const key of LEAD_DIMENSIONS) delete row[key];
        // Score rows exist as soon as their lead does (a trigger adds them): their values are stored once the
        // leads are in. An archive from before scores had a table of their own carries them in the lead rows.
        if (line.t === "LeadScore") {
          scores.push(row);
          continue;
        }
        if (line.t === "Lead" && SCORE_COLUMNS.some((key) => key in row)) {
          scores.push(Object.fromEntries([["leadId", row.id], ...SCORE_COLUMNS.map((key) => [key, row[key]])]));
          for (const key of SCORE_COLUMNS) delete row[key];
        }
        if (line.t === "GlossaryTerm") {
          // These point at rows that come later (its revisions, another term): set once those exist.
          deferred.push({
            id: row.id as string,
            inForceRevisionId: row.inForceRevisionId,
            replacedByTermId: row.replacedByTermId,
          });
          row.inForceRevisionId = null;
          row.replacedByTermId = null;
        }
        for (const [key, value] of Object.entries(row)) if (value === null) delete row[key];
        if (line.t !== pending.table) {
          await flush();
          pending = { table: line.t, rows: [] };
        }
        pending.rows.push(row);
        if (pending.rows.length >= BATCH) await flush();
      }
      await flush();
      for (let i = 0; i < scores.length; i += BATCH) {
        await storeScores(tx, target, scores.slice(i, i + BATCH) as StoredScore[]).catch((error) => {
          logger.warn("workspace.import_rows_refused", { table: "LeadScore", error: String(error).slice(-300) });
          throw invalid("rows of LeadScore do not fit this version of the app");
        });
      }
      if (scores.length) summary.tables.LeadScore = scores.length;
      for (const term of deferred) {
        if (term.inForceRevisionId === null && term.replacedByTermId === null) continue;
        await tx.glossaryTerm.update({
          where: { id: term.id },
          data: {
            inForceRevisionId: (term.inForceRevisionId as string | null) ?? null,
            replacedByTermId: (term.replacedByTermId as string | null) ?? null,
          },
        });
      }
      await tx.workspace.update({ where: { id: target }, data: { timeZone: header.workspace.timeZone } });
      await tx.$executeRaw`SELECT smk_rebuild_funnel(${target})`;
      await writeAudit(tx, actor, {
        action: "workspace.imported",
        entityType: "Workspace",
        entityId: target,
        after: { rows: summary.rows, users: summary.users, exportedAt: header.exportedAt },
      });
    },
    { timeout: 30 * 60_000, maxWait: 30_000 },
  );
  logger.info("workspace.imported", { workspaceId: target, rows: summary.rows });
  return summary;
}

/** Columns naming another record that is not a reference inside the workspace (history, or this installation's tokens). */
const FREE_REFERENCES = new Set(["workspaceId", "apiTokenId", "entityId"]);

/**
 * A crafted archive must not reach into another workspace: every reference
 * column (…Id, …Ids) of a row must name a record of the archive (or a member).
 * Ids inside text and JSON (links, saved filters) are rewritten when known and otherwise left as text.
 */
function assertOwnReferences(table: string, row: Record<string, unknown>, allowed: Set<string>, number: number) {
  if (table === "AuditLog") return;
  for (const [key, value] of Object.entries(row)) {
    if (FREE_REFERENCES.has(key) || value === null || value === undefined) continue;
    const values = key.endsWith("Ids") && Array.isArray(value) ? value : key.endsWith("Id") ? [value] : [];
    for (const id of values) {
      if (typeof id !== "string" || !allowed.has(id))
        throw invalid(`line ${number}: ${table}.${key} names a record outside the archive`);
    }
  }
}

/**
 * A term someone worked on: a new workspace's starter glossary (one system revision each, no approval,
 * comment or follower) does not count, and makes way for the archive's glossary.
 */
const TOUCHED_TERM = {
  OR: [
    { inForceRevisionId: { not: null } },
    { revisions: { some: { OR: [{ number: { gt: 1 } }, { authorId: { not: null } }, { approvals: { some: {} } }] } } },
    { comments: { some: {} } },
    { followers: { some: {} } },
  ],
};

/** Nothing in it yet but its members and the untouched starter glossary: no leads, personas, campaigns, rules or SLA. */
export async function isWorkspaceEmpty(workspaceId: string, client: Db | Tx = db): Promise<boolean> {
  const where = { workspaceId };
  const counts = [
    await client.lead.count({ where, take: 1 }),
    await client.glossaryTerm.count({ where: { ...where, ...TOUCHED_TERM }, take: 1 }),
    await client.persona.count({ where, take: 1 }),
    await client.campaign.count({ where, take: 1 }),
    await client.scoringModel.count({ where, take: 1 }),
    await client.slaPolicy.count({ where, take: 1 }),
  ];
  return counts.every((n) => n === 0);
}

async function insert(tx: Tx, table: string, rows: Record<string, unknown>[]) {
  const model = (table[0]?.toLowerCase() + table.slice(1)) as keyof Tx;
  const delegate = tx[model] as unknown as { createMany: (args: object) => Promise<unknown> };
  try {
    await delegate.createMany({ data: rows, skipDuplicates: table === "Membership" });
  } catch (error) {
    if (error instanceof AppError) throw error;
    logger.warn("workspace.import_rows_refused", { table, error: (error as Error).message.slice(-300) });
    throw invalid(`rows of ${table} do not fit this version of the app`);
  }
}
