import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/server/db";
import { addCustomEventType, listCustomEventTypes } from "@/server/leads/event-types";
import { listLeads, ZLeadFilter } from "@/server/leads/list";
import { getLead, getLeadDetail } from "@/server/leads/queries";
import { ZLeadInput } from "@/server/leads/schema";
import { scoringInputs } from "@/server/leads/scoring-context";
import { applyScore, captureLead, logLeadActivity, recordLeadEvent } from "@/server/leads/service";
import { ZPersonaFields } from "@/server/personas/schema";
import { createPersona } from "@/server/personas/service";
import { freshWorkspace } from "@/server/seed/factories";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
// Input goes through the same schema as the API and the forms.
const capture = (ws: Ws, input: z.input<typeof ZLeadInput>, now?: Date) =>
  db.$transaction((tx) => captureLead(tx, ws.marketer, ZLeadInput.parse(input), now));
const event = (ws: Ws, leadId: string, type: string, occurredAt?: Date, now?: Date) =>
  db.$transaction((tx) => recordLeadEvent(tx, ws.marketer, leadId, { type, occurredAt }, now));

describe("capture", () => {
  it("creates a lead, then updates the same email instead of duplicating; fields left out are kept", async () => {
    const ws = await freshWorkspace();
    const first = await capture(ws, { email: "ada@acme.test", name: "Ada", company: "Acme", channel: "EVENTS" });
    expect(first.created).toBe(true);
    expect(first.lead).toMatchObject({ stage: "LEAD", channel: "EVENTS", company: "Acme" });
    const second = await capture(ws, { email: "ada@acme.test", title: "Head of Fleet" });
    expect(second.created).toBe(false);
    expect(second.lead).toMatchObject({
      id: first.lead.id,
      name: "Ada",
      company: "Acme",
      title: "Head of Fleet",
      channel: "EVENTS",
    });
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    const log = await db.leadStageChange.findMany({ where: { leadId: first.lead.id } });
    expect(log.map((c) => [c.fromStage, c.toStage])).toEqual([[null, "LEAD"]]);
  });

  it("every lead has one score row, whatever writes the lead; its channel, stage and owner copies follow the lead's", async () => {
    const ws = await freshWorkspace();
    // A lead written without any score (as an archive, a seed or a test would) gets an unscored row.
    const bare = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: "bare@acme.test", channel: "SOCIAL" },
    });
    expect(await db.leadScore.findUnique({ where: { leadId: bare.id } })).toMatchObject({
      workspaceId: ws.workspace.id,
      channel: "SOCIAL",
      totalScore: 0,
      qualifies: false,
      scoredAt: null,
    });
    const { lead } = await capture(ws, { email: "moves@acme.test", channel: "EVENTS", industry: "Logistics" });
    expect(await db.leadScore.count({ where: { leadId: lead.id } })).toBe(1);
    await capture(ws, { email: "moves@acme.test", channel: "REFERRAL" });
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).channel).toBe("REFERRAL");
    // The score sort filters the channel on the score rows: the lead is found under its new channel only.
    const inChannel = async (channel: string) =>
      (await listLeads(ws.sales, ZLeadFilter.parse({ channel, sort: "score" }))).leads.map((l) => l.email);
    expect(await inChannel("REFERRAL")).toEqual(["moves@acme.test"]);
    expect(await inChannel("EVENTS")).toEqual([]);
    // So does the stage copy, whatever moves the lead (here an update as a deal would make; captures and
    // re-scores that cross the threshold are checked in scoring.test.ts).
    const inStage = async (stage: string) =>
      (await listLeads(ws.sales, ZLeadFilter.parse({ stage, sort: "score", minScore: "-100", q: "moves" }))).leads.map(
        (l) => l.email,
      );
    expect(await inStage("LEAD")).toEqual(["moves@acme.test"]);
    await db.lead.update({ where: { id: lead.id }, data: { stage: "OPPORTUNITY" } });
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).stage).toBe("OPPORTUNITY");
    expect(await inStage("OPPORTUNITY")).toEqual(["moves@acme.test"]);
    expect(await inStage("LEAD")).toEqual([]);
    // And the owner copy: set, changed and cleared with the lead's owner.
    const ownedBy = async (owner: string) =>
      (await listLeads(ws.sales, ZLeadFilter.parse({ owner, sort: "score", q: "moves" }))).leads.map((l) => l.email);
    const ownerCopy = async () => (await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).ownerId;
    await db.lead.update({ where: { id: lead.id }, data: { ownerId: ws.sales.userId } });
    expect(await ownerCopy()).toBe(ws.sales.userId);
    expect(await ownedBy(ws.sales.userId)).toEqual(["moves@acme.test"]);
    expect(await ownedBy("none")).toEqual([]);
    await db.lead.update({ where: { id: lead.id }, data: { ownerId: ws.manager.userId } });
    expect(await ownedBy(ws.sales.userId)).toEqual([]);
    expect(await ownedBy(ws.manager.userId)).toEqual(["moves@acme.test"]);
    await db.lead.update({ where: { id: lead.id }, data: { ownerId: null } });
    expect(await ownerCopy()).toBeNull();
    expect(await ownedBy("none")).toEqual(["moves@acme.test"]);
    // A lead written at a later stage (an archive, a seed) starts with that copy.
    const won = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: "won@acme.test", channel: "SOCIAL", stage: "CUSTOMER" },
    });
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: won.id } })).stage).toBe("CUSTOMER");
    const owned = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: "owned@acme.test", channel: "SOCIAL", ownerId: ws.sales.userId },
    });
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: owned.id } })).ownerId).toBe(ws.sales.userId);
    // Deleting a lead deletes its score row.
    await db.lead.delete({ where: { id: bare.id } });
    expect(await db.leadScore.count({ where: { leadId: bare.id } })).toBe(0);
  });

  it("a new workspace's first captures, all at once, share one default published model", async () => {
    const ws = await freshWorkspace();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => capture(ws, { email: `first-${i}@acme.test` })),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const models = await db.scoringModel.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(models.map((m) => [m.version, m.status])).toEqual([[1, "PUBLISHED"]]);
    expect(new Set(results.map((r) => r.lead.scoringModelId))).toEqual(new Set([models[0]?.id]));
  });

  it("concurrent captures of one new email make one lead", async () => {
    const ws = await freshWorkspace();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => capture(ws, { email: "race@acme.test", name: `Try ${i}` })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
    expect(await db.leadStageChange.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("matches the lead to a persona by its fit attributes", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(
      ws.marketer,
      ZPersonaFields.parse({ name: "Fleet", fitIndustries: ["logistics"], fitCountries: ["IT"] }),
    );
    const { lead } = await capture(ws, { email: "fleet@log.test", industry: "Logistics", country: "it" });
    expect(lead.personaId).toBe(persona.id);
    expect(lead.country).toBe("IT");
    // The default model gives +20 for a persona match.
    expect(lead.fitScore).toBe(20);
  });

  it("a new lead written in one go (the common path) is stored exactly as the general path scores it", async () => {
    const ws = await freshWorkspace();
    await createPersona(ws.marketer, ZPersonaFields.parse({ name: "Fleet", fitIndustries: ["logistics"] }));
    const now = new Date("2026-11-02T10:00:00Z");
    const { lead, created } = await capture(
      ws,
      { email: "quick@log.test", industry: "Logistics", companySize: 5, campaign: "Autumn", channel: "EVENTS" },
      now,
    );
    expect(created).toBe(true);
    const stored = (row: typeof lead) =>
      pick(row, ["personaId", "fitScore", "engagementScore", "totalScore", "qualifies", "scoreExplanation", "stage"]);
    // The general path re-reads the lead and scores it with the same model and personas: nothing changes.
    const rescored = await db.$transaction(async (tx) => {
      const inputs = await scoringInputs(tx, ws.workspace.id);
      return applyScore(tx, { leadId: lead.id, ...inputs, actorUserId: null, now });
    });
    expect(stored(rescored.lead)).toEqual(stored(lead));
    expect(lead).toMatchObject({ fitScore: 5, scoredAt: now, captureMethod: "FORM", campaignId: expect.any(String) });
    const log = await db.leadStageChange.findMany({ where: { leadId: lead.id } });
    expect(log.map((c) => [c.fromStage, c.toStage, c.reason])).toEqual([[null, "LEAD", "captured"]]);
    expect(log[0]).toMatchObject({
      leadChannel: "EVENTS",
      leadCampaignId: lead.campaignId,
      leadPersonaId: lead.personaId,
      leadOwnerId: null,
    });
    expect(lead.personaId).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { entityId: lead.id } });
    expect(audit.map((a) => a.action)).toEqual(["lead.created"]);
    expect(audit[0]?.after).toMatchObject({ email: "quick@log.test", industry: "Logistics", totalScore: 5 });
  });
});

