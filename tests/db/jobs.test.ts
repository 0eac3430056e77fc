import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createHandoffs } from "@/server/handoffs/assignment";
import { runDailyJobs } from "@/server/jobs/daily";
import { sendPendingMail } from "@/server/jobs/mail-outbox";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { publishedModel } from "@/server/leads/scoring-context";
import { captureLead } from "@/server/leads/service";
import { rescoreWorkspace } from "@/server/scoring/rescore";
import { freshWorkspace } from "@/server/seed/factories";

describe("daily jobs", () => {
  it("send the managers' summary once per local day, from any number of servers, and only after 08:00 local time", async () => {
    const ws = await freshWorkspace();
    const lead = await db.lead.create({
      data: { workspaceId: ws.workspace.id, email: "daily@acme.test", channel: "EMAIL", stage: "MQL" },
    });
    const yesterday = new Date("2026-11-23T10:00:00Z");
    await db.$transaction((tx) =>
      createHandoffs(tx, { workspaceId: ws.workspace.id, leadIds: [lead.id], now: yesterday, actorUserId: null }),
    );
    const summaries = () => db.notification.findMany({ where: { workspaceId: ws.workspace.id, kind: "dailySummary" } });

    // 07:30 in Rome: too early.
    await runDailyJobs(new Date("2026-11-24T06:30:00Z"), [ws.workspace.id]);
    expect(await summaries()).toHaveLength(0);
    // 09:00 in Rome, three servers at once.
    const nine = new Date("2026-11-24T08:00:00Z");
    await Promise.all([1, 2, 3].map(() => runDailyJobs(nine, [ws.workspace.id])));
    const sent = await summaries();
    expect(sent.map((n) => n.userId)).toEqual([ws.manager.userId]);
    expect(sent[0]?.params).toMatchObject({ handedOff: 1, open: 1, overdue: 1, accepted: 0 });
    // Later the same day: nothing new; the next day: a new summary.
    await runDailyJobs(new Date("2026-11-24T15:00:00Z"), [ws.workspace.id]);
    expect(await summaries()).toHaveLength(1);
    await runDailyJobs(new Date("2026-11-25T08:00:00Z"), [ws.workspace.id]);
    expect(await summaries()).toHaveLength(2);
  });

  it("re-score the workspace at night so time decay lowers scores without any new event", async () => {
    const ws = await freshWorkspace();
    const now = new Date("2026-06-01T10:00:00Z");
    const { lead } = await db.$transaction((tx) => captureLead(tx, ws.marketer, { email: "decay@acme.test" }, now));
    await db.leadEvent.create({
      data: { workspaceId: ws.workspace.id, leadId: lead.id, type: "DEMO_REQUESTED", occurredAt: now },
    });
    // Thirty days later (noon in Rome): one half-life of the default model's demo rule.
    await runDailyJobs(new Date("2026-07-01T10:00:00Z"), [ws.workspace.id]);
    const after = await db.leadScore.findUniqueOrThrow({ where: { leadId: lead.id } });
    expect(after.engagementScore).toBe(20);
    expect(await db.jobRun.count({ where: { periodKey: `${ws.workspace.id}:2026-07-01` } })).toBe(2);
  });

  it("a decay re-score rewrites only the leads whose score changed", async () => {
    const ws = await freshWorkspace();
    const now = new Date("2026-06-01T10:00:00Z");
    const capture = (email: string) => db.$transaction((tx) => captureLead(tx, ws.marketer, { email }, now));
    const { lead: hot } = await capture("hot@acme.test");
    const { lead: quiet } = await capture("quiet@acme.test");
    await db.leadEvent.create({
      data: { workspaceId: ws.workspace.id, leadId: hot.id, type: "DEMO_REQUESTED", occurredAt: now },
    });
    const model = await db.$transaction((tx) => publishedModel(tx, ws.workspace.id));
    const rescore = (at: Date) =>
      rescoreWorkspace({ workspaceId: ws.workspace.id, model, personas: [], actorUserId: null, now: at });
    // The first pass gives the hot lead its demo points; the quiet one, without events, is already right.
    expect(await rescore(now)).toMatchObject({ leads: 2, rewritten: 1 });
    const leads = async () =>
      (
        await db.lead.findMany({
          where: { workspaceId: ws.workspace.id },
          orderBy: { email: "asc" },
          include: WITH_SCORE,
        })
      ).map(withScore);
    const before = await leads();
    // A day later the demo has decayed (40 → 39.09): only the hot lead is written again.
    const nextDay = new Date("2026-06-02T10:00:00Z");
    expect(await rescore(nextDay)).toMatchObject({ leads: 2, rewritten: 1 });
    const after = await leads();
    const byEmail = (rows: typeof after, id: string) => rows.find((l) => l.id === id);
    // The score row changed; the lead's own fields did not, so neither did its updatedAt (the API's sync clock).
    expect(byEmail(after, hot.id)).toMatchObject({
      engagementScore: 39.09,
      scoredAt: nextDay,
      updatedAt: byEmail(before, hot.id)?.updatedAt,
    });
    expect(byEmail(after, quiet.id)).toEqual(byEmail(before, quiet.id));
    // Nothing changes the same day: nothing is written.
    expect(await rescore(nextDay)).toMatchObject({ leads: 2, rewritten: 0 });
  });
});

describe("e-mail outbox", () => {
  it("takes each pending notification once", async () => {
    const ws = await freshWorkspace();
    const note = await db.notification.create({
      data: {
        workspaceId: ws.workspace.id,
        userId: ws.sales.userId,
        kind: "handoffAssigned",
        params: { lead: "Ada", count: 1 },
        href: "/handoffs",
        mailPending: true,
      },
    });
    await Promise.all([sendPendingMail(), sendPendingMail()]);
    const after = await db.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(after.mailPending).toBe(false);
    expect(after.mailedAt).not.toBeNull();
  });
});
