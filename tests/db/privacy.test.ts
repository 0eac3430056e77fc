/**
 * GDPR: consent recorded at capture; a lead's data exported on request; its
 * personal data erased everywhere it was copied to, while every dashboard
 * figure stays the same.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { rejectHandoff } from "@/server/handoffs/answer";
import { createImport, runImport } from "@/server/imports/service";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead, recordLeadEvent } from "@/server/leads/service";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { eraseLead, exportLeadData, findLeadByEmail } from "@/server/privacy/service";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { freshWorkspace } from "@/server/seed/factories";
import { outcome } from "../support/outcome";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;

/** Tables (of the whole database) with a row whose text contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(lower(t::text), $1) > 0`,
      needle.toLowerCase(),
    );
    if ((row?.n ?? 0) > 0) found.push(name);
  }
  return found.sort();
}

/** A lead with personal data copied into every place the app copies it: audit, events, handoff note, notification, API replay, import. */
async function leadEverywhere(ws: Ws, tag: string) {
  const email = `${tag}@person.test`;
  const name = `Person${tag}`;
  const phone = `+39 333 ${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const { lead } = await db.$transaction((tx) =>
    captureLead(
      tx,
      ws.marketer,
      ZLeadInput.parse({ email, name, phone, company: `Co${tag}`, title: "Fleet manager" }),
      new Date(),
      "API",
    ),
  );
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    await db.$transaction((tx) =>
      recordLeadEvent(tx, ws.marketer, lead.id, { type, properties: { message: `Call ${name} at ${email}` } }),
    );
  }
  const handoff = await db.handoff.findFirstOrThrow({ where: { leadId: lead.id } });
  await rejectHandoff(ws.sales, handoff.id, { reason: "NO_BUDGET", note: `${name} said no budget until Q3` });
  await db.idempotencyRecord.create({
    data: {
      workspaceId: ws.workspace.id,
      key: `k-${tag}`,
      requestHash: "x",
      responseStatus: 201,
      responseBody: JSON.stringify({ id: lead.id, email, name }),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  // A pending import whose file holds the person, and a finished one that rejected a row naming them.
  await createImport(ws.marketer, {
    fileName: "pending.csv",
    content: `Email,Name\n${email},${name}\nother-${tag}@x.test,Other\n`,
    mapping: { email: "Email", name: "Name" },
  });
  const rejected = await createImport(ws.marketer, {
    fileName: "bad.csv",
    content: `Email,Name,Employees\n${email},${name},lots\n`,
    mapping: { email: "Email", name: "Name", companySize: "Employees" },
  });
  await runImport(rejected.id);
  return { lead, email, name, phone };
}

describe("privacy (GDPR)", { timeout: 120_000 }, () => {
  it("records the legal basis and source at capture; an update without one keeps it, a new one replaces it", async () => {
    const ws = await freshWorkspace("Privacy");
    const t0 = new Date("2026-11-02T10:00:00Z");
    const { lead } = await db.$transaction((tx) =>
      captureLead(
        tx,
        ws.marketer,
        ZLeadInput.parse({ email: "c@consent.test", legalBasis: "CONSENT", consentSource: "Demo form /pricing" }),
        t0,
        "API",
      ),
    );
    expect(lead).toMatchObject({
      legalBasis: "CONSENT",
      consentSource: "Demo form /pricing",
      consentAt: t0,
      captureMethod: "API",
    });
    const { lead: kept } = await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "c@consent.test", name: "Carla" }), new Date(), "FORM"),
    );
    expect(kept).toMatchObject({ legalBasis: "CONSENT", consentAt: t0, captureMethod: "API", name: "Carla" });
    const at = "2026-11-20T09:30:00+01:00";
    const { lead: replaced } = await db.$transaction((tx) =>
      captureLead(
        tx,
        ws.marketer,
        ZLeadInput.parse({
          email: "c@consent.test",
          legalBasis: "CONTRACT",
          consentSource: "Order #12",
          consentAt: at,
        }),
      ),
    );
    expect(replaced).toMatchObject({ legalBasis: "CONTRACT", consentSource: "Order #12", consentAt: new Date(at) });
    expect(ZLeadInput.safeParse({ email: "c@consent.test", legalBasis: "BECAUSE" }).success).toBe(false);
    expect(ZLeadInput.safeParse({ email: "erased-x@erased.invalid" }).success).toBe(false);
  });

  it("an import records the basis and source it declares on the leads it creates and updates", async () => {
    const ws = await freshWorkspace("Privacy");
    await db.$transaction((tx) => captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "old@fair.test" })));
    const job = await createImport(ws.marketer, {
      fileName: "fair.csv",
      content: "Email,Name\nnew@fair.test,New\nold@fair.test,Old\n",
      mapping: { email: "Email", name: "Name" },
      consent: { legalBasis: "LEGITIMATE_INTEREST", consentSource: "Badge scans, Ecomondo 2026" },
    });
    await runImport(job.id);
    const leads = await db.lead.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { email: "asc" } });
    expect(leads.map((l) => [l.email, l.captureMethod, l.legalBasis, l.consentSource, l.consentAt !== null])).toEqual([
      ["new@fair.test", "IMPORT", "LEGITIMATE_INTEREST", "Badge scans, Ecomondo 2026", true],
      ["old@fair.test", "FORM", "LEGITIMATE_INTEREST", "Badge scans, Ecomondo 2026", true],
    ]);
    // The processed file is not kept.
    expect((await db.leadImport.findUniqueOrThrow({ where: { id: job.id } })).content).toBe("");
  });

  it("exports everything stored about a lead, and the access is audited", async () => {
    const ws = await freshWorkspace("Privacy");
    const { lead, email, name } = await leadEverywhere(ws, `exp${Date.now()}`);
    expect((await findLeadByEmail(ws.manager, email.toUpperCase()))?.id).toBe(lead.id);
    const data = (await exportLeadData(ws.manager, lead.id)) as Record<string, unknown> & {
      lead: { email: string; name: string };
      events: { properties: Record<string, string> }[];
      handoffs: { note: string; events: unknown[] }[];
      stageChanges: unknown[];
      changeLog: { action: string }[];
      consent: { capturedVia: string };
    };
    expect(data.lead).toMatchObject({ email, name });
    // The score and the rules that fired are data about the person too.
    expect(data.lead).toMatchObject({ totalScore: expect.any(Number), scoreExplanation: expect.any(Object) });
    expect(data.events).toHaveLength(3);
    expect(data.events[0]?.properties.message).toContain(email);
    expect(data.handoffs[0]?.note).toContain(name);
    expect(data.handoffs[0]?.events.length).toBeGreaterThanOrEqual(2);
    expect(data.stageChanges.length).toBeGreaterThanOrEqual(2);
    expect(data.changeLog.map((c) => c.action)).toContain("lead.created");
    expect(data.consent.capturedVia).toBe("API");
    expect(await db.auditLog.count({ where: { action: "lead.exported", entityId: lead.id } })).toBe(1);
    // Only privacy managers; not across workspaces.
    expect(await outcome(exportLeadData(ws.sales, lead.id))).toBe("forbidden");
    const other = await freshWorkspace("Privacy");
    expect(await outcome(exportLeadData(other.manager, lead.id))).toBe("notFound");
  });

  it("erases the personal data from every table, keeps every dashboard figure, and audits the erasure without the data", async () => {
    const ws = await freshWorkspace("Privacy");
    const tag = `era${Date.now()}`;
    const { lead, email, name, phone } = await leadEverywhere(ws, tag);
    const filter = ZMetricsFilter.parse({ from: "2020-01-01", to: "2030-12-31" });
    const figures = async () => ({
      funnel: await funnelMetrics(ws.manager, filter),
      sla: await slaMetrics(ws.manager, filter),
      roi: await roiMetrics(ws.manager, filter),
    });
    const before = await figures();
    // The test can fail: the person is in many tables now.
    const holding = await tablesContaining(email);
    expect(holding).toEqual(
      expect.arrayContaining([
        "AuditLog",
        "IdempotencyRecord",
        "Lead",
        "LeadEvent",
        "LeadImport",
        "LeadImportRejection",
      ]),
    );
    expect(await tablesContaining(name)).toEqual(expect.arrayContaining(["Handoff", "HandoffEvent", "Notification"]));

    expect(await outcome(eraseLead(ws.sales, lead.id))).toBe("forbidden");
    const other = await freshWorkspace("Privacy");
    expect(await outcome(eraseLead(other.manager, lead.id))).toBe("notFound");
    await eraseLead(ws.manager, lead.id);

    expect(await tablesContaining(email)).toEqual([]);
    expect(await tablesContaining(name)).toEqual([]);
    expect(await tablesContaining(phone)).toEqual([]);
    expect(await tablesContaining(`Co${tag}`)).toEqual([]);
    expect(await figures()).toEqual(before);

    const erased = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(erased).toMatchObject({ name: "", company: "", phone: "", title: "", stage: "NURTURE" });
    expect(erased.erasedAt).not.toBeNull();
    expect(await findLeadByEmail(ws.manager, email)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "lead.erased", entityId: lead.id } });
    expect(audit).toMatchObject({ actorUserId: ws.manager.userId, before: null, after: null });
    // The redacted audit entries keep what is not personal.
    const created = await db.auditLog.findFirstOrThrow({ where: { action: "lead.created", entityId: lead.id } });
    expect(created.after).toMatchObject({ stage: "LEAD", channel: "OTHER" });
    // The pending import still has its two rows: the erased one is now rejected when it runs, the other imports.
    const pending = await db.leadImport.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, fileName: "pending.csv" },
    });
    await runImport(pending.id);
    expect(await db.leadImport.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "COMPLETED",
      createdCount: 1,
      rejectedCount: 1,
    });

    expect(await outcome(eraseLead(ws.manager, lead.id))).toBe("conflict");
    expect(
      await outcome(db.$transaction((tx) => recordLeadEvent(tx, ws.marketer, lead.id, { type: "DEMO_REQUESTED" }))),
    ).toBe("conflict");
    // A publish re-scores every lead but the erased one.
    const scoredAt = (await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).scoredAt;
    await saveDraft(ws.marketer, { definition: { ...DEFAULT_SCORING_MODEL, mqlThreshold: 1 }, note: "" });
    await publishDraft(ws.marketer, { note: "Lower bar" });
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).scoredAt).toEqual(scoredAt);
  });

  it("the audit log stays append-only outside an erasure, and an erasure may only remove keys", async () => {
    const ws = await freshWorkspace("Privacy");
    const { lead } = await leadEverywhere(ws, `ao${Date.now()}`);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "lead.created", entityId: lead.id } });
    await expect(db.$executeRaw`UPDATE "AuditLog" SET after = '{}'::jsonb WHERE id = ${entry.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('smk.erasure', 'on', true)`;
        await tx.$executeRaw`UPDATE "AuditLog" SET action = 'forged' WHERE id = ${entry.id}`;
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('smk.erasure', 'on', true)`;
        await tx.$executeRaw`UPDATE "AuditLog" SET after = after || '{"stage": "CUSTOMER"}'::jsonb WHERE id = ${entry.id}`;
      }),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
  });
});
