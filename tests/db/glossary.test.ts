import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getTermDetail, listTerms, termDefinitions } from "@/server/glossary/queries";
import { type TermContent, ZTermContent } from "@/server/glossary/schema";
import {
  approveRevision,
  approveStarterSet,
  commentOnTerm,
  deprecateTerm,
  installStarterGlossary,
  proposeRevision,
  proposeTerm,
  starterSetStatus,
  withdrawRevision,
} from "@/server/glossary/service";
import { STARTER_TERMS } from "@/server/glossary/starter-terms";
import { freshWorkspace } from "@/server/seed/factories";
import { createWorkspace } from "@/server/workspaces/service";

let n = 0;
function content(overrides: Partial<{ en: Partial<TermContent["en"]>; it: Partial<TermContent["it"]> }> = {}) {
  n++;
  return ZTermContent.parse({
    category: "LIFECYCLE_STAGE",
    en: {
      name: `Marketing Qualified Lead ${n}`,
      definition: "A lead that met the agreed MQL criteria.",
      ...overrides.en,
    },
    it: {
      name: `Lead qualificato dal marketing ${n}`,
      definition: "Un lead che soddisfa i criteri MQL concordati.",
      ...overrides.it,
    },
  });
}

describe("agreement rules", () => {
  it("a marketer proposes, a sales rep approves: agreed with both names", async () => {
    const ws = await freshWorkspace();
    const { termId, revisionId } = await proposeTerm(ws.marketer, content());
    expect((await getTermDetail(ws.marketer, termId)).status).toBe("PROPOSED");

    // The marketer's proposal carries the marketing side; the sales rep's approval completes it.
    const result = await approveRevision(ws.sales, revisionId);
    expect(result.agreed).toBe(true);
    const detail = await getTermDetail(ws.marketer, termId);
    expect(detail.status).toBe("AGREED");
    expect(detail.inForce?.author?.id).toBe(ws.marketer.userId);
    expect(detail.inForce?.authorRole).toBe("MARKETER");
    expect(detail.inForce?.approvals.map((a) => a.user.id)).toEqual([ws.sales.userId]);
  });

  it("self-approval is refused and one-sided approval stays proposed", async () => {
    const ws = await freshWorkspace();
    const { termId, revisionId } = await proposeTerm(ws.sales, content());
    await expect(approveRevision(ws.sales, revisionId)).rejects.toMatchObject({
      code: "conflict",
      params: { reason: "ownRevision" },
    });
    // Another sales rep adds nothing: the marketing side is still missing.
    const otherRep = { ...ws.manager, role: "SALES" as const };
    expect((await approveRevision(otherRep, revisionId)).agreed).toBe(false);
    const detail = await getTermDetail(ws.sales, termId);
    expect(detail.status).toBe("PROPOSED");
    expect(detail.pending[0]?.missingSides).toEqual(["marketing"]);
    await expect(approveRevision(otherRep, revisionId)).rejects.toMatchObject({
      params: { reason: "alreadyApproved" },
    });
  });

  it("a manager's approval alone makes a term agreed; admins cannot approve", async () => {
    const ws = await freshWorkspace();
    const { termId, revisionId } = await proposeTerm(ws.marketer, content());
    await expect(approveRevision(ws.admin, revisionId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await approveRevision(ws.manager, revisionId)).agreed).toBe(true);
    expect((await getTermDetail(ws.admin, termId)).status).toBe("AGREED");
  });

  it("an edit to an agreed term is a new revision; the agreed one stays in force until the new one is agreed", async () => {
    const ws = await freshWorkspace();
    const first = await proposeTerm(ws.marketer, content());
    await approveRevision(ws.manager, first.revisionId);
    const agreedDefinition = (await getTermDetail(ws.sales, first.termId)).definitionEn;

    const change = content({ en: { definition: "A lead scoring at least 60 with no disqualifier." } });
    const second = await proposeRevision(ws.admin, first.termId, change);
    let detail = await getTermDetail(ws.sales, first.termId);
    expect(detail.inForceRevisionId).toBe(first.revisionId);
    expect(detail.definitionEn).toBe(agreedDefinition);
    expect(detail.pending.map((r) => r.id)).toEqual([second.revisionId]);
    expect((await termDefinitions(ws.workspace.id, "en")).get(detail.key)?.definition).toBe(agreedDefinition);

    await approveRevision(ws.marketer, second.revisionId);
    detail = await getTermDetail(ws.sales, first.termId);
    expect(detail.inForceRevisionId).toBe(first.revisionId); // sales side missing: the marketer alone is not enough
    await approveRevision(ws.sales, second.revisionId);
    detail = await getTermDetail(ws.sales, first.termId);
    expect(detail.inForceRevisionId).toBe(second.revisionId);
    expect(detail.definitionEn).toBe("A lead scoring at least 60 with no disqualifier.");
    expect(detail.revisions.find((r) => r.id === first.revisionId)?.status).toBe("SUPERSEDED");
  });

  it("concurrent approvals of one revision by the two sides agree it exactly once", async () => {
    const ws = await freshWorkspace();
    const { termId, revisionId } = await proposeTerm(ws.admin, content());
    await Promise.all([approveRevision(ws.marketer, revisionId), approveRevision(ws.sales, revisionId)]);
    const detail = await getTermDetail(ws.admin, termId);
    expect(detail.status).toBe("AGREED");
    expect(detail.inForce?.approvals).toHaveLength(2);
    expect(await db.auditLog.count({ where: { entityId: termId, action: "term.agreed" } })).toBe(1);
  });
});

