/**
 * A whole workspace exported as an archive and imported into an empty
 * workspace loses nothing: every row of every table, every reference between
 * them, every dashboard figure. A crafted archive cannot reach into another
 * workspace, and a non-empty workspace refuses an import.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setGoal } from "@/server/goals/service";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead } from "@/server/leads/service";
import { saveView } from "@/server/leads/views";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { roiMetrics } from "@/server/metrics/roi";
import { slaMetrics } from "@/server/metrics/sla";
import { ZPersonaFields } from "@/server/personas/schema";
import { addPersonaFeedback, createPersona } from "@/server/personas/service";
import { exportWorkspace } from "@/server/portability/export";
import { importWorkspace } from "@/server/portability/import";
import { ARCHIVE_TABLES } from "@/server/portability/tables";
import { eraseLead } from "@/server/privacy/service";
import { addMember, freshWorkspace } from "@/server/seed/factories";
import { generateLeads } from "@/server/seed/lead-generator";
import { outcome } from "../support/outcome";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;

async function archiveOf(ws: Ws): Promise<string[]> {
  let text = "";
  for await (const chunk of exportWorkspace(ws.admin)) text += chunk;
  return text.split("\n").filter(Boolean);
}

const linesOf = (archive: string[]) =>
  async function* () {
    yield* archive;
  };

/** A rich workspace: starter glossary, personas with feedback, a year of leads, handoffs, spend, goals, views, an erasure. */
async function richWorkspace() {
  const ws = await freshWorkspace("Source", { starterGlossary: true });
  const rep2 = await addMember(ws.workspace.id, "SALES");
  const persona = await createPersona(
    ws.marketer,
    ZPersonaFields.parse({ name: "Fleet manager", fitIndustries: ["logistics"], fitSizeMin: 50 }),
  );
  await addPersonaFeedback(ws.sales, { personaId: persona.id, rating: 4, body: "Matches the calls I get." });
  await generateLeads({
    workspaceId: ws.workspace.id,
    count: 300,
    months: 6,
    seed: 7,
    ownerIds: [ws.sales.userId, rep2.userId],
  });
  const { lead } = await db.$transaction((tx) =>
    captureLead(
      tx,
      ws.marketer,
      ZLeadInput.parse({ email: "consent@source.test", name: "Carla", legalBasis: "CONSENT", consentSource: "Form" }),
    ),
  );
  await setGoal(ws.manager, { month: "2026-11", metric: "MQLS", target: 40 });
  await saveView(ws.marketer, { name: "Hot events", query: `channel=EVENTS&owner=${ws.sales.userId}` });
  const erased = await db.lead.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, id: { not: lead.id } } });
  await eraseLead(ws.manager, erased.id);
  return ws;
}

/** Rows per table with every id masked: the content that must survive, whatever the new ids. */
async function content(workspaceId: string) {
  const out: Record<string, string[]> = {};
  for (const table of ARCHIVE_TABLES) {
    const delegate = db[table.model] as unknown as { findMany: (args: object) => Promise<object[]> };
    const rows = await delegate.findMany({ where: table.where(workspaceId) });
    out[table.model] = rows
      .map((row) =>
        JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? "<serial>" : v))
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{24}/g, "<id>")
          // Serial ids and the rows' own creation stamps of the import are not content.
          .replace(/"id":"<serial>"/g, ""),
      )
      .sort();
  }
  return out;
}

/** An erased lead's placeholder address carries its id, which the import renews. */
const anonymous = (email: string) => email.replace(/^erased-.*@/, "erased@");

/** References, followed through the data: they must lead to the same things. */
async function relations(workspaceId: string) {
  const handoffs = await db.handoff.findMany({
    where: { workspaceId },
    select: { lead: { select: { email: true } }, slaPolicy: { select: { version: true } }, assigneeId: true },
  });
  const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const terms = await db.glossaryTerm.findMany({
    where: { workspaceId },
    select: { nameEn: true, inForce: { select: { nameEn: true, number: true } }, relatedTermIds: true },
  });
  const termNames = new Map(
    (await db.glossaryTerm.findMany({ where: { workspaceId }, select: { id: true, nameEn: true } })).map((t) => [
      t.id,
      t.nameEn,
    ]),
  );
  const leads = await db.lead.findMany({
    where: { workspaceId },
    select: { email: true, campaign: { select: { name: true } }, ownerId: true, personaId: true },
  });
  const personas = new Map(
    (await db.persona.findMany({ where: { workspaceId } })).map((p) => [p.id, p.name] as [string, string]),
  );
  return {
    handoffs: handoffs
      .map((h) => `${anonymous(h.lead.email)}|${h.slaPolicy.version}|${h.assigneeId ? users.get(h.assigneeId) : "-"}`)
      .sort(),
    terms: terms
      .map((t) => `${t.nameEn}|${t.inForce?.nameEn}|${t.relatedTermIds.map((id) => termNames.get(id)).join(",")}`)
      .sort(),
    leads: leads
      .map(
        (l) =>
          `${anonymous(l.email)}|${l.campaign?.name}|${l.ownerId ? users.get(l.ownerId) : "-"}|${l.personaId ? personas.get(l.personaId) : "-"}`,
      )
      .sort(),
  };
}

async function figures(ws: Ws) {
  const filter = ZMetricsFilter.parse({ from: "2020-01-01", to: "2030-12-31" });
  return {
    funnel: await funnelMetrics(ws.manager, filter),
    sla: await slaMetrics(ws.manager, filter),
    roi: await roiMetrics(ws.manager, filter),
    quality: await qualityMetrics(ws.manager, filter),
  };
}

const stripIds = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value).replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{24}/g,
      "<id>",
    ),
  );

