import "server-only";
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import type { Prisma } from "@/generated/prisma/client";
import type { Channel, LegalBasis } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { IMPORT_FIELDS, type Mapping } from "@/server/imports/mapping";
import { rowToLeadInput } from "@/server/imports/row-input";
import { unknownValues, type ValueMapping } from "@/server/imports/values";
import { matchPersona } from "@/server/leads/persona-match";
import { type ImportConsent, type LeadInput, ZLeadInput } from "@/server/leads/schema";
import { scoringInputs } from "@/server/leads/scoring-context";
import { logger } from "@/server/logger";
import { type ScoreResult, scoreLead } from "@/server/scoring/engine";
import { scoreExplanationJson } from "@/server/scoring/explanation";
import { scoredBatches, writeScores } from "@/server/scoring/rescore";
import { emitLeadEvents } from "@/server/webhooks/emit";

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const CHUNK = 5_000;
const STALE_SECONDS = 30;

type Row = Record<string, string | undefined>;

function parse(content: string) {
  const result = Papa.parse<Row>(content, { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  return { rows: result.data, headers: result.meta.fields ?? [] };
}

/** The file's rows, once its size, its mapping's columns and its having rows are checked. */
function readFile(content: string, mapping: Mapping): Row[] {
  if (Buffer.byteLength(content) > MAX_IMPORT_BYTES)
    throw new AppError("validation", "File too large", { fieldErrors: { file: ["fileTooLarge"] } });
  const { rows, headers } = parse(content);
  if (!mapping.email || !headers.includes(mapping.email)) {
    throw new AppError("validation", "Map a column to email", { fieldErrors: { "mapping.email": ["required"] } });
  }
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column && !headers.includes(column)) {
      throw new AppError("validation", `Unknown column ${column}`, {
        fieldErrors: { [`mapping.${field}`]: ["unknownColumn"] },
      });
    }
  }
  if (rows.length === 0)
    throw new AppError("validation", "The file has no rows", { fieldErrors: { file: ["emptyFile"] } });
  return rows;
}

/** One record validated: the lead input, or the reasons it is refused ("field: messageKey"). */
function validateRow(
  record: Row,
  mapping: Mapping,
  values: ValueMapping,
): { input: LeadInput; reasons?: never } | { reasons: string[]; input?: never } {
  const parsed = ZLeadInput.safeParse(rowToLeadInput(record, mapping, values));
  if (parsed.success) return { input: parsed.data };
  return { reasons: parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`) };
}

export type ImportCheck = {
  totalRows: number;
  /** Valid rows, and the leads they make: new ones and updates of leads already in the workspace. */
  validRows: number;
  createCount: number;
  updateCount: number;
  rejectedCount: number;
  /** The first rejected rows (1-based row number, e-mail cell, reasons). */
  rejections: { rowNumber: number; email: string; reasons: string[] }[];
  unknown: ReturnType<typeof unknownValues>;
};

const CHECK_REJECTIONS_SHOWN = 100;

/**
 * A dry run of the whole file with this mapping: what an import would create,
 * update and reject (with each row's reasons), and the channel and country
 * cells nothing recognises, for the value mapping. Nothing is written.
 */
export async function checkImport(
  actor: Actor,
  input: { content: string; mapping: Mapping; values?: ValueMapping },
): Promise<ImportCheck> {
  requirePermission(actor, "leads.write");
  const values = input.values ?? {};
  const rows = readFile(input.content, input.mapping);
  const rejections: ImportCheck["rejections"] = [];
  let rejectedCount = 0;
  const emails = new Set<string>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    rows.slice(start, start + CHUNK).forEach((record, offset) => {
      const checked = validateRow(record, input.mapping, values);
      if (checked.input) {
        emails.add(checked.input.email);
        return;
      }
      rejectedCount++;
      if (rejections.length < CHECK_REJECTIONS_SHOWN) {
        const email = record[input.mapping.email as string]?.trim() ?? "";
        rejections.push({ rowNumber: start + offset + 1, email: email.slice(0, 200), reasons: checked.reasons });
      }
    });
  }
  let updateCount = 0;
  const all = [...emails];
  for (let start = 0; start < all.length; start += 10_000) {
    const [{ count }] = await db.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "Lead"
      WHERE "workspaceId" = ${actor.workspaceId} AND email = ANY(${all.slice(start, start + 10_000)}::text[])`;
    updateCount += count;
  }
  return {
    totalRows: rows.length,
    validRows: rows.length - rejectedCount,
    createCount: emails.size - updateCount,
    updateCount,
    rejectedCount,
    rejections,
    unknown: unknownValues(rows, { channel: input.mapping.channel, country: input.mapping.country }, values),
  };
}

