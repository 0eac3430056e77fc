import "server-only";
import Papa from "papaparse";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/service";
import { type Actor, requirePermission } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { leadLabel } from "@/server/handoffs/assignment";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { ZEmail } from "@/server/members/schema";

/**
 * GDPR requests about one lead: find it by e-mail, export everything stored
 * about it, erase its personal data.
 *
 * Erasure anonymises rather than deletes: the lead row, its stage history,
 * handoffs and events stay, so every funnel, SLA and ROI figure keeps adding
 * up; what identifies the person goes, everywhere it was copied to.
 */

/** The lead fields that identify a person; erasure blanks them (email becomes a unique placeholder). */
export const PERSONAL_LEAD_FIELDS = ["email", "name", "phone", "company", "title", "lostReason", "consentSource"];

const ERASED_DOMAIN = "@erased.invalid";
export const erasedEmail = (leadId: string) => `erased-${leadId}${ERASED_DOMAIN}`;
export const isErasedEmail = (email: string) => email.endsWith(ERASED_DOMAIN);

export async function findLeadByEmail(actor: Actor, rawEmail: string) {
  requirePermission(actor, "privacy.manage");
  const parsed = ZEmail.safeParse(rawEmail);
  if (!parsed.success) throw new AppError("validation", "Invalid e-mail", { fieldErrors: { email: ["invalidEmail"] } });
  return db.lead.findUnique({
    where: { workspaceId_email: { workspaceId: actor.workspaceId, email: parsed.data } },
    select: { id: true, email: true, name: true, company: true, stage: true, createdAt: true },
  });
}

/** Everything stored about a lead, as one JSON document (the data subject's copy). The access is audited. */
export async function exportLeadData(actor: Actor, leadId: string) {
  requirePermission(actor, "privacy.manage");
  const row = await db.lead.findFirst({ where: { id: leadId, workspaceId: actor.workspaceId }, include: WITH_SCORE });
  if (!row) throw notFound();
  const lead = withScore(row);
  const [events, stageChanges, handoffs, audit, campaign, persona] = await Promise.all([
    db.leadEvent.findMany({ where: { leadId }, orderBy: { occurredAt: "asc" } }),
    db.leadStageChange.findMany({ where: { leadId }, orderBy: { at: "asc" } }),
    db.handoff.findMany({
      where: { leadId },
      orderBy: { handedOffAt: "asc" },
      include: { events: { orderBy: { id: "asc" } } },
    }),
    db.auditLog.findMany({
      where: { workspaceId: actor.workspaceId, entityType: "Lead", entityId: leadId },
      orderBy: { createdAt: "asc" },
    }),
    lead.campaignId ? db.campaign.findUnique({ where: { id: lead.campaignId }, select: { name: true } }) : null,
    lead.personaId ? db.persona.findUnique({ where: { id: lead.personaId }, select: { name: true } }) : null,
  ]);
  await writeAudit(db, actor, { action: "lead.exported", entityType: "Lead", entityId: leadId });
  return toJson({
    exportedAt: new Date(),
    lead: { ...lead, campaign: campaign?.name ?? null, persona: persona?.name ?? null },
    consent: {
      legalBasis: lead.legalBasis,
      source: lead.consentSource,
      recordedAt: lead.consentAt,
      capturedVia: lead.captureMethod,
    },
    events: events.map(({ id, type, occurredAt, properties, campaignId }) => ({
      id,
      type,
      occurredAt,
      properties,
      campaignId,
    })),
    stageChanges: stageChanges.map(({ fromStage, toStage, at, reason }) => ({ fromStage, toStage, at, reason })),
    handoffs: handoffs.map((h) => ({
      id: h.id,
      status: h.status,
      handedOffAt: h.handedOffAt,
      answeredAt: h.answeredAt,
      rejectReason: h.rejectReason,
      note: h.note,
      events: h.events.map(({ kind, at, details }) => ({ kind, at, details })),
    })),
    changeLog: audit.map(({ action, createdAt, before, after }) => ({ action, at: createdAt, before, after })),
  });
}

/** Dates as ISO strings, BigInt ids and decimals as strings: plain JSON. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v) =>
      typeof v === "bigint" ? v.toString() : v instanceof Prisma.Decimal ? v.toString() : v,
    ),
  );
}

/**
 * Erases the lead's personal data, in one transaction:
 * - the lead: identifying fields blanked, e-mail replaced by a placeholder, `erasedAt` set (it is no longer
 *   re-scored, so its history and the dashboards stay as they were);
 * - event properties (form fields), handoff notes, the lost reason;
 * - copies elsewhere: audit entries about the lead and its handoffs (identifying keys removed — the
 *   append-only trigger lets exactly this through), notifications naming it, stored API responses,
 *   import rejections and not yet processed import files holding its e-mail, webhook events about it.
 * The erasure is audited with the lead's id only.
 */