describe("workspace export and import", { timeout: 180_000 }, () => {
  it("an exported workspace imported into an empty one loses nothing", async () => {
    const source = await richWorkspace();
    const archive = await archiveOf(source);
    expect(archive.length).toBeGreaterThan(1_000);
    expect(await db.auditLog.count({ where: { action: "workspace.exported", workspaceId: source.workspace.id } })).toBe(
      1,
    );

    // Into a new workspace (with its untouched starter glossary, which makes way) whose admin is someone else.
    const target = await freshWorkspace("Target", { starterGlossary: true });
    const summary = await importWorkspace(target.admin, linesOf(archive));
    expect(summary.users.matched).toBeGreaterThan(0);

    const [before, after] = [await content(source.workspace.id), await content(target.workspace.id)];
    for (const table of ARCHIVE_TABLES) {
      if (table.model === "membership" || table.model === "auditLog") continue;
      expect(after[table.model], table.model).toEqual(before[table.model]);
    }
    // The target keeps its own admin besides the imported members; its log has the import on top of the history.
    expect(after.membership?.length).toBe((before.membership?.length ?? 0) + 4);
    expect(after.auditLog).toEqual(expect.arrayContaining(before.auditLog ?? []));
    expect(await relations(target.workspace.id)).toEqual(await relations(source.workspace.id));
    // Every figure, read by the same manager in each workspace (imported into the target, matched by e-mail).
    const targetManager = { ...source, manager: { ...source.manager, workspaceId: target.workspace.id } };
    expect(stripIds(await figures(targetManager))).toEqual(stripIds(await figures(source)));
    // The erased lead stays erased, under its new id.
    expect(await db.lead.count({ where: { workspaceId: target.workspace.id, erasedAt: { not: null } } })).toBe(1);
    expect(await db.lead.count({ where: { workspaceId: target.workspace.id, email: { startsWith: "erased-" } } })).toBe(
      1,
    );
    // The source is untouched.
    expect(await content(source.workspace.id)).toEqual(before);

    // A second import into the now non-empty workspace is refused.
    expect(await outcome(importWorkspace(target.admin, linesOf(archive)))).toBe("conflict");
  });

  it("an archive from before scores had a table of their own (scores in the lead rows) keeps every score", async () => {
    const source = await freshWorkspace("Old format");
    await generateLeads({ workspaceId: source.workspace.id, count: 40, seed: 11 });
    const archive = await archiveOf(source);
    const scores = new Map<string, Record<string, unknown>>();
    for (const text of archive.slice(1)) {
      const line = JSON.parse(text) as { t: string; r: Record<string, unknown> };
      if (line.t === "LeadScore") scores.set(line.r.leadId as string, line.r);
    }
    expect(scores.size).toBe(40);
    // The earlier layout: the score columns inside each lead row, no LeadScore lines.
    const oldFormat = archive.flatMap((text, index) => {
      if (index === 0) return [text];
      const line = JSON.parse(text) as { t: string; r: Record<string, unknown> };
      if (line.t === "LeadScore") return [];
      if (line.t !== "Lead") return [text];
      const { leadId: _, workspaceId: __, channel: ___, ...score } = scores.get(line.r.id as string) ?? {};
      return [JSON.stringify({ t: "Lead", r: { ...line.r, ...score } })];
    });
    const target = await freshWorkspace("Old format target");
    await importWorkspace(target.admin, linesOf(oldFormat));
    const [before, after] = [await content(source.workspace.id), await content(target.workspace.id)];
    expect(after.leadScore).toEqual(before.leadScore);
    expect(after.leadScore?.some((row) => !row.includes('"totalScore":0,'))).toBe(true);
  });

  it("a crafted archive cannot reach into another workspace; bad files are refused whole", async () => {
    const source = await freshWorkspace("Source");
    await db.$transaction((tx) => captureLead(tx, source.marketer, ZLeadInput.parse({ email: "a@src.test" })));
    const victim = await freshWorkspace("Victim");
    const { lead: victimLead } = await db.$transaction((tx) =>
      captureLead(tx, victim.marketer, ZLeadInput.parse({ email: "v@victim.test" })),
    );
    const archive = await archiveOf(source);
    const header = archive[0] as string;
    const event = JSON.stringify({
      t: "LeadEvent",
      r: { id: "1", workspaceId: "x", leadId: victimLead.id, type: "DEMO_REQUESTED", occurredAt: new Date() },
    });
    const target = await freshWorkspace("Target");
    expect(await outcome(importWorkspace(target.admin, linesOf([...archive, event])))).toBe("validation");
    expect(await db.leadEvent.count({ where: { leadId: victimLead.id } })).toBe(0);
    const score = JSON.stringify({ t: "LeadScore", r: { leadId: victimLead.id, workspaceId: "x", totalScore: 99 } });
    expect(await outcome(importWorkspace(target.admin, linesOf([...archive, score])))).toBe("validation");
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: victimLead.id } })).totalScore).not.toBe(99);
    expect(await outcome(importWorkspace(target.admin, linesOf(["{}", ...archive.slice(1)])))).toBe("validation");
    expect(await outcome(importWorkspace(target.admin, linesOf(["not json", ...archive.slice(1)])))).toBe("validation");
    expect(await outcome(importWorkspace(target.admin, linesOf([header, '{"t":"Secret","r":{}}'])))).toBe("validation");
    expect(await outcome(importWorkspace(target.admin, linesOf([header, '{"t":"Lead","r":{"bogus":1}}'])))).toBe(
      "validation",
    );
    // Nothing of the refused imports stayed.
    expect(await db.lead.count({ where: { workspaceId: target.workspace.id } })).toBe(0);
    expect(await outcome(importWorkspace(target.manager, linesOf(archive)))).toBe("forbidden");
  });
});