describe("bad input and names", () => {
  it("refuses empty definitions, huge text, markup and duplicate names in the same language", async () => {
    const ws = await freshWorkspace();
    expect(
      ZTermContent.safeParse({
        category: "METRIC",
        en: { name: "CPL", definition: "" },
        it: { name: "", definition: "" },
      }).success,
    ).toBe(false);
    const huge = ZTermContent.safeParse({
      category: "METRIC",
      en: { name: "X", definition: "x".repeat(50_000) },
      it: { name: "", definition: "" },
    });
    expect(huge.success).toBe(false);
    if (!huge.success) expect(huge.error.issues[0]?.message).toBe("tooLong");
    const script = ZTermContent.safeParse({
      category: "METRIC",
      en: { name: "X", definition: "<script>alert(1)</script>" },
      it: { name: "", definition: "" },
    });
    expect(script.success).toBe(false);
    if (!script.success) expect(script.error.issues[0]?.message).toBe("noMarkup");
    // "Company size < 10" is text, not markup.
    expect(
      ZTermContent.safeParse({
        category: "METRIC",
        en: { name: "Small", definition: "Company size < 10" },
        it: { name: "", definition: "" },
      }).success,
    ).toBe(true);

    const first = content();
    await proposeTerm(ws.marketer, first);
    const clash = content({ en: { name: first.en.name.toUpperCase() } });
    await expect(proposeTerm(ws.sales, clash)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "en.name": ["duplicateName"] },
    });
    // The same name is fine in another workspace.
    const other = await freshWorkspace();
    await expect(proposeTerm(other.sales, first)).resolves.toHaveProperty("termId");
  });
});

describe("history, discussion, deprecation", () => {
  it("comments notify followers; withdrawal and deprecation are recorded", async () => {
    const ws = await freshWorkspace();
    const { termId } = await proposeTerm(ws.marketer, content());
    await commentOnTerm(ws.sales, termId, "On our side an MQL must have a phone number.");
    const notes = await db.notification.findMany({
      where: { userId: ws.marketer.userId, workspaceId: ws.workspace.id },
    });
    expect(notes.map((x) => x.kind)).toContain("termCommented");

    const change = await proposeRevision(ws.sales, termId, content());
    await expect(withdrawRevision(ws.marketer, change.revisionId)).rejects.toMatchObject({ code: "forbidden" });
    await withdrawRevision(ws.sales, change.revisionId);

    const replacement = await proposeTerm(ws.marketer, content());
    await expect(deprecateTerm(ws.marketer, termId, replacement.termId)).rejects.toMatchObject({ code: "forbidden" });
    await deprecateTerm(ws.manager, termId, replacement.termId);
    const detail = await getTermDetail(ws.sales, termId);
    expect(detail.status).toBe("DEPRECATED");
    expect(detail.replacedBy?.id).toBe(replacement.termId);
    expect(await db.auditLog.count({ where: { entityId: termId } })).toBeGreaterThanOrEqual(4);
  });

  it("another workspace's term is not found", async () => {
    const a = await freshWorkspace();
    const b = await freshWorkspace();
    const { termId, revisionId } = await proposeTerm(b.marketer, content());
    await expect(getTermDetail(a.admin, termId)).rejects.toMatchObject({ code: "notFound" });
    await expect(approveRevision(a.manager, revisionId)).rejects.toMatchObject({ code: "notFound" });
    await expect(commentOnTerm(a.sales, termId, "hi")).rejects.toMatchObject({ code: "notFound" });
    expect((await listTerms(a.admin, {})).map((t) => t.id)).not.toContain(termId);
  });
});