describe("scoring and the MQL crossing", () => {
  it("a lead whose events cross the threshold becomes MQL exactly once, with the rules that fired", async () => {
    const ws = await freshWorkspace();
    const { lead } = await capture(ws, { email: "hot@acme.test" });
    const a = await event(ws, lead.id, "DEMO_REQUESTED");
    expect(a.becameMql).toBe(false);
    expect(a.lead.totalScore).toBe(40);
    const b = await event(ws, lead.id, "PRICING_PAGE_VIEWED");
    const c = await event(ws, lead.id, "PRICING_PAGE_VIEWED");
    expect(b.becameMql).toBe(false);
    expect(c.becameMql).toBe(true);
    expect(c.lead).toMatchObject({ stage: "MQL", totalScore: 60, qualifies: true });
    expect(c.lead.mqlAt).not.toBeNull();
    expect((await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } })).stage).toBe("MQL");
    const explanation = c.lead.scoreExplanation as { contributions: { ruleId: string; points: number }[] };
    expect(explanation.contributions.map((x) => [x.ruleId, x.points])).toEqual([
      ["demo", 40],
      ["pricing", 20],
    ]);
    const d = await event(ws, lead.id, "FORM_SUBMITTED");
    expect(d.becameMql).toBe(false);
    const log = await db.leadStageChange.findMany({ where: { leadId: lead.id }, orderBy: { at: "asc" } });
    expect(log.map((x) => x.toStage)).toEqual(["LEAD", "MQL"]);
    expect(log[1]?.scoringModelId).not.toBeNull();
  });

  it("disqualifiers keep a hot lead out of MQL; decay is computed at the time of scoring", async () => {
    const ws = await freshWorkspace();
    const student = (await capture(ws, { email: "s@uni.test", title: "PhD student" })).lead;
    for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED", "FORM_SUBMITTED"]) {
      await event(ws, student.id, type);
    }
    const after = await getLead(ws.marketer, student.id);
    expect(after.totalScore).toBeGreaterThanOrEqual(60);
    expect(after).toMatchObject({ qualifies: false, stage: "LEAD" });

    const now = new Date("2026-06-01T10:00:00Z");
    const old = (await capture(ws, { email: "old@acme.test" }, now)).lead;
    const thirtyDaysAgo = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
    const scored = await event(ws, old.id, "DEMO_REQUESTED", thirtyDaysAgo, now);
    expect(scored.lead.engagementScore).toBe(20); // 40 points, one half-life old
  });

  it("re-scoring never moves a lead backwards out of SQL", async () => {
    const ws = await freshWorkspace();
    const { lead } = await capture(ws, { email: "sql@acme.test" });
    await db.lead.update({ where: { id: lead.id }, data: { stage: "SQL" } });
    for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) await event(ws, lead.id, type);
    expect((await getLead(ws.marketer, lead.id)).stage).toBe("SQL");
  });

  it("refuses unknown event types and other workspaces' leads", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const { lead } = await capture(ws, { email: "x@acme.test" });
    await expect(event(ws, lead.id, "TELEPATHY")).rejects.toMatchObject({ code: "validation" });
    await db.leadEventType.create({
      data: { workspaceId: ws.workspace.id, key: "TRIAL_STARTED", label: "Trial started" },
    });
    await expect(event(ws, lead.id, "TRIAL_STARTED")).resolves.toBeTruthy();
    await expect(event(other, lead.id, "DEMO_REQUESTED")).rejects.toMatchObject({ code: "notFound" });
    await expect(getLead(other.admin, lead.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(db.$transaction((tx) => captureLead(tx, ws.sales, { email: "y@acme.test" }))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("custom event types", () => {
  it("marketers add their own types, which events can then use; duplicates and built-in keys are refused", async () => {
    const ws = await freshWorkspace();
    await addCustomEventType(ws.marketer, { key: "TRIAL_STARTED", label: "Trial started" });
    expect((await listCustomEventTypes(ws.sales)).map((t) => t.key)).toEqual(["TRIAL_STARTED"]);
    await expect(addCustomEventType(ws.marketer, { key: "TRIAL_STARTED", label: "Again" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(addCustomEventType(ws.marketer, { key: "DEMO_REQUESTED", label: "Mine" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(addCustomEventType(ws.sales, { key: "CALL_BOOKED", label: "Call" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const { lead } = await capture(ws, { email: "trial@acme.test" });
    await expect(event(ws, lead.id, "TRIAL_STARTED")).resolves.toBeTruthy();
  });
});

function pick<T extends object, K extends keyof T>(row: T, keys: K[]) {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

describe("logging an activity on a lead's page", () => {
  it("re-scores at once and says how the score moved; a rep logs only on their own leads; never in the future", async () => {
    const ws = await freshWorkspace("Activity");
    const { lead } = await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "activity@acme.test", name: "Ada" })),
    );
    const logged = await logLeadActivity(ws.marketer, lead.id, {
      type: "DEMO_REQUESTED",
      note: "Asked for a demo at the fair",
    });
    expect(logged.scoreAfter - logged.scoreBefore).toBe(40);
    const detail = await getLeadDetail(ws.marketer, lead.id);
    expect(detail.timeline.find((i) => i.kind === "event")).toMatchObject({
      type: "DEMO_REQUESTED",
      note: "Asked for a demo at the fair",
    });
    expect(await db.auditLog.count({ where: { entityId: lead.id, action: "lead.activityLogged" } })).toBe(1);

    // A rep who does not own the lead is refused; once it is theirs, they log.
    await expect(logLeadActivity(ws.sales, lead.id, { type: "EMAIL_CLICKED", note: "" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await db.lead.update({ where: { id: lead.id }, data: { ownerId: ws.sales.userId } });
    await expect(logLeadActivity(ws.sales, lead.id, { type: "EMAIL_CLICKED", note: "" })).resolves.toMatchObject({
      becameMql: false,
    });

    const now = new Date();
    await expect(
      logLeadActivity(
        ws.marketer,
        lead.id,
        { type: "EMAIL_CLICKED", note: "", occurredAt: new Date(now.getTime() + 3_600_000) },
        now,
      ),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { occurredAt: ["notInFuture"] } });
    // Another workspace's lead does not exist for this actor.
    const other = await freshWorkspace("Activity other");
    await expect(logLeadActivity(other.marketer, lead.id, { type: "EMAIL_CLICKED", note: "" })).rejects.toMatchObject({
      code: "notFound",
    });
  });
});
