import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { ZLeadInput } from "@/server/leads/schema";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/server/seed/demo";

describe("demo seed", () => {
  it("creates the demo logins and data, and running it again changes nothing", { timeout: 60_000 }, async () => {
    const { demo, demoTwo } = await seedDemo();
    const count = async () => ({
      users: await db.user.count({ where: { email: { endsWith: "@demo.test" } } }),
      members: await db.membership.count({ where: { workspaceId: { in: [demo.id, demoTwo.id] } } }),
      terms: await db.glossaryTerm.count({ where: { workspaceId: demo.id } }),
      agreed: await db.glossaryTerm.count({ where: { workspaceId: demo.id, status: "AGREED" } }),
      personas: await db.persona.count({ where: { workspaceId: demo.id } }),
      feedback: await db.personaFeedback.count({ where: { workspaceId: demo.id } }),
      leads: await db.lead.count({ where: { workspaceId: demo.id } }),
      mqls: await db.lead.count({ where: { workspaceId: demo.id, mqlAt: { not: null } } }),
      events: await db.leadEvent.count({ where: { workspaceId: demo.id } }),
      customers: await db.lead.count({ where: { workspaceId: demo.id, stage: "CUSTOMER" } }),
      handoffs: await db.handoff.count({ where: { workspaceId: demo.id } }),
      openHandoffs: await db.handoff.count({ where: { workspaceId: demo.id, status: "OPEN" } }),
    });
    const first = await count();
    expect(first).toMatchObject({ users: 5, members: 6, personas: 3, feedback: 4 });
    expect(first.terms).toBeGreaterThanOrEqual(20);
    expect(first.agreed).toBe(6);
    expect(first.leads).toBe(2000);
    expect(first.events).toBeGreaterThan(first.leads);
    // A believable funnel: some leads qualify, a few become customers.
    expect(first.mqls).toBeGreaterThan(50);
    expect(first.mqls).toBeLessThan(first.leads / 2);
    expect(first.customers).toBeGreaterThan(0);
    // Every lead's stage is the last entry of its stage log.
    const mismatched = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Lead" l
      WHERE l."workspaceId" = ${demo.id}
        AND l.stage <> (SELECT c."toStage" FROM "LeadStageChange" c WHERE c."leadId" = l.id ORDER BY c.at DESC, c.id DESC LIMIT 1)`;
    expect(Number(mismatched[0]?.n)).toBe(0);
    // Every MQL went to sales; each handoff agrees with its lead (open ↔ MQL, accepted ↔ SQL or later).
    expect(first.handoffs).toBe(first.mqls);
    expect(first.openHandoffs).toBeGreaterThan(0);
    const inconsistent = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT h.status, h."handedOffAt", h."answeredAt", h."assigneeId", l.stage, l."ownerId", l."mqlAt", l."sqlAt", l."createdAt"
      FROM "Handoff" h JOIN "Lead" l ON l.id = h."leadId"
      WHERE h."workspaceId" = ${demo.id} AND (NOT (
        (h.status = 'OPEN' AND l.stage = 'MQL')
        OR (h.status = 'ACCEPTED' AND l.stage IN ('SQL', 'OPPORTUNITY', 'CUSTOMER', 'LOST'))
        OR (h.status = 'REJECTED' AND l.stage IN ('NURTURE', 'DISQUALIFIED'))
      ) OR l."ownerId" IS DISTINCT FROM h."assigneeId")`;
    expect(inconsistent, JSON.stringify(inconsistent)).toEqual([]);
    await seedDemo();
    expect(await count()).toEqual(first);

    for (const user of DEMO_USERS) {
      await expect(
        signInWithPassword({ email: user.email, password: DEMO_PASSWORD, ip: "10.1.1.1" }),
      ).resolves.toBeTruthy();
    }
    const admin = await db.user.findUniqueOrThrow({
      where: { email: "admin@demo.test" },
      include: { memberships: true },
    });
    expect(admin.memberships.map((m) => m.role)).toEqual(["ADMIN", "ADMIN"]);
  });
});

describe("generated leads", () => {
  it("have valid, ASCII email addresses", async () => {
    const { demo } = await seedDemo();
    const leads = await db.lead.findMany({ where: { workspaceId: demo.id }, select: { email: true }, take: 500 });
    for (const lead of leads) {
      expect(lead.email).toMatch(/^[a-z0-9.]+@[a-z0-9.]+$/);
      expect(ZLeadInput.safeParse({ email: lead.email }).success, lead.email).toBe(true);
    }
  });
});
