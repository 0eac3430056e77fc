import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { currentSla } from "@/server/handoffs/sla";
import { getPersona, listPersonas, personaPerformance } from "@/server/personas/queries";
import { ZPersonaFields } from "@/server/personas/schema";
import {
  addPersonaFeedback,
  createPersona,
  duplicatePersona,
  setPersonaArchived,
  updatePersona,
} from "@/server/personas/service";
import { freshWorkspace } from "@/server/seed/factories";

const fields = (overrides: Record<string, unknown> = {}) =>
  ZPersonaFields.parse({
    name: "Fleet manager",
    title: "Fleet manager",
    industry: "Logistics",
    companySizeMin: 50,
    companySizeMax: 500,
    fitIndustries: ["logistics", "automotive"],
    fitTitleKeywords: ["fleet"],
    fitCountries: ["it", "DE"],
    preferredChannels: ["EVENTS", "EMAIL"],
    ...overrides,
  });

describe("personas", () => {
  it("a marketer creates a persona with structured fit attributes and versions", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(ws.marketer, fields());
    const { persona: saved, versions } = await getPersona(ws.sales, persona.id);
    expect(saved).toMatchObject({ initials: "FM", fitCountries: ["IT", "DE"], version: 1 });
    expect(versions.map((v) => v.version)).toEqual([1]);
    await expect(createPersona(ws.sales, fields())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("two people editing at once: the second save is refused and told who saved", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(ws.marketer, fields());
    const [first, second] = await Promise.allSettled([
      updatePersona(ws.marketer, { personaId: persona.id, version: 1, fields: fields({ goals: "Cut fuel costs" }) }),
      updatePersona(ws.manager, { personaId: persona.id, version: 1, fields: fields({ goals: "Reduce downtime" }) }),
    ]);
    const outcomes = [first, second].map((r) => r.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = [first, second].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict", params: { version: 2 } });
    const { persona: saved, versions } = await getPersona(ws.sales, persona.id);
    expect(saved.version).toBe(2);
    expect(["Cut fuel costs", "Reduce downtime"]).toContain(saved.goals);
    expect(versions).toHaveLength(2);

    // Saving again from the current version works.
    await updatePersona(ws.manager, { personaId: persona.id, version: 2, fields: fields({ goals: "Both" }) });
    expect((await getPersona(ws.sales, persona.id)).persona.goals).toBe("Both");
  });

  it("duplicates and archives", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(ws.marketer, fields());
    const copy = await duplicatePersona(ws.marketer, persona.id, "(copy)");
    expect((await getPersona(ws.marketer, copy.id)).persona.name).toBe("Fleet manager (copy)");
    await setPersonaArchived(ws.marketer, persona.id, true);
    expect((await listPersonas(ws.marketer)).map((p) => p.id)).toEqual([copy.id]);
    expect((await listPersonas(ws.marketer, { archived: true })).map((p) => p.id)).toEqual([persona.id]);
  });

  it("sales reps and managers give field feedback; marketers read it", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(ws.marketer, fields());
    await addPersonaFeedback(ws.sales, {
      personaId: persona.id,
      rating: 2,
      body: "They care about price, not features.",
    });
    await addPersonaFeedback(ws.manager, { personaId: persona.id, rating: 4, body: "Matches the big accounts." });
    await expect(
      addPersonaFeedback(ws.marketer, { personaId: persona.id, rating: 5, body: "I like it" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { feedback, averageRating } = await getPersona(ws.marketer, persona.id);
    expect(feedback).toHaveLength(2);
    expect(averageRating).toBe(3);
    expect(await db.auditLog.count({ where: { entityId: persona.id, action: "persona.feedback" } })).toBe(2);
  });

  it("validates ranges and refuses markup", () => {
    expect(ZPersonaFields.safeParse({ name: "X", fitSizeMin: 100, fitSizeMax: 10 }).success).toBe(false);
    expect(ZPersonaFields.safeParse({ name: "<b>X</b>" }).success).toBe(false);
    expect(ZPersonaFields.safeParse({ name: "" }).success).toBe(false);
    expect(ZPersonaFields.safeParse({ name: "X", goals: "y".repeat(50_000) }).success).toBe(false);
  });

  it("another workspace's persona is not found", async () => {
    const a = await freshWorkspace();
    const b = await freshWorkspace();
    const persona = await createPersona(b.marketer, fields());
    await expect(getPersona(a.admin, persona.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(
      updatePersona(a.marketer, { personaId: persona.id, version: 1, fields: fields() }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(addPersonaFeedback(a.sales, { personaId: persona.id, rating: 1, body: "x" })).rejects.toMatchObject({
      code: "notFound",
    });
  });
});

describe("persona performance", () => {
  it("counts matched leads, MQLs, acceptance of their handoffs, win rate and revenue from real leads", async () => {
    const ws = await freshWorkspace();
    const persona = await createPersona(ws.marketer, fields());
    const base = { workspaceId: ws.workspace.id, personaId: persona.id, channel: "EVENTS" as const };
    const at = new Date();
    await db.lead.createMany({
      data: [
        { ...base, email: "a@p.test" },
        { ...base, email: "b@p.test", stage: "MQL", mqlAt: at },
        { ...base, email: "c@p.test", stage: "SQL", mqlAt: at, sqlAt: at },
        { ...base, email: "d@p.test", stage: "CUSTOMER", mqlAt: at, sqlAt: at, customerAt: at, wonAmount: 4200 },
        { ...base, email: "e@p.test", stage: "LOST", mqlAt: at, sqlAt: at },
        { ...base, email: "f@p.test", personaId: null },
        { ...base, email: "g@p.test", stage: "NURTURE", mqlAt: at },
      ],
    });
    // Sales accepted c, d and e, and returned g: acceptance 3 of 4.
    const leads = await db.lead.findMany({
      where: { workspaceId: ws.workspace.id, email: { in: ["c@p.test", "d@p.test", "e@p.test", "g@p.test"] } },
    });
    const sla = await currentSla(db, ws.workspace.id);
    await db.handoff.createMany({
      data: leads.map((l) => ({
        workspaceId: ws.workspace.id,
        leadId: l.id,
        slaPolicyId: sla.id,
        status: l.email === "g@p.test" ? ("REJECTED" as const) : ("ACCEPTED" as const),
        handedOffAt: at,
        assignedAt: at,
        dueAt: at,
        firstDueAt: at,
        dueSoonAt: at,
      })),
    });
    expect(await personaPerformance(ws.sales, persona.id)).toEqual({
      leads: 6,
      mqls: 5,
      sqls: 3,
      customers: 1,
      acceptanceRate: 0.75,
      winRate: 0.5,
      revenue: 4200,
    });
  });
});