export async function eraseLead(actor: Actor, leadId: string, now = new Date()) {
  requirePermission(actor, "privacy.manage");
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Lead" WHERE id = ${leadId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (rows.length === 0) throw notFound();
    const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId } });
    if (lead.erasedAt) throw new AppError("conflict", "Already erased", { params: { reason: "alreadyErased" } });
    const handoffIds = (await tx.handoff.findMany({ where: { leadId }, select: { id: true } })).map((h) => h.id);

    await tx.lead.update({
      where: { id: leadId },
      data: {
        email: erasedEmail(leadId),
        name: "",
        phone: "",
        company: "",
        title: "",
        lostReason: "",
        consentSource: "",
        erasedAt: now,
      },
    });
    await tx.leadEvent.updateMany({ where: { leadId }, data: { properties: {} } });
    await tx.handoff.updateMany({ where: { leadId }, data: { note: "" } });
    await tx.$executeRaw`UPDATE "HandoffEvent" SET details = details - 'note' WHERE "handoffId" = ANY(${handoffIds}) AND details ? 'note'`;
    await redactAudit(tx, actor.workspaceId, leadId, handoffIds);
    await tx.$executeRaw`
      UPDATE "Notification" SET params = params || '{"lead": "—"}'::jsonb
      WHERE "workspaceId" = ${actor.workspaceId} AND params->>'lead' = ${leadLabel(lead)}`;
    await tx.$executeRaw`
      DELETE FROM "IdempotencyRecord"
      WHERE "workspaceId" = ${actor.workspaceId} AND strpos("responseBody", ${`"${leadId}"`}) > 0`;
    await eraseFromImports(tx, actor.workspaceId, lead.email);
    // Webhook bodies about the lead (sent or waiting) carry its data: gone with their delivery log.
    await tx.webhookEvent.deleteMany({ where: { workspaceId: actor.workspaceId, leadId } });
    // The browser that identified as the lead is forgotten, and the pages of its touches (channel and campaign stay).
    const browsers = await tx.trackedVisitor.findMany({
      where: { workspaceId: actor.workspaceId, leadId },
      select: { visitorId: true },
    });
    await tx.pageView.deleteMany({
      where: {
        workspaceId: actor.workspaceId,
        OR: [{ leadId }, { visitorId: { in: browsers.map((b) => b.visitorId) } }],
      },
    });
    await tx.trackedVisitor.deleteMany({ where: { workspaceId: actor.workspaceId, leadId } });
    await tx.$executeRaw`
      UPDATE "Lead" SET "firstTouch" = "firstTouch" - 'referrer' - 'landingPage',
        "lastTouch" = "lastTouch" - 'referrer' - 'landingPage'
      WHERE id = ${leadId}`;
    await writeAudit(tx, actor, { action: "lead.erased", entityType: "Lead", entityId: leadId });
    return { id: leadId, erasedAt: now };
  });
}

async function redactAudit(tx: Tx, workspaceId: string, leadId: string, handoffIds: string[]) {
  // Transaction-local: the audit log's append-only trigger allows this redaction (and nothing else) while it is set.
  await tx.$executeRaw`SELECT set_config('smk.erasure', 'on', true)`;
  await tx.$executeRaw`
    UPDATE "AuditLog"
    SET before = CASE WHEN before IS NULL THEN NULL ELSE before - ${PERSONAL_LEAD_FIELDS}::text[] - 'note' END,
        after = CASE WHEN after IS NULL THEN NULL ELSE after - ${PERSONAL_LEAD_FIELDS}::text[] - 'note' END
    WHERE "workspaceId" = ${workspaceId}
      AND (("entityType" = 'Lead' AND "entityId" = ${leadId}) OR ("entityType" = 'Handoff' AND "entityId" = ANY(${handoffIds})))`;
  await tx.$executeRaw`SELECT set_config('smk.erasure', 'off', true)`;
}

/**
 * Import files are kept until processed (a crashed import resumes from them) and rejected rows are kept for
 * the report. A row carrying the e-mail is blanked but for a non-address in the e-mail's cell, so it stays a
 * row (numbering and a resume are unaffected) and a resumed import rejects it.
 */
async function eraseFromImports(tx: Tx, workspaceId: string, email: string) {
  const imports = await tx.$queryRaw<{ id: string; content: string }[]>`
    SELECT id, content FROM "LeadImport"
    WHERE "workspaceId" = ${workspaceId} AND strpos(lower(content), ${email}) > 0`;
  for (const job of imports) {
    const parsed = Papa.parse<string[]>(job.content, { skipEmptyLines: false });
    const rows = parsed.data.map((row) =>
      row.some((cell) => isEmail(cell, email)) ? row.map((cell) => (isEmail(cell, email) ? "erased" : "")) : row,
    );
    const content = Papa.unparse(rows, { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak });
    await tx.leadImport.update({ where: { id: job.id }, data: { content } });
  }
  await tx.$executeRaw`
    UPDATE "LeadImportRejection" r SET raw = '{}'::jsonb
    FROM "LeadImport" i
    WHERE i.id = r."importId" AND i."workspaceId" = ${workspaceId} AND strpos(lower(r.raw::text), ${email}) > 0`;
}

const isEmail = (cell: string, email: string) => cell.trim().toLowerCase() === email;
