import { describe, expect, it } from "vitest";
import { localDays } from "@/lib/local-days";
import { db } from "@/server/db";
import { exportLeads, LEADS_PAGE_SIZE, listLeads, ZLeadFilter } from "@/server/leads/list";
import { ZLeadInput } from "@/server/leads/schema";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { captureLead } from "@/server/leads/service";
import { freshWorkspace } from "@/server/seed/factories";
import { generateLeads } from "@/server/seed/lead-generator";

describe("leads list", { timeout: 60_000 }, () => {
  it("filters on the server, pages without gaps or repeats, and counts exactly", async () => {
    const ws = await freshWorkspace("List");
    await generateLeads({ workspaceId: ws.workspace.id, count: 180, seed: 7 });
    // A third of them owned by the rep (the owner filter below).
    const ids = (await db.lead.findMany({ where: { workspaceId: ws.workspace.id }, select: { id: true } })).map(
      (l) => l.id,
    );
    await db.lead.updateMany({
      where: { id: { in: ids.filter((_, i) => i % 3 === 0) } },
      data: { ownerId: ws.sales.userId },
    });
    // …and a fifth given a persona (by an update: the score rows' copy must follow it).
    const persona = await db.persona.create({ data: { workspaceId: ws.workspace.id, name: "Fleet", initials: "FL" } });
    await db.lead.updateMany({
      where: { id: { in: ids.filter((_, i) => i % 5 === 1) } },
      data: { personaId: persona.id },
    });
    const all = (await db.lead.findMany({ where: { workspaceId: ws.workspace.id }, include: WITH_SCORE })).map(
      withScore,
    );
    // The generator stores each lead's score in its score row (the sort and filters below read it).
    expect(all.filter((l) => l.totalScore > 0 && l.scoredAt !== null).length).toBeGreaterThan(90);

    // Every page of the default sort, following the cursor.
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listLeads(ws.sales, ZLeadFilter.parse({ after }));
      expect(page.leads.length).toBeLessThanOrEqual(LEADS_PAGE_SIZE);
      seen.push(...page.leads.map((l) => l.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);

    // Two filters and the score sort, against a plain computation.
    const filter = ZLeadFilter.parse({ channel: "PAID_SEARCH", minScore: "10", sort: "score" });
    const expected = all
      .filter((l) => l.channel === "PAID_SEARCH" && l.totalScore >= 10)
      .sort((a, b) => b.totalScore - a.totalScore || (a.id < b.id ? 1 : -1));
    const result = await listLeads(ws.sales, filter);
    expect(result.count).toEqual({ value: expected.length, capped: false });
    expect(result.leads.map((l) => l.id)).toEqual(expected.slice(0, LEADS_PAGE_SIZE).map((l) => l.id));

    // Filters applied on the score rows (stage, channel: copies of the lead's) and on the leads, with either sort.
    type Lead = (typeof all)[number];
    const owner = ws.sales.userId;
    const later = all.find((l) => l.stage !== "LEAD")?.stage as string;
    const byScore = (a: Lead, b: Lead) => b.totalScore - a.totalScore || (a.id < b.id ? 1 : -1);
    const newest = (a: Lead, b: Lead) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
    const combos: [Record<string, string>, (l: Lead) => boolean][] = [
      [{ stage: "LEAD", minScore: "10", sort: "score" }, (l) => l.stage === "LEAD" && l.totalScore >= 10],
      [{ stage: later, sort: "score" }, (l) => l.stage === later],
      [{ stage: "LEAD", maxScore: "20" }, (l) => l.stage === "LEAD" && l.totalScore <= 20],
      [{ stage: "LEAD", channel: "EVENTS", sort: "score" }, (l) => l.stage === "LEAD" && l.channel === "EVENTS"],
      [{ owner, minScore: "5" }, (l) => l.ownerId === owner && l.totalScore >= 5],
      [{ owner, minScore: "5", sort: "score" }, (l) => l.ownerId === owner && l.totalScore >= 5],
      [{ owner, sort: "score" }, (l) => l.ownerId === owner],
      [{ owner: "none", minScore: "5", sort: "score" }, (l) => l.ownerId === null && l.totalScore >= 5],
      [{ persona: "none", minScore: "5", sort: "score" }, (l) => l.personaId === null && l.totalScore >= 5],
      [{ persona: persona.id, sort: "score" }, (l) => l.personaId === persona.id],
      [{ persona: persona.id, minScore: "5" }, (l) => l.personaId === persona.id && l.totalScore >= 5],
      [
        { owner: "none", stage: "LEAD", minScore: "5" },
        (l) => l.ownerId === null && l.stage === "LEAD" && l.totalScore >= 5,
      ],
    ];
    for (const [query, matches] of combos) {
      const want = all.filter(matches).sort(query.sort === "score" ? byScore : newest);
      expect(want.length, JSON.stringify(query)).toBeGreaterThan(0);
      const got = await listLeads(ws.sales, ZLeadFilter.parse(query));
      expect(got.count, JSON.stringify(query)).toEqual({ value: want.length, capped: false });
      expect(
        got.leads.map((l) => l.id),
        JSON.stringify(query),
      ).toEqual(want.slice(0, LEADS_PAGE_SIZE).map((l) => l.id));
    }
  });

  it("counts the leads that entered a stage in a period from the stage changes, with the lead's dimensions", async () => {
    const ws = await freshWorkspace("List entered");
    await generateLeads({ workspaceId: ws.workspace.id, count: 300, months: 4, seed: 9, ownerIds: [ws.sales.userId] });
    const changes = await db.leadStageChange.findMany({
      where: { workspaceId: ws.workspace.id, toStage: "MQL" },
      include: { lead: { select: { channel: true, ownerId: true, personaId: true, stage: true } } },
    });
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    // The list's dates are local days of the workspace (as it reads them).
    const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } });
    const days = localDays(from, to, timeZone);
    const inRange = changes.filter((c) => c.at >= (days.from as Date) && c.at < (days.to as Date));
    const leadsWhere = (keep: (c: (typeof changes)[number]) => boolean) =>
      new Set(inRange.filter(keep).map((c) => c.leadId)).size;
    const channel = inRange[0]?.lead.channel as string;
    const cases: [Record<string, string>, number][] = [
      [{ entered: "MQL", from, to }, leadsWhere(() => true)],
      [{ entered: "MQL", from, to, channel }, leadsWhere((c) => c.lead.channel === channel)],
      [{ entered: "MQL", from, to, owner: "none" }, leadsWhere((c) => c.lead.ownerId === null)],
      [{ entered: "MQL", from, to, owner: ws.sales.userId }, leadsWhere((c) => c.lead.ownerId === ws.sales.userId)],
      // With a filter the stage changes cannot answer, the count reads the leads (the other path): same meaning.
      [{ entered: "MQL", from, to, stage: "SQL" }, leadsWhere((c) => c.lead.stage === "SQL")],
    ];
    expect(cases[0]?.[1]).toBeGreaterThan(3);
    for (const [query, want] of cases) {
      const got = await listLeads(ws.manager, ZLeadFilter.parse(query));
      expect(got.count, JSON.stringify(query)).toEqual({ value: want, capped: false });
      expect(got.leads.length, JSON.stringify(query)).toBe(Math.min(want, LEADS_PAGE_SIZE));
    }
  });

  it("searches email, name and company; wildcards are literal; bad filter values are ignored", async () => {
    const ws = await freshWorkspace("Search");
    await generateLeads({ workspaceId: ws.workspace.id, count: 60, seed: 11 });
    const all = await db.lead.findMany({ where: { workspaceId: ws.workspace.id } });
    const one = all[0] as (typeof all)[number];
    const matching = (term: string) =>
      all
        .filter((l) => [l.name, l.email, l.company].some((field) => field.toLowerCase().includes(term.toLowerCase())))
        .map((l) => l.id)
        .sort();
    const found = async (term: string) =>
      (await listLeads(ws.sales, ZLeadFilter.parse({ q: term }))).leads.map((l) => l.id).sort();
    // Each field, in any case, against a plain computation over the same leads (fewer than a page each).
    for (const term of [one.company.toUpperCase(), one.name.split(" ")[0] as string, one.email.slice(2, 9)]) {
      expect(matching(term).length, term).toBeGreaterThan(0);
      expect(matching(term).length, term).toBeLessThan(LEADS_PAGE_SIZE);
      expect(await found(term), term).toEqual(matching(term));
    }
    expect((await listLeads(ws.sales, ZLeadFilter.parse({ q: "@" }))).count.value).toBe(all.length);
    // A term never matches across two fields (name then e-mail).
    const spanning = `${one.name.slice(-3)} ${one.email.slice(0, 3)}`;
    expect(matching(spanning)).toEqual([]);
    expect(await found(spanning)).toEqual([]);
    expect(await found(`${one.name}\n${one.email}`)).toEqual([]);
    // The search follows an edit of the name, and the search text never reaches a reader.
    await db.lead.update({ where: { id: one.id }, data: { name: "Quirinale Zanzibar" } });
    expect(await found("zanzibar")).toEqual([one.id]);
    expect(await db.lead.findUniqueOrThrow({ where: { id: one.id } })).not.toHaveProperty("searchText");
    expect((await listLeads(ws.sales, ZLeadFilter.parse({ q: "%" }))).count.value).toBe(0);
    expect((await listLeads(ws.sales, ZLeadFilter.parse({ q: "_" }))).count.value).toBe(0);
    const garbage = ZLeadFilter.parse({ stage: "NOPE", minScore: "abc", from: "yesterday", sort: "random" });
    expect(garbage).toMatchObject({ stage: undefined, minScore: undefined, from: undefined, sort: "newest" });
    // An empty form field is no filter (not a score of zero).
    const empty = ZLeadFilter.parse({ q: "", minScore: "", maxScore: "", persona: "", stage: "" });
    expect(empty).toEqual({ sort: "newest" });
  });

  it("never shows another workspace's leads, and exports every matching lead", async () => {
    const a = await freshWorkspace("A");
    const b = await freshWorkspace("B");
    await generateLeads({ workspaceId: a.workspace.id, count: 30, seed: 1 });
    await generateLeads({ workspaceId: b.workspace.id, count: 30, seed: 2 });
    const page = await listLeads(a.sales, ZLeadFilter.parse({}));
    expect(page.leads.length).toBe(30);
    const bIds = new Set(
      (await db.lead.findMany({ where: { workspaceId: b.workspace.id }, select: { id: true } })).map((l) => l.id),
    );
    expect(page.leads.some((l) => bIds.has(l.id))).toBe(false);
    let exported = 0;
    for await (const batch of exportLeads(a.sales, ZLeadFilter.parse({}))) exported += batch.length;
    expect(exported).toBe(30);
  });
});

describe("a disqualified lead", () => {
  it("is listed with the sign of its disqualifier beside its score, in either sort", async () => {
    const ws = await freshWorkspace("Disqualified");
    await db.$transaction(async (tx) => {
      await captureLead(
        tx,
        ws.marketer,
        ZLeadInput.parse({ email: "student@uni.test", title: "Student of logistics" }),
      );
      await captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "buyer@firm.test", title: "Head of logistics" }));
    });
    for (const sort of ["newest", "score"] as const) {
      const { leads } = await listLeads(ws.marketer, ZLeadFilter.parse({ sort }));
      const byEmail = new Map(leads.map((l) => [l.email, l]));
      expect(byEmail.get("student@uni.test")?.disqualified, sort).toBe(true);
      expect(byEmail.get("buyer@firm.test")?.disqualified, sort).toBe(false);
    }
  });
});
