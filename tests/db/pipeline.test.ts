import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { pipeline } from "@/server/handoffs/pipeline";
import { addMember, freshWorkspace } from "@/server/seed/factories";

describe("a rep's pipeline", () => {
  it("shows their own deals by stage, closed ones of the last 30 days; a manager sees everyone's or one person's", async () => {
    const ws = await freshWorkspace("Pipeline");
    const other = await addMember(ws.workspace.id, "SALES");
    const now = new Date();
    const day = 86_400_000;
    const lead = (email: string, data: Record<string, unknown>) =>
      db.lead.create({ data: { workspaceId: ws.workspace.id, email, channel: "EVENTS", ...data } });
    await lead("sql@p.test", { stage: "SQL", ownerId: ws.sales.userId });
    await lead("opp@p.test", {
      stage: "OPPORTUNITY",
      ownerId: ws.sales.userId,
      opportunityAmount: 12000,
      expectedCloseDate: new Date("2027-01-31"),
    });
    await lead("won@p.test", { stage: "CUSTOMER", ownerId: ws.sales.userId, wonAmount: 11500, stageEnteredAt: now });
    await lead("old-won@p.test", {
      stage: "CUSTOMER",
      ownerId: ws.sales.userId,
      stageEnteredAt: new Date(now.getTime() - 45 * day),
    });
    await lead("theirs@p.test", { stage: "SQL", ownerId: other.userId });

    const mine = await pipeline(ws.sales, {}, now);
    expect(mine.SQL.map((l) => l.email)).toEqual(["sql@p.test"]);
    expect(mine.OPPORTUNITY.map((l) => [l.email, l.opportunityAmount])).toEqual([["opp@p.test", 12000]]);
    expect(mine.CUSTOMER.map((l) => [l.email, l.wonAmount])).toEqual([["won@p.test", 11500]]);
    expect(mine.LOST).toEqual([]);
    // A rep cannot look at someone else's pipeline by asking for it.
    expect((await pipeline(ws.sales, { ownerId: other.userId }, now)).SQL.map((l) => l.email)).toEqual(["sql@p.test"]);

    const team = await pipeline(ws.manager, {}, now);
    expect(team.SQL.map((l) => l.email).sort()).toEqual(["sql@p.test", "theirs@p.test"]);
    expect((await pipeline(ws.manager, { ownerId: other.userId }, now)).SQL.map((l) => l.email)).toEqual([
      "theirs@p.test",
    ]);
    await expect(pipeline(ws.marketer)).rejects.toMatchObject({ code: "forbidden" });
  });
});
