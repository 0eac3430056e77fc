import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/service";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { approveRevision } from "@/server/glossary/service";
import { ZPersonaFields } from "@/server/personas/schema";
import { addPersonaFeedback, createPersona } from "@/server/personas/service";
import { ensureWorkspace } from "@/server/seed/factories";
import { generateLeads } from "@/server/seed/lead-generator";

export const DEMO_PASSWORD = "smarketing-demo";
/** About 2,000 leads over 12 months, so every screen has realistic data. */
export const DEMO_LEADS = 2000;

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.test", name: "Alessandra Admin", role: "ADMIN" },
  { email: "manager@demo.test", name: "Marco Manager", role: "MANAGER" },
  { email: "marketer@demo.test", name: "Giulia Marketer", role: "MARKETER" },
  { email: "rep1@demo.test", name: "Luca Rep", role: "SALES" },
  { email: "rep2@demo.test", name: "Sara Rep", role: "SALES" },
];

/**
 * The demo data: workspace "Demo" with one login per role, and a second
 * workspace "Demo Two" where the admin also belongs (to try switching).
 * Idempotent: running it again changes nothing.
 */
export async function seedDemo() {
  const demo = await ensureWorkspace({
    name: "Demo",
    slug: "demo",
    starterGlossary: true,
    members: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  });
  const two = await ensureWorkspace({
    name: "Demo Two",
    slug: "demo-two",
    starterGlossary: true,
    members: [{ ...(DEMO_USERS[0] as (typeof DEMO_USERS)[number]), password: DEMO_PASSWORD }],
  });
  for (const ws of [demo.workspace, two.workspace]) {
    const seeded = await db.auditLog.findFirst({ where: { workspaceId: ws.id, action: "workspace.seeded" } });
    if (!seeded) {
      await writeAudit(
        db,
        { userId: null, workspaceId: ws.id },
        {
          action: "workspace.seeded",
          entityType: "Workspace",
          entityId: ws.id,
          after: { name: ws.name },
        },
      );
    }
  }
  await seedDemoGlossaryAndPersonas(demo.actors);
  if (!(await db.slaPolicy.findFirst({ where: { workspaceId: demo.workspace.id } }))) {
    await db.slaPolicy.create({
      data: {
        workspaceId: demo.workspace.id,
        version: 1,
        timeZone: "Europe/Rome",
        holidays: ITALIAN_HOLIDAYS,
        // Within reach of the demo's volume (about 20–30 MQLs a month), so the commitment reads as a real target.
        mqlMonthlyTarget: 25,
        note: "Agreed at the marketing–sales kick-off",
      },
    });
  }
  if ((await db.lead.count({ where: { workspaceId: demo.workspace.id } })) === 0) {
    const reps = ["rep1@demo.test", "rep2@demo.test"].map((email) => (demo.actors[email] as Actor).userId);
    await generateLeads({ workspaceId: demo.workspace.id, count: DEMO_LEADS, months: 12, seed: 2026, ownerIds: reps });
    await backdateAgreement(demo.workspace.id);
  }
  return { demo: demo.workspace, demoTwo: two.workspace };
}

/**
 * The demo team has worked together for the year its leads span: the SLA, the first scoring model and the starter
 * glossary (with the terms agreed at the kick-off) date from 13 months ago, not from the moment of seeding — else
 * every month of the alignment index would read "no commitment yet" and the charts would mark today's seeding as a
 * change of definition.
 */
async function backdateAgreement(workspaceId: string) {
  const kickOff = new Date(Date.now() - 396 * 86_400_000);
  await db.$transaction([
    db.slaPolicy.updateMany({ where: { workspaceId }, data: { createdAt: kickOff } }),
    db.scoringModel.updateMany({
      where: { workspaceId, status: "PUBLISHED" },
      data: { createdAt: kickOff, publishedAt: kickOff },
    }),
    db.glossaryTerm.updateMany({ where: { workspaceId }, data: { createdAt: kickOff } }),
    db.termRevision.updateMany({ where: { workspaceId }, data: { createdAt: kickOff } }),
    db.termRevision.updateMany({ where: { workspaceId, agreedAt: { not: null } }, data: { agreedAt: kickOff } }),
  ]);
}

/** National holidays in Italy, 2026–2027 (the demo team works in Milan). */
const ITALIAN_HOLIDAYS = [
  "2026-01-01",
  "2026-01-06",
  "2026-04-06",
  "2026-04-25",
  "2026-05-01",
  "2026-06-02",
  "2026-08-15",
  "2026-11-01",
  "2026-12-08",
  "2026-12-25",
  "2026-12-26",
  "2027-01-01",
  "2027-01-06",
  "2027-03-29",
  "2027-04-25",
  "2027-05-01",
  "2027-06-02",
  "2027-08-15",
  "2027-11-01",
  "2027-12-08",
  "2027-12-25",
  "2027-12-26",
];

