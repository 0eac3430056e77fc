import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { guessMapping } from "@/server/imports/mapping";
import { checkImport, createImport, getImport, rejectedRows, resumeImport, runImport } from "@/server/imports/service";
import { ZLeadInput } from "@/server/leads/schema";
import { WITH_SCORE, withScore } from "@/server/leads/score-row";
import { captureLead } from "@/server/leads/service";
import { ZPersonaFields } from "@/server/personas/schema";
import { createPersona } from "@/server/personas/service";
import { DEFAULT_SCORING_MODEL } from "@/server/scoring/schema";
import { publishDraft, saveDraft } from "@/server/scoring/service";
import { freshWorkspace } from "@/server/seed/factories";

const CSV = [
  "Email,Name,Company,Employees,Source,utm_campaign",
  "ada@acme.test,Ada,Acme,120,Trade fair,Transpotec",
  "not-an-email,Broken,Nope,10,seo,",
  "bob@acme.test,Bob,Acme,lots,ppc,",
  "existing@acme.test,,New Co,,,",
  "ADA@acme.test,Ada L.,,,,",
  "eve@acme.test,<b>Eve</b>,Evil,5,social,",
].join("\n");

describe("CSV import", { timeout: 60_000 }, () => {
  it("imports the good rows, reports the bad ones with reasons, updates by email, and scores", async () => {
    const ws = await freshWorkspace("Import");
    await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "existing@acme.test", name: "Kept", company: "Old Co" })),
    );
    const mapping = guessMapping(CSV.split("\n")[0]?.split(",") ?? []);
    expect(mapping).toMatchObject({
      email: "Email",
      name: "Name",
      company: "Company",
      companySize: "Employees",
      channel: "Source",
      campaign: "utm_campaign",
    });
    const job = await createImport(ws.marketer, { fileName: "leads.csv", content: CSV, mapping });
    expect(job.totalRows).toBe(6);
    await runImport(job.id);

    const done = await getImport(ws.marketer, job.id);
    expect(done).toMatchObject({
      status: "COMPLETED",
      processedRows: 6,
      createdCount: 1,
      updatedCount: 1,
      rejectedCount: 3,
    });
    const ada = withScore(
      await db.lead.findUniqueOrThrow({
        where: { workspaceId_email: { workspaceId: ws.workspace.id, email: "ada@acme.test" } },
        include: WITH_SCORE,
      }),
    );
    // Two rows for one email: later cells win, empty ones keep the earlier value.
    expect(ada).toMatchObject({ name: "Ada L.", company: "Acme", companySize: 120, channel: "EVENTS", stage: "LEAD" });
    expect(ada.scoredAt).not.toBeNull();
    expect(ada.campaignId).not.toBeNull();
    const existing = await db.lead.findUniqueOrThrow({
      where: { workspaceId_email: { workspaceId: ws.workspace.id, email: "existing@acme.test" } },
    });
    expect(existing).toMatchObject({ name: "Kept", company: "New Co" });

    const rejected = [];
    for await (const batch of rejectedRows(ws.marketer, job.id)) rejected.push(...batch);
    expect(rejected.map((r) => r.rowNumber)).toEqual([2, 3, 6]);
    expect(rejected[0]?.reasons.join()).toContain("email");
    expect(rejected[1]?.reasons.join()).toContain("companySize");
    expect(rejected[2]?.reasons.join()).toContain("noMarkup");
    expect(await db.leadStageChange.count({ where: { workspaceId: ws.workspace.id, reason: "imported" } })).toBe(1);
    // The stage log is written with its leads' dimensions (the trigger's lookup is skipped): the same values.
    const [dims] = await db.$queryRaw<{ rows: number; mismatched: number }[]>`
      SELECT count(*)::int AS rows,
             count(*) FILTER (WHERE c."leadChannel" IS DISTINCT FROM l.channel OR c."leadCampaignId" IS DISTINCT FROM l."campaignId"
                              OR c."leadPersonaId" IS DISTINCT FROM l."personaId" OR c."leadOwnerId" IS DISTINCT FROM l."ownerId")::int AS mismatched
      FROM "LeadStageChange" c JOIN "Lead" l ON l.id = c."leadId" WHERE c."workspaceId" = ${ws.workspace.id}`;
    expect(dims).toMatchObject({ mismatched: 0 });
    expect(dims?.rows).toBeGreaterThan(1);
  });

  it("an interrupted import resumes from its last committed chunk without duplicating", async () => {
    const ws = await freshWorkspace("Resume");
    const lines = ["email,name", ...Array.from({ length: 2500 }, (_, i) => `lead${i}@bulk.test,Lead ${i}`)];
    const job = await createImport(ws.marketer, {
      fileName: "bulk.csv",
      content: lines.join("\n"),
      mapping: { email: "email", name: "name" },
    });
    await runImport(job.id);
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(2500);

    // Simulate a crash after the first chunk: progress says 1000, the worker's heartbeat is old
    // (and the file is still there: it is only dropped once an import completes).
    expect((await db.leadImport.findUniqueOrThrow({ where: { id: job.id } })).content).toBe("");
    await db.leadImport.update({
      where: { id: job.id },
      data: {
        content: lines.join("\n"),
        status: "RUNNING",
        processedRows: 1000,
        createdCount: 1000,
        updatedCount: 0,
        heartbeatAt: new Date(Date.now() - 120_000),
      },
    });
    expect((await getImport(ws.marketer, job.id)).stale).toBe(true);
    await runImport(job.id);
    const resumed = await getImport(ws.marketer, job.id);
    expect(resumed).toMatchObject({ status: "COMPLETED", processedRows: 2500 });
    expect(resumed.createdCount + resumed.updatedCount).toBe(2500);
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(2500);

    // A live worker is not disturbed, and a finished import cannot be resumed.
    await expect(resumeImport(ws.marketer, job.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a file without an email column, and other workspaces' imports", async () => {
    const ws = await freshWorkspace("Refuse");
    const other = await freshWorkspace("Other");
    await expect(
      createImport(ws.marketer, { fileName: "x.csv", content: "name\nAda", mapping: { name: "name" } }),
    ).rejects.toMatchObject({
      code: "validation",
    });
    await expect(
      createImport(ws.sales, { fileName: "x.csv", content: "email\na@b.test", mapping: { email: "email" } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    const job = await createImport(ws.marketer, {
      fileName: "x.csv",
      content: "email\na@b.test",
      mapping: { email: "email" },
    });
    await expect(getImport(other.admin, job.id)).rejects.toMatchObject({ code: "notFound" });
  });

  it("a new lead scores on import exactly as on capture; one that qualifies on fit becomes MQL with a handoff", async () => {
    const setUp = async (label: string) => {
      const ws = await freshWorkspace(label);
      await createPersona(ws.marketer, ZPersonaFields.parse({ name: "Fleet manager", fitIndustries: ["logistics"] }));
      await saveDraft(ws.marketer, { definition: { ...DEFAULT_SCORING_MODEL, mqlThreshold: 20 }, note: "" });
      await publishDraft(ws.marketer, { note: "low bar" });
      return ws;
    };
    const imported = await setUp("Import scores");
    const captured = await setUp("Capture scores");
    const rows = [
      { email: "fit@score.test", name: "Fit", industry: "Logistics", companySize: 200, country: "IT" },
      { email: "cold@score.test", name: "Cold", industry: "Retail", companySize: 3, country: "DE" },
    ];
    const csv = ["Email,Name,Industry,Employees,Country", ...rows.map((r) => Object.values(r).join(","))].join("\n");
    const job = await createImport(imported.marketer, {
      fileName: "scores.csv",
      content: csv,
      mapping: { email: "Email", name: "Name", industry: "Industry", companySize: "Employees", country: "Country" },
    });
    await runImport(job.id);
    for (const row of rows) {
      await db.$transaction((tx) => captureLead(tx, captured.marketer, ZLeadInput.parse(row)));
    }
    const view = async (workspaceId: string) =>
      (
        await db.lead.findMany({
          where: { workspaceId },
          orderBy: { email: "asc" },
          include: { handoffs: { select: { status: true } }, ...WITH_SCORE },
        })
      )
        .map(withScore)
        .map((l) => ({
          email: l.email,
          fit: l.fitScore,
          total: l.totalScore,
          qualifies: l.qualifies,
          stage: l.stage,
          persona: l.personaId !== null,
          explanation: l.scoreExplanation,
          handoffs: l.handoffs.map((h) => h.status),
        }));
    const fromImport = await view(imported.workspace.id);
    expect(fromImport).toEqual(await view(captured.workspace.id));
    expect(fromImport.find((l) => l.email === "fit@score.test")).toMatchObject({
      stage: "MQL",
      qualifies: true,
      handoffs: ["OPEN"],
    });
    expect(fromImport.find((l) => l.email === "cold@score.test")).toMatchObject({ stage: "LEAD", qualifies: false });
  });
});

describe("CSV import of a file larger than a chunk", { timeout: 120_000 }, () => {
  it("writes two chunks at a time in file order: duplicates across chunks merge, a failed chunk takes the next one down with it, and resuming completes the file once", async () => {
    const ws = await freshWorkspace("Chunks");
    await createPersona(ws.marketer, ZPersonaFields.parse({ name: "Fleet manager", fitIndustries: ["logistics"] }));
    await saveDraft(ws.marketer, { definition: { ...DEFAULT_SCORING_MODEL, mqlThreshold: 20 }, note: "" });
    await publishDraft(ws.marketer, { note: "low bar" });
    await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "old@chunks.test", name: "Old", company: "Old Co" })),
    );
    // 4,500 rows in chunks of 1,000: every 500th row invalid, every 10th a fit (an MQL with a handoff), a campaign
    // first named in the fourth chunk, two rows repeating e-mails of the first chunk, one updating an existing lead.
    const rows = Array.from({ length: 4_500 }, (_, i) => {
      const fit = i % 10 === 0;
      return {
        email: i % 500 === 499 ? `broken-${i}` : `p${i}@chunks.test`,
        name: `P ${i}`,
        company: "",
        industry: fit ? "Logistics" : "Retail",
        size: fit ? "200" : "3",
        campaign: i >= 3_000 && i % 7 === 0 ? "Late campaign" : "",
      };
    });
    Object.assign(rows[3_200] as object, { email: "p5@chunks.test", name: "", company: "Later Co" });
    Object.assign(rows[3_201] as object, { email: "p6@chunks.test", name: "Renamed" });
    Object.assign(rows[4_200] as object, { email: "old@chunks.test", name: "", company: "Updated Co", industry: "" });
    const csv = [
      "Email,Name,Company,Industry,Employees,Country,Campaign",
      ...rows.map((r) => [r.email, r.name, r.company, r.industry, r.size, "IT", r.campaign].join(",")),
    ].join("\n");
    const job = await createImport(ws.marketer, {
      fileName: "chunks.csv",
      content: csv,
      mapping: {
        email: "Email",
        name: "Name",
        company: "Company",
        industry: "Industry",
        companySize: "Employees",
        country: "Country",
        campaign: "Campaign",
      },
    });

    // The third chunk fails in the database (a trigger refuses one of its leads).
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_chunk() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_chunk BEFORE INSERT ON "Lead" FOR EACH ROW
      WHEN (NEW.email = 'p2500@chunks.test' AND NEW."workspaceId" = '${ws.workspace.id}')
      EXECUTE FUNCTION test_refuse_chunk()`);
    try {
      await runImport(job.id, { chunkRows: 1_000 });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_chunk ON "Lead"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_chunk()`);
    }
    const failed = await getImport(ws.marketer, job.id);
    expect(failed).toMatchObject({ status: "FAILED", processedRows: 2_000, rejectedCount: 4 });
    const emailsOf = async () =>
      new Set(
        (await db.lead.findMany({ where: { workspaceId: ws.workspace.id }, select: { email: true } })).map(
          (l) => l.email,
        ),
      );
    const afterFailure = await emailsOf();
    // Nothing of the failed chunk, nor of the one written beside it, was committed.
    expect([...afterFailure].filter((e) => /^p(2|3)\d{3}@/.test(e))).toEqual([]);
    expect(afterFailure.has("p1998@chunks.test")).toBe(true);

    await resumeImport(ws.marketer, job.id);
    await runImport(job.id, { chunkRows: 1_000 });
    const done = await getImport(ws.marketer, job.id);
    const valid = rows.filter((r) => !r.email.startsWith("broken-"));
    const expected = new Set([...valid.map((r) => r.email), "old@chunks.test"]);
    expect(await emailsOf()).toEqual(expected);
    expect(done).toMatchObject({
      status: "COMPLETED",
      processedRows: 4_500,
      createdCount: expected.size - 1,
      updatedCount: 1,
      rejectedCount: 9,
    });
    const rejected = await db.leadImportRejection.findMany({
      where: { importId: job.id },
      orderBy: { rowNumber: "asc" },
    });
    expect(rejected.map((r) => r.rowNumber)).toEqual([500, 1_000, 1_500, 2_000, 2_500, 3_000, 3_500, 4_000, 4_500]);

    const lead = (email: string) =>
      db.lead.findUniqueOrThrow({
        where: { workspaceId_email: { workspaceId: ws.workspace.id, email } },
        include: { handoffs: true, stageChanges: true },
      });
    // Later cells win, empty cells keep earlier ones — across chunks too.
    expect(await lead("p5@chunks.test")).toMatchObject({ name: "P 5", company: "Later Co" });
    expect(await lead("p6@chunks.test")).toMatchObject({ name: "Renamed" });
    expect(await lead("old@chunks.test")).toMatchObject({ name: "Old", company: "Updated Co" });
    const late = await db.campaign.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, name: "Late campaign" } });
    expect(await lead("p3010@chunks.test")).toMatchObject({ campaignId: late.id });
    // Every fit became MQL exactly once, with one handoff, in every chunk.
    const fits = valid.filter((r) => r.industry === "Logistics").map((r) => r.email);
    const mqls = await db.lead.findMany({
      where: { workspaceId: ws.workspace.id, stage: "MQL" },
      include: { handoffs: true, stageChanges: true },
    });
    expect(new Set(mqls.map((l) => l.email))).toEqual(new Set(fits));
    for (const mql of mqls) {
      expect(mql.handoffs).toHaveLength(1);
      expect(mql.stageChanges.map((c) => c.toStage).sort()).toEqual(["LEAD", "MQL"]);
    }
  });

  it("checks the whole file before writing: the dry run's counts and reasons are what the import then does", async () => {
    const ws = await freshWorkspace("Import check");
    await db.$transaction((tx) =>
      captureLead(tx, ws.marketer, ZLeadInput.parse({ email: "existing@acme.test", name: "Kept", company: "Old Co" })),
    );
    const mapping = guessMapping(CSV.split("\n")[0]?.split(",") ?? []);
    const leadsBefore = await db.lead.count({ where: { workspaceId: ws.workspace.id } });
    const check = await checkImport(ws.marketer, { content: CSV, mapping });
    expect(check).toMatchObject({ totalRows: 6, validRows: 3, createCount: 1, updateCount: 1, rejectedCount: 3 });
    expect(check.rejections.map((r) => [r.rowNumber, r.email])).toEqual([
      [2, "not-an-email"],
      [3, "bob@acme.test"],
      [6, "eve@acme.test"],
    ]);
    expect(check.rejections[1]?.reasons).toEqual(["companySize: wholeNumber"]);
    // A dry run writes nothing: no lead, no campaign, no import.
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(leadsBefore);
    expect(await db.campaign.count({ where: { workspaceId: ws.workspace.id, name: "Transpotec" } })).toBe(0);
    expect(await db.leadImport.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    const job = await createImport(ws.marketer, { fileName: "leads.csv", content: CSV, mapping });
    await runImport(job.id);
    expect(await getImport(ws.marketer, job.id)).toMatchObject({
      createdCount: check.createCount,
      updatedCount: check.updateCount,
      rejectedCount: check.rejectedCount,
    });
    await expect(checkImport(ws.sales, { content: CSV, mapping })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists the channel and country cells nothing recognises, and imports them as the importer mapped them", async () => {
    const ws = await freshWorkspace("Import values");
    const csv = [
      "Email,Canale,Paese",
      "a@values.test,Fiera di Milano,Italia",
      "b@values.test,fiera di milano,Germany",
      "c@values.test,Webinar,Deutschland",
      "d@values.test,Eventi e fiere,United States",
      "e@values.test,Webinar,",
    ].join("\n");
    const mapping = { email: "Email", channel: "Canale", country: "Paese" };
    const check = await checkImport(ws.marketer, { content: csv, mapping });
    // Country names in English or Italian are read as their codes; what nothing knows is listed, most rows first.
    expect(check.unknown.channel).toEqual({
      distinct: 2,
      values: [
        { value: "Fiera di Milano", key: "fiera di milano", rows: 2 },
        { value: "Webinar", key: "webinar", rows: 2 },
      ],
    });
    expect(check.unknown.country).toEqual({
      distinct: 1,
      values: [{ value: "Deutschland", key: "deutschland", rows: 1 }],
    });
    expect(check.rejectedCount).toBe(4);

    const values = { channel: { "fiera di milano": "EVENTS", webinar: "OTHER" }, country: { deutschland: "DE" } };
    const mapped = await checkImport(ws.marketer, { content: csv, mapping, values });
    expect(mapped).toMatchObject({ rejectedCount: 0, createCount: 5 });
    expect(mapped.unknown.channel.distinct + mapped.unknown.country.distinct).toBe(0);

    const job = await createImport(ws.marketer, { fileName: "values.csv", content: csv, mapping, values });
    await runImport(job.id);
    expect(await getImport(ws.marketer, job.id)).toMatchObject({ createdCount: 5, rejectedCount: 0 });
    const leads = await db.lead.findMany({
      where: { workspaceId: ws.workspace.id },
      select: { email: true, channel: true, country: true },
      orderBy: { email: "asc" },
    });
    expect(leads.map((l) => [l.email, l.channel, l.country])).toEqual([
      ["a@values.test", "EVENTS", "IT"],
      ["b@values.test", "EVENTS", "DE"],
      ["c@values.test", "OTHER", "DE"],
      ["d@values.test", "EVENTS", "US"],
      ["e@values.test", "OTHER", ""],
    ]);
  });
});