describe("starter glossary", () => {
  it("a new workspace starts with the starter terms in both languages, all proposed", async () => {
    const ws = await createWorkspace({ name: `Starter ${Date.now()}` });
    const terms = await db.glossaryTerm.findMany({ where: { workspaceId: ws.id } });
    expect(terms.length).toBe(STARTER_TERMS.length);
    expect(terms.length).toBeGreaterThanOrEqual(20);
    expect(terms.every((t) => t.status === "PROPOSED" && t.nameEn && t.nameIt && t.definitionIt)).toBe(true);
    expect(terms.map((t) => t.key)).toEqual(expect.arrayContaining(["lead", "mql", "sql", "sla", "roi", "cac"]));
  });

  it("both sides agree the starter set in one step each, every approval recorded; meanwhile hints show the proposed text", async () => {
    const ws = await freshWorkspace("Starter set");
    await db.$transaction((tx) => installStarterGlossary(tx, ws.workspace.id));
    const hints = await termDefinitions(ws.workspace.id, "it");
    expect(hints.get("mql")).toMatchObject({ proposed: true, name: "MQL" });
    expect(hints.get("mql")?.definition).toBeTruthy();
    expect(await starterSetStatus(ws.marketer)).toEqual({
      pending: STARTER_TERMS.length,
      approvable: STARTER_TERMS.length,
    });

    expect(await approveStarterSet(ws.marketer)).toEqual({ approved: STARTER_TERMS.length, agreed: 0 });
    // The marketer's side is in: nothing left for them, still all pending for sales.
    expect(await starterSetStatus(ws.marketer)).toEqual({ pending: STARTER_TERMS.length, approvable: 0 });
    expect(await approveStarterSet(ws.marketer)).toEqual({ approved: 0, agreed: 0 });
    expect(await approveStarterSet(ws.sales)).toEqual({ approved: STARTER_TERMS.length, agreed: STARTER_TERMS.length });

    const terms = await db.glossaryTerm.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(terms.every((t) => t.status === "AGREED")).toBe(true);
    const approvals = await db.termApproval.findMany({
      where: { revision: { workspaceId: ws.workspace.id } },
      select: { role: true },
    });
    expect(approvals.filter((a) => a.role === "MARKETER")).toHaveLength(STARTER_TERMS.length);
    expect(approvals.filter((a) => a.role === "SALES")).toHaveLength(STARTER_TERMS.length);
    expect((await termDefinitions(ws.workspace.id, "en")).get("mql")?.proposed).toBe(false);
    await expect(approveStarterSet(ws.admin)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("search finds terms by name, synonym and definition in either language", async () => {
    const ws = await freshWorkspace("Search", { starterGlossary: true });
    const byName = await listTerms(ws.sales, { q: "mql" });
    expect(byName.map((t) => t.key)).toContain("mql");
    const mql = STARTER_TERMS.find((t) => t.key === "mql");
    const italianWord = mql?.it.definition.split(" ").find((w) => w.length > 8) ?? "qualificato";
    expect((await listTerms(ws.sales, { q: italianWord })).length).toBeGreaterThan(0);
    const metrics = await listTerms(ws.sales, { category: "METRIC" });
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.every((t) => t.category === "METRIC")).toBe(true);
    // LIKE wildcards are searched literally: "_" matches no name here, "%" only texts with a percentage.
    expect(await listTerms(ws.sales, { q: "zz_qx" })).toHaveLength(0);
    const percent = await listTerms(ws.sales, { q: "%" });
    expect(percent.length).toBeGreaterThan(0);
    expect(percent.every((t) => `${t.definitionEn}${t.definitionIt}`.includes("%"))).toBe(true);
  });

  it("lists terms in the order of their names in the reader's language, whatever their case", async () => {
    const ws = await freshWorkspace("Collation", { starterGlossary: true });
    await proposeTerm(ws.marketer, content({ en: { name: "campaign touch" }, it: { name: "tocco di campagna" } }));
    const byName = (list: { nameEn: string; nameIt: string }[], key: "nameEn" | "nameIt", locale: string) =>
      [...list.map((t) => t[key])].sort(new Intl.Collator(locale, { sensitivity: "base" }).compare);
    const english = await listTerms(ws.sales, {}, "en");
    expect(english.map((t) => t.nameEn)).toEqual(byName(english, "nameEn", "en"));
    const italian = await listTerms(ws.sales, {}, "it");
    expect(italian.map((t) => t.nameIt)).toEqual(byName(italian, "nameIt", "it"));
    // The two orders differ for the starter set (e.g. "Customer" / "Cliente"), so the Italian list is not the English one.
    expect(italian.map((t) => t.id)).not.toEqual(english.map((t) => t.id));
    // A lower-case name sits among the others, not after every capital.
    const names = english.map((t) => t.nameEn);
    expect(names.indexOf("campaign touch")).toBeLessThan(names.findIndex((n) => /^[D-Z]/.test(n)));
  });

  it("a term with neither language written is flagged under both languages' fields (an Italian reader sees it too)", () => {
    const parsed = ZTermContent.safeParse({
      category: "METRIC",
      en: { name: "", definition: "" },
      it: { name: "", definition: "" },
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "en.name:oneLanguageRequired",
        "en.definition:oneLanguageRequired",
        "it.name:oneLanguageRequired",
        "it.definition:oneLanguageRequired",
      ]),
    );
  });
});