/** Terms the demo team already agreed (the rest of the starter glossary stays proposed). */
const DEMO_AGREED_TERMS = ["lead", "mql", "sql", "opportunity", "customer", "sla"];

const DEMO_PERSONAS = [
  {
    persona: {
      name: "Francesca, Fleet Manager",
      color: "#1f5fd1",
      title: "Fleet manager",
      seniority: "Manager",
      industry: "Logistics",
      companySizeMin: 50,
      companySizeMax: 500,
      region: "Northern Italy",
      goals: "Cut fuel and maintenance costs; keep every vehicle on the road.",
      pains: "Fuel cards she cannot reconcile; surprise downtime; spreadsheets.",
      objections: "Rolling out telematics could stop vehicles for days.",
      buyingTriggers: "A fleet renewal; a new CFO asking for cost per kilometre.",
      preferredChannels: ["EVENTS", "EMAIL", "ORGANIC_SEARCH"],
      fitIndustries: ["logistics", "retail", "automotive"],
      fitSizeMin: 50,
      fitSizeMax: 1000,
      fitTitleKeywords: ["fleet", "flotta", "logistics"],
      fitCountries: ["IT", "DE", "AT"],
    },
    feedback: [
      {
        by: "rep1@demo.test",
        rating: 4,
        body: "Spot on for logistics firms; retail fleet managers care more about delivery windows.",
      },
      { by: "rep2@demo.test", rating: 3, body: "Below 80 vehicles they rarely have budget this year." },
    ],
  },
  {
    persona: {
      name: "Marco, Operations Director",
      color: "#0f766e",
      title: "Operations director",
      seniority: "Director",
      industry: "Retail",
      companySizeMin: 200,
      companySizeMax: 5000,
      region: "Italy",
      goals: "Predictable deliveries and a lower cost to serve.",
      pains: "No single view of the fleet across regions.",
      objections: "Another tool the teams will not use.",
      buyingTriggers: "Opening new stores or warehouses.",
      preferredChannels: ["REFERRAL", "EVENTS"],
      fitIndustries: ["retail", "food distribution"],
      fitSizeMin: 200,
      fitSizeMax: null,
      fitTitleKeywords: ["operations", "director", "coo"],
      fitCountries: ["IT"],
    },
    feedback: [{ by: "rep1@demo.test", rating: 5, body: "Decides quickly when the CFO is in the first call." }],
  },
  {
    persona: {
      name: "Luca, Small Business Owner",
      color: "#b45309",
      title: "Owner",
      seniority: "Owner",
      industry: "Construction",
      companySizeMin: 1,
      companySizeMax: 20,
      region: "Italy",
      goals: "Know where the vans are.",
      pains: "Theft and fuel abuse.",
      objections: "Price per vehicle.",
      buyingTriggers: "A stolen van.",
      preferredChannels: ["PAID_SEARCH", "SOCIAL"],
      fitIndustries: ["construction"],
      fitSizeMin: 1,
      fitSizeMax: 20,
      fitTitleKeywords: ["owner", "titolare"],
      fitCountries: ["IT"],
    },
    feedback: [
      { by: "rep2@demo.test", rating: 2, body: "Most of these leads want a cheap GPS tracker, not a fleet platform." },
    ],
  },
];

/** Idempotent: only a workspace without personas gets the demo ones. */
async function seedDemoGlossaryAndPersonas(actors: Record<string, Actor>) {
  const manager = actors["manager@demo.test"] as Actor;
  const marketer = actors["marketer@demo.test"] as Actor;
  if ((await db.persona.count({ where: { workspaceId: manager.workspaceId } })) > 0) return;

  const pending = await db.termRevision.findMany({
    where: { workspaceId: manager.workspaceId, status: "PENDING", term: { key: { in: DEMO_AGREED_TERMS } } },
    select: { id: true },
  });
  // Agreed by both sides, as the product asks of every term (not by a manager's say alone).
  const rep = actors["rep1@demo.test"] as Actor;
  for (const revision of pending) {
    await approveRevision(marketer, revision.id);
    await approveRevision(rep, revision.id);
  }

  for (const { persona, feedback } of DEMO_PERSONAS) {
    const created = await createPersona(marketer, ZPersonaFields.parse(persona));
    for (const item of feedback) {
      await addPersonaFeedback(actors[item.by] as Actor, {
        personaId: created.id,
        rating: item.rating,
        body: item.body,
      });
    }
  }
}