/** Stores an uploaded file with its mapping; processing starts right after (see runImport). */
export async function createImport(
  actor: Actor,
  input: { fileName: string; content: string; mapping: Mapping; values?: ValueMapping; consent?: ImportConsent },
) {
  requirePermission(actor, "leads.write");
  const rows = readFile(input.content, input.mapping);
  return db.$transaction(async (tx) => {
    const job = await tx.leadImport.create({
      data: {
        workspaceId: actor.workspaceId,
        createdById: actor.userId,
        fileName: input.fileName.slice(0, 200),
        mapping: input.mapping as Prisma.InputJsonValue,
        valueMapping: (input.values ?? {}) as Prisma.InputJsonValue,
        content: input.content,
        totalRows: rows.length,
        legalBasis: input.consent?.legalBasis ?? null,
        consentSource: input.consent?.consentSource ?? "",
      },
      select: { id: true, totalRows: true },
    });
    await writeAudit(tx, actor, {
      action: "import.created",
      entityType: "LeadImport",
      entityId: job.id,
      after: {
        fileName: input.fileName,
        rows: rows.length,
        mapping: input.mapping,
        values: input.values,
        consent: input.consent,
      },
    });
    return job;
  });
}

/** Takes the import for this process unless another worker holds a fresh heartbeat. */
async function claim(importId: string): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "LeadImport" SET status = 'RUNNING', "heartbeatAt" = now(), "startedAt" = COALESCE("startedAt", now()), error = NULL
    WHERE id = ${importId}
      AND (status = 'PENDING' OR (status = 'RUNNING' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${STALE_SECONDS}))))`;
  return claimed === 1;
}

/** Whether an import still shows RUNNING although nobody works on it (e.g. the server was restarted). */
export function isStale(job: { status: string; heartbeatAt: Date | null }, now = new Date()) {
  return (
    job.status === "RUNNING" && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > STALE_SECONDS * 1000)
  );
}

type Rejection = Prisma.LeadImportRejectionCreateManyInput;
/** What the file asks for, validated: rejected rows, and one merged input per e-mail at its first row. */
type ImportPlan = { rejections: Rejection[]; leads: { input: LeadInput; row: number }[] };

/**
 * Validates every row and merges the rows of one e-mail into its first
 * occurrence (later cells win, empty cells keep earlier ones), so that no two
 * chunks write the same lead. In slices, giving the event loop back between
 * them: a large file must not stall the requests this server answers.
 */
async function planImport(importId: string, rows: Row[], mapping: Mapping, values: ValueMapping): Promise<ImportPlan> {
  const rejections: Rejection[] = [];
  const byEmail = new Map<string, { input: LeadInput; row: number }>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    rows.slice(start, start + CHUNK).forEach((record, offset) => {
      const row = start + offset;
      const checked = validateRow(record, mapping, values);
      if (!checked.input) {
        rejections.push({
          importId,
          rowNumber: row + 1,
          reasons: checked.reasons,
          raw: record as Prisma.InputJsonValue,
        });
        return;
      }
      const previous = byEmail.get(checked.input.email);
      byEmail.set(
        checked.input.email,
        previous
          ? { row: previous.row, input: { ...previous.input, ...checked.input } }
          : { row, input: checked.input },
      );
    });
  }
  return { rejections, leads: [...byEmail.values()] };
}

/** The index after the run of `list` items from `from` on that satisfy `inRun`. */
function upTo<T>(list: readonly T[], from: number, inRun: (item: T) => boolean): number {
  let to = from;
  while (to < list.length && inRun(list[to] as T)) to++;
  return to;
}

/**
 * Chunks written at once: PostgreSQL waits on WAL writes for much of a chunk, so two overlap (two imports run side by
 * side each kept their single speed; one import went 4,879 → ~5,500 rows/s on the bench's two cores).
 */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Processes an import chunk by chunk, from where it stopped. Each chunk is one
 * transaction (leads, rejections, scores, progress), so a crash loses nothing
 * acknowledged and the import resumes at the next chunk. Two chunks are
 * written at once, but they commit in file order (each waits for the one
 * before it to commit, and rolls back if that one failed), so the committed
 * progress is always a prefix of the file. Chunks hold different leads (see
 * planImport), campaigns are created before the first chunk, and the part
 * that takes shared locks — MQL crossings and their handoffs' round-robin —
 * runs after the earlier chunk committed: the two can never wait on each other.
 */
export async function runImport(importId: string, options: { chunkRows?: number } = {}): Promise<void> {
  const chunkRows = options.chunkRows ?? CHUNK;
  if (!(await claim(importId))) return;
  const inFlight: Promise<unknown>[] = [];
  try {
    const job = await db.leadImport.findUniqueOrThrow({ where: { id: importId } });
    const member = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: job.workspaceId, userId: job.createdById } },
      select: { role: true },
    });
    if (!member) throw new AppError("forbidden", "The member who started the import left the workspace");
    const actor: Actor = { userId: job.createdById, workspaceId: job.workspaceId, role: member.role };
    requirePermission(actor, "leads.write");
    const { rows } = parse(job.content);
    const plan = await planImport(importId, rows, job.mapping as Mapping, job.valueMapping as ValueMapping);
    const campaignIds = await db.$transaction((tx) =>
      campaigns(
        tx,
        actor.workspaceId,
        plan.leads.map((l) => l.input),
      ),
    );
    // The plan lists rejections and leads in row order: each chunk takes the next run of each.
    let nextRejection = upTo(plan.rejections, 0, (r) => r.rowNumber <= job.processedRows);
    let nextLead = upTo(plan.leads, 0, (l) => l.row < job.processedRows);
    let previous: Promise<unknown> = Promise.resolve();
    for (let start = job.processedRows; start < rows.length; start += chunkRows) {
      if (inFlight.length >= CHUNKS_IN_FLIGHT) await inFlight.shift();
      const end = Math.min(rows.length, start + chunkRows);
      const rejectionsEnd = upTo(plan.rejections, nextRejection, (r) => r.rowNumber <= end);
      const leadsEnd = upTo(plan.leads, nextLead, (l) => l.row < end);
      const chunk = {
        rejections: plan.rejections.slice(nextRejection, rejectionsEnd),
        inputs: plan.leads.slice(nextLead, leadsEnd).map((l) => l.input),
      };
      nextRejection = rejectionsEnd;
      nextLead = leadsEnd;
      const before = previous;
      const written = db.$transaction(
        async (tx) => {
          const leads = await writeChunkLeads(tx, actor, chunk, campaignIds, job);
          await before;
          await scoreChunkLeads(tx, actor, leads);
          await tx.leadImport.update({
            where: { id: importId },
            data: {
              processedRows: end,
              createdCount: { increment: leads.created },
              updatedCount: { increment: leads.updated },
              rejectedCount: { increment: chunk.rejections.length },
              heartbeatAt: new Date(),
            },
          });
        },
        { timeout: 120_000 },
      );
      // Awaited in turn above and below; a failure is handled once, by the catch.
      written.catch(() => {});
      inFlight.push(written);
      previous = written;
    }
    await Promise.all(inFlight);
    await db.$transaction(async (tx) => {
      const done = await tx.leadImport.update({
        where: { id: importId },
        // The file is only needed to resume; once done it goes (personal data is kept no longer than needed).
        data: { status: "COMPLETED", finishedAt: new Date(), content: "" },
      });
      await writeAudit(tx, actor, {
        action: "import.completed",
        entityType: "LeadImport",
        entityId: importId,
        after: { created: done.createdCount, updated: done.updatedCount, rejected: done.rejectedCount },
      });
    });
  } catch (error) {
    // The chunk after a failed one rolls back too; the import is marked failed once nothing is in flight.
    await Promise.allSettled(inFlight);
    logger.error("import.failed", { importId, error });
    await db.leadImport.update({
      where: { id: importId },
      data: {
        status: "FAILED",
        error: error instanceof AppError ? error.message : "The import stopped on an unexpected error.",
      },
    });
  }
}

/** A failed or interrupted import continues from its last committed chunk. */
export async function resumeImport(actor: Actor, importId: string) {
  requirePermission(actor, "leads.write");
  const job = await db.leadImport.findFirst({ where: { id: importId, workspaceId: actor.workspaceId } });
  if (!job) throw notFound();
  if (job.status === "COMPLETED" || (job.status === "RUNNING" && !isStale(job))) {
    throw new AppError("conflict", "The import is not stopped", { params: { reason: "importNotStopped" } });
  }
  await db.leadImport.update({ where: { id: importId }, data: { status: "PENDING", heartbeatAt: null } });
}

/**
 * A chunk's rows that are safe to write beside another chunk: its rejections,
 * the updates of existing leads and the new leads (already scored: they have
 * no events) with their first stage-log row. Returns what scoreChunkLeads needs.
 */
async function writeChunkLeads(
  tx: Tx,
  actor: Actor,
  chunk: { rejections: Rejection[]; inputs: LeadInput[] },
  campaignIds: Map<string, string>,
  job: { legalBasis: LegalBasis | null; consentSource: string },
) {
  if (chunk.rejections.length > 0) await tx.leadImportRejection.createMany({ data: chunk.rejections });
  const { inputs } = chunk;
  if (inputs.length === 0) return { created: 0, updated: 0, affected: [] as string[], now: new Date(), scoring: null };
  const col = <T>(pick: (input: LeadInput) => T) => inputs.map(pick);
  const emails = col((i) => i.email);
  const values = {
    name: col((i) => i.name ?? null),
    phone: col((i) => i.phone ?? null),
    company: col((i) => i.company ?? null),
    title: col((i) => i.title ?? null),
    industry: col((i) => i.industry ?? null),
    size: col((i) => i.companySize ?? null),
    country: col((i) => i.country ?? null),
    channel: col((i) => i.channel ?? null),
    campaign: col((i) => (i.campaign ? (campaignIds.get(i.campaign) ?? null) : null)),
  };
  const now = new Date();
  // Existing leads: provided cells overwrite, empty cells keep the stored value.
  const updated = await tx.$queryRaw<{ id: string; email: string }[]>`
    UPDATE "Lead" AS l SET
      name = COALESCE(v.name, l.name), phone = COALESCE(v.phone, l.phone), company = COALESCE(v.company, l.company),
      title = COALESCE(v.title, l.title), industry = COALESCE(v.industry, l.industry),
      "companySize" = COALESCE(v.size, l."companySize"), country = COALESCE(v.country, l.country),
      channel = COALESCE(v.channel::"Channel", l.channel), "campaignId" = COALESCE(v.campaign, l."campaignId"), "updatedAt" = ${now},
      "legalBasis" = COALESCE(${job.legalBasis}::"LegalBasis", l."legalBasis"),
      "consentSource" = CASE WHEN ${job.legalBasis}::"LegalBasis" IS NULL THEN l."consentSource" ELSE ${job.consentSource} END,
      "consentAt" = CASE WHEN ${job.legalBasis}::"LegalBasis" IS NULL THEN l."consentAt" ELSE ${now} END
    FROM unnest(${emails}::text[], ${values.name}::text[], ${values.phone}::text[], ${values.company}::text[], ${values.title}::text[],
                ${values.industry}::text[], ${values.size}::int[], ${values.country}::text[], ${values.channel}::text[], ${values.campaign}::text[])
      AS v(email, name, phone, company, title, industry, size, country, channel, campaign)
    WHERE l."workspaceId" = ${actor.workspaceId} AND l.email = v.email
    RETURNING l.id, l.email`;
  const updatedEmails = new Set(updated.map((u) => u.email));
  const fresh = inputs.filter((i) => !updatedEmails.has(i.email));
  const ids = fresh.map(() => randomUUID());
  const pickFresh = <T>(list: T[]) => list.filter((_, index) => !updatedEmails.has(emails[index] as string));
  // A new lead has no events yet: its score is known before it is written, so it is written once, scored.
  // One that would qualify goes in unqualified and through writeScores below, which makes the MQL crossing.
  const scoring = await scoringInputs(tx, actor.workspaceId);
  const { model, personas } = scoring;
  const freshScores = fresh.map((input) => {
    const lead = {
      email: input.email,
      industry: input.industry ?? "",
      companySize: input.companySize ?? null,
      country: input.country ?? "",
      title: input.title ?? "",
      channel: input.channel ?? "OTHER",
    };
    const personaId = matchPersona(lead, personas);
    return { personaId, result: scoreLead({ ...lead, personaId }, [], model.model, now) };
  });
  const inserted = fresh.length
    ? await tx.$queryRaw<
        { id: string; email: string; channel: string; campaignId: string | null; personaId: string | null }[]
      >`
        WITH v AS (
          SELECT * FROM unnest(${ids}::text[], ${fresh.map((i) => i.email)}::text[], ${pickFresh(values.name)}::text[], ${pickFresh(values.phone)}::text[],
                    ${pickFresh(values.company)}::text[], ${pickFresh(values.title)}::text[], ${pickFresh(values.industry)}::text[],
                    ${pickFresh(values.size)}::int[], ${pickFresh(values.country)}::text[], ${pickFresh(values.channel)}::text[], ${pickFresh(values.campaign)}::text[],
                    ${freshScores.map((s) => s.personaId)}::text[], ${freshScores.map((s) => s.result.fit)}::float8[],
                    ${freshScores.map((s) => s.result.engagement)}::float8[], ${freshScores.map((s) => s.result.total)}::float8[],
                    ${freshScores.map((s) => scoreExplanationJson(s.result))}::text[])
          AS v(id, email, name, phone, company, title, industry, size, country, channel, campaign, persona, fit, engagement, total, explanation)
        ), lead AS (
          INSERT INTO "Lead" (id, "workspaceId", email, name, phone, company, title, industry, "companySize", country, channel, "campaignId",
                              "captureMethod", "legalBasis", "consentSource", "consentAt", "stageEnteredAt", "createdAt", "updatedAt", "personaId")
          SELECT v.id, ${actor.workspaceId}, v.email, COALESCE(v.name, ''), COALESCE(v.phone, ''), COALESCE(v.company, ''), COALESCE(v.title, ''),
                 COALESCE(v.industry, ''), v.size, COALESCE(v.country, ''), COALESCE(v.channel, 'OTHER')::"Channel", v.campaign,
                 'IMPORT', ${job.legalBasis}::"LegalBasis", ${job.consentSource}, ${job.legalBasis ? now : null}::timestamp(3), ${now}, ${now}, ${now},
                 v.persona
          FROM v
          ON CONFLICT ("workspaceId", email) DO NOTHING
          RETURNING id, email, channel, "campaignId", "personaId"
        ), score AS (
          -- Written with the lead (the lead's trigger then finds the score row there).
          INSERT INTO "LeadScore" ("leadId", "workspaceId", channel, "fitScore", "engagementScore", "totalScore", "scoreExplanation", "scoredAt", "scoringModelId")
          SELECT lead.id, ${actor.workspaceId}, lead.channel, v.fit, v.engagement, v.total, v.explanation::jsonb, ${now}, ${model.id}
          FROM lead JOIN v ON v.id = lead.id
        )
        SELECT id, email, channel::text, "campaignId", "personaId" FROM lead`
    : [];
  if (inserted.length > 0) {
    // One array parameter instead of createMany's eight per row: the stage log of a chunk in one cheap statement.
    // With the lead's dimensions given (a new lead has no owner yet), the per-row trigger lookup is skipped.
    await tx.$executeRaw`
      INSERT INTO "LeadStageChange" ("workspaceId", "leadId", "fromStage", "toStage", "at", "actorUserId", "reason",
                                     "leadChannel", "leadCampaignId", "leadPersonaId")
      SELECT ${actor.workspaceId}, id, NULL, 'LEAD', ${now}, ${actor.userId}, 'imported', channel::"Channel", campaign, persona
      FROM unnest(${inserted.map((lead) => lead.id)}::text[], ${inserted.map((lead) => lead.channel)}::text[],
                  ${inserted.map((lead) => lead.campaignId)}::text[], ${inserted.map((lead) => lead.personaId)}::text[])
        AS t(id, channel, campaign, persona)`;
  }
  // Before the chunk's MQL crossings (scoreChunkLeads), so receivers hear of a lead before its qualification.
  await emitLeadEvents(
    tx,
    actor.workspaceId,
    "lead.created",
    inserted.map((lead) => lead.id),
    now,
  );
  await emitLeadEvents(
    tx,
    actor.workspaceId,
    "lead.updated",
    updated.map((lead) => lead.id),
    now,
  );
  const qualifyingNew = new Set(fresh.filter((_, index) => freshScores[index]?.result.qualifies).map((i) => i.email));
  const affected = [...updated, ...inserted.filter((l) => qualifyingNew.has(l.email))].map((l) => l.id);
  // A lead created by someone else between our UPDATE and INSERT was neither: it counts as updated next time.
  return { created: inserted.length, updated: updated.length, affected, now, scoring };
}

/** Re-scores the chunk's updated leads and new ones that qualify: MQL crossings and their handoffs (shared locks). */
async function scoreChunkLeads(
  tx: Tx,
  actor: Actor,
  leads: { affected: string[]; now: Date; scoring: Awaited<ReturnType<typeof scoringInputs>> | null },
) {
  // The scoring inputs read while the chunk was written, in this same transaction.
  if (leads.affected.length === 0 || !leads.scoring) return;
  const { now, affected } = leads;
  const { model, personas } = leads.scoring;
  for await (const batch of scoredBatches({
    workspaceId: actor.workspaceId,
    models: [model.model],
    personas,
    now,
    leadIds: affected,
    client: tx,
  })) {
    await writeScores(tx, {
      workspaceId: actor.workspaceId,
      model,
      // Read without the previous scores (see readPrevious): every row is compared on the locked score rows.
      rows: batch.map(({ lead, stored, personaId, results }) => ({
        lead,
        stored,
        personaId,
        result: results[0] as ScoreResult,
      })),
      now,
      actorUserId: actor.userId,
    });
  }
}

async function campaigns(tx: Tx, workspaceId: string, inputs: LeadInput[]) {
  const wanted = new Map<string, Channel>();
  for (const input of inputs)
    if (input.campaign && !wanted.has(input.campaign)) wanted.set(input.campaign, input.channel ?? "OTHER");
  if (wanted.size === 0) return new Map<string, string>();
  await tx.campaign.createMany({
    data: [...wanted].map(([name, channel]) => ({ workspaceId, name, channel })),
    skipDuplicates: true,
  });
  const found = await tx.campaign.findMany({
    where: { workspaceId, name: { in: [...wanted.keys()] } },
    select: { id: true, name: true },
  });
  return new Map(found.map((c) => [c.name, c.id]));
}

export async function getImport(actor: Actor, importId: string) {
  requirePermission(actor, "leads.read");
  const job = await db.leadImport.findFirst({
    where: { id: importId, workspaceId: actor.workspaceId },
    omit: { content: true },
  });
  if (!job) throw notFound();
  return { ...job, stale: isStale(job) };
}

export async function listImports(actor: Actor) {
  requirePermission(actor, "leads.read");
  return db.leadImport.findMany({
    where: { workspaceId: actor.workspaceId },
    omit: { content: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

export async function* rejectedRows(actor: Actor, importId: string) {
  await getImport(actor, importId);
  let after = 0n;
  for (;;) {
    const batch = await db.leadImportRejection.findMany({
      where: { importId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: 2_000,
    });
    if (batch.length === 0) return;
    yield batch;
    after = (batch.at(-1) as { id: bigint }).id;
  }
}
