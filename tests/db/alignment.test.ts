/**
 * The alignment index on a small workspace (Europe/Rome) over September–November 2026, every part counted by hand,
 * with entries a few minutes either side of a local month boundary (Rome is UTC+2 until 25 October, UTC+1 after),
 * and checked against the dashboards' own figures for the same months.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as alignmentApi } from "@/app/api/v1/metrics/alignment/route";
import type { HandoffStatus, TermStatus } from "@/generated/prisma/enums";
import { createApiToken } from "@/server/api-tokens/service";
import { db } from "@/server/db";
import { type AlignmentMonth, alignmentIndex } from "@/server/metrics/alignment";
import { ZMetricsFilter } from "@/server/metrics/filter";
import { funnelMetrics } from "@/server/metrics/funnel";
import { qualityMetrics } from "@/server/metrics/quality";
import { slaMetrics } from "@/server/metrics/sla";
import { freshWorkspace } from "@/server/seed/factories";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
let ws: Ws;
let other: Ws;
const NOW = new Date("2026-11-15T12:00:00Z");
const t = (iso: string) => new Date(iso);
const monthFilter = (month: string, last: string) =>
  ZMetricsFilter.parse({ from: `${month}-01`, to: `${month}-${last}` });

/** A lead whose stage log enters MQL at each of `mqlAt` (back to nurture in between). */
async function lead(w: Ws, email: string, mqlAt: string[]) {
  const created = await db.lead.create({
    data: { workspaceId: w.workspace.id, email, channel: "EVENTS", stage: "MQL", createdAt: t("2026-08-15T10:00:00Z") },
  });
  const path: [string, "LEAD" | "MQL" | "NURTURE"][] = [["2026-08-15T10:00:00Z", "LEAD"]];
  mqlAt.forEach((at, i) => {
    if (i > 0) path.push([new Date(Date.parse(at) - 3_600_000).toISOString(), "NURTURE"]);
    path.push([at, "MQL"]);
  });
  let from: "LEAD" | "MQL" | "NURTURE" | null = null;
  for (const [at, stage] of path) {
    await db.leadStageChange.create({
      data: { workspaceId: w.workspace.id, leadId: created.id, fromStage: from, toStage: stage, at: t(at) },
    });
    from = stage;
  }
  return created;
}

async function slaVersion(w: Ws, version: number, createdAt: string, mqlMonthlyTarget: number) {
  return db.slaPolicy.create({
    data: { workspaceId: w.workspace.id, version, timeZone: "Europe/Rome", mqlMonthlyTarget, createdAt: t(createdAt) },
  });
}

/** A handoff assigned at `assignedAt`, due at `dueAt`, answered (by the workspace's rep) at `answeredAt` if given. */
async function handoff(
  w: Ws,
  spec: { leadId: string; slaPolicyId: string; status: HandoffStatus; assignedAt: string; dueAt: string },
  answeredAt?: string,
) {
  return db.handoff.create({
    data: {
      workspaceId: w.workspace.id,
      leadId: spec.leadId,
      slaPolicyId: spec.slaPolicyId,
      status: spec.status,
      assigneeId: w.sales.userId,
      handedOffAt: t(spec.assignedAt),
      assignedAt: t(spec.assignedAt),
      dueAt: t(spec.dueAt),
      firstDueAt: t(spec.dueAt),
      dueSoonAt: t(spec.dueAt),
      answeredAt: answeredAt ? t(answeredAt) : null,
      answeredById: answeredAt ? w.sales.userId : null,
      rejectReason: spec.status === "REJECTED" ? "TIMING" : null,
    },
  });
}

async function breach(w: Ws, handoffId: string, at: string) {
  await db.handoffEvent.create({
    data: { workspaceId: w.workspace.id, handoffId, kind: "BREACHED", at: t(at), fromUserId: w.sales.userId },
  });
}

/** A glossary term created at `createdAt` with revisions agreed at the given moments (null: still pending). */
async function term(
  w: Ws,
  key: string,
  spec: { createdAt?: string; agreedAt: (string | null)[]; deprecatedAt?: string },
) {
  const status: TermStatus = spec.deprecatedAt ? "DEPRECATED" : spec.agreedAt.some(Boolean) ? "AGREED" : "PROPOSED";
  const created = await db.glossaryTerm.create({
    data: {
      workspaceId: w.workspace.id,
      key,
      category: "LIFECYCLE_STAGE",
      status,
      nameEn: key,
      createdAt: t(spec.createdAt ?? "2026-08-01T08:00:00Z"),
      deprecatedAt: spec.deprecatedAt ? t(spec.deprecatedAt) : null,
    },
  });
  const lastAgreed = spec.agreedAt.findLastIndex(Boolean);
  for (const [i, agreedAt] of spec.agreedAt.entries()) {
    await db.termRevision.create({
      data: {
        workspaceId: w.workspace.id,
        termId: created.id,
        number: i + 1,
        status: agreedAt === null ? "PENDING" : i === lastAgreed ? "AGREED" : "SUPERSEDED",
        category: "LIFECYCLE_STAGE",
        nameEn: key,
        nameIt: key,
        definitionEn: `${key} v${i + 1}`,
        definitionIt: `${key} v${i + 1}`,
        agreedAt: agreedAt ? t(agreedAt) : null,
      },
    });
  }
}

beforeAll(async () => {
  ws = await freshWorkspace("Alignment");
  other = await freshWorkspace("Alignment other");
  await db.workspace.updateMany({
    where: { id: { in: [ws.workspace.id, other.workspace.id] } },
    data: { timeZone: "Europe/Rome" },
  });

  // SLA: 4 MQLs a month from 1 August, 5 from 20 October.
  const v1 = await slaVersion(ws, 1, "2026-08-01T08:00:00Z", 4);
  await slaVersion(ws, 2, "2026-10-20T08:00:00Z", 5);

  // MQL entries, by local month:
  // September: L1 at 31 Aug 22:30 UTC (1 Sep 00:30 in Rome), L2, L3                                   → 3
  // October: L4 at 30 Sep 22:30 UTC (1 Oct 00:30 in Rome), L5, L6, L7, L8, and L2 again after nurture   → 6
  // November: L9 at 31 Oct 23:30 UTC (1 Nov 00:30 in Rome, UTC+1 by then), L10                         → 2
  const l1 = await lead(ws, "l1@x.test", ["2026-08-31T22:30:00Z"]);
  const l2 = await lead(ws, "l2@x.test", ["2026-09-10T10:00:00Z", "2026-10-15T10:00:00Z"]);
  const l3 = await lead(ws, "l3@x.test", ["2026-09-20T10:00:00Z"]);
  const l4 = await lead(ws, "l4@x.test", ["2026-09-30T22:30:00Z"]);
  const l5 = await lead(ws, "l5@x.test", ["2026-10-05T10:00:00Z"]);
  await lead(ws, "l6@x.test", ["2026-10-08T10:00:00Z"]);
  await lead(ws, "l7@x.test", ["2026-10-12T10:00:00Z"]);
  await lead(ws, "l8@x.test", ["2026-10-20T10:00:00Z"]);
  await lead(ws, "l9@x.test", ["2026-10-31T23:30:00Z"]);
  await lead(ws, "l10@x.test", ["2026-11-05T10:00:00Z"]);

  const sla = { slaPolicyId: v1.id };
  // September: H1 accepted in time, H2 rejected late (no breach), H3 accepted in time, H4 breached and still open,
  // H5 breached then accepted late (its breach decided it; the answer counts for acceptance only).
  await handoff(
    ws,
    { ...sla, leadId: l1.id, status: "ACCEPTED", assignedAt: "2026-09-10T10:00:00Z", dueAt: "2026-09-10T14:00:00Z" },
    "2026-09-10T12:00:00Z",
  );
  await handoff(
    ws,
    { ...sla, leadId: l2.id, status: "REJECTED", assignedAt: "2026-09-12T10:00:00Z", dueAt: "2026-09-12T14:00:00Z" },
    "2026-09-12T16:00:00Z",
  );
  await handoff(
    ws,
    { ...sla, leadId: l3.id, status: "ACCEPTED", assignedAt: "2026-09-20T10:00:00Z", dueAt: "2026-09-20T14:00:00Z" },
    "2026-09-20T11:00:00Z",
  );
  const h4 = await handoff(ws, {
    ...sla,
    leadId: l4.id,
    status: "OPEN",
    assignedAt: "2026-09-25T10:00:00Z",
    dueAt: "2026-09-25T14:00:00Z",
  });
  await breach(ws, h4.id, "2026-09-25T14:00:00Z");
  const h5 = await handoff(
    ws,
    { ...sla, leadId: l5.id, status: "ACCEPTED", assignedAt: "2026-09-26T10:00:00Z", dueAt: "2026-09-26T14:00:00Z" },
    "2026-09-27T10:00:00Z",
  );
  await breach(ws, h5.id, "2026-09-26T14:00:00Z");
  // October: H6 accepted in time at 30 Sep 22:30 UTC (1 Oct in Rome), H7 rejected in time, H8 accepted in time,
  // H9 cancelled unanswered (neither decided nor answered).
  await handoff(
    ws,
    { ...sla, leadId: l4.id, status: "ACCEPTED", assignedAt: "2026-09-30T20:00:00Z", dueAt: "2026-09-30T23:00:00Z" },
    "2026-09-30T22:30:00Z",
  );
  await handoff(
    ws,
    { ...sla, leadId: l1.id, status: "REJECTED", assignedAt: "2026-10-05T10:00:00Z", dueAt: "2026-10-05T14:00:00Z" },
    "2026-10-05T13:00:00Z",
  );
  await handoff(
    ws,
    { ...sla, leadId: l2.id, status: "ACCEPTED", assignedAt: "2026-10-08T10:00:00Z", dueAt: "2026-10-08T14:00:00Z" },
    "2026-10-08T11:00:00Z",
  );
  await handoff(ws, {
    ...sla,
    leadId: l3.id,
    status: "CANCELLED",
    assignedAt: "2026-10-09T10:00:00Z",
    dueAt: "2026-10-09T14:00:00Z",
  });
  // November: no handoff decided, answered or breached.

  // Glossary (created 1 August unless said otherwise):
  // mql agreed 5 Sep (revision 1, superseded by revision 2 agreed 12 Oct); sql agreed 30 Sep 22:30 UTC (1 Oct in
  // Rome); lead-scoring agreed 10 Sep, deprecated 3 Nov; sla only proposed; disqualified-lead created 15 Oct, agreed
  // 20 Oct; cac agreed but not a qualification term.
  await term(ws, "mql", { agreedAt: ["2026-09-05T10:00:00Z", "2026-10-12T10:00:00Z"] });
  await term(ws, "sql", { agreedAt: ["2026-09-30T22:30:00Z"] });
  await term(ws, "lead-scoring", { agreedAt: ["2026-09-10T10:00:00Z"], deprecatedAt: "2026-11-03T10:00:00Z" });
  await term(ws, "sla", { agreedAt: [null] });
  await term(ws, "disqualified-lead", { createdAt: "2026-10-15T10:00:00Z", agreedAt: ["2026-10-20T10:00:00Z"] });
  await term(ws, "cac", { agreedAt: ["2026-09-01T10:00:00Z"] });

  // Another workspace, October only: 3 MQLs against 1 promised, one handoff rejected late, "mql" agreed.
  const o1 = await lead(other, "l1@x.test", ["2026-10-02T10:00:00Z"]);
  await lead(other, "l2@x.test", ["2026-10-03T10:00:00Z"]);
  await lead(other, "l3@x.test", ["2026-10-04T10:00:00Z"]);
  const ov1 = await slaVersion(other, 1, "2026-08-01T08:00:00Z", 1);
  await handoff(
    other,
    {
      slaPolicyId: ov1.id,
      leadId: o1.id,
      status: "REJECTED",
      assignedAt: "2026-10-02T10:00:00Z",
      dueAt: "2026-10-02T14:00:00Z",
    },
    "2026-10-02T18:00:00Z",
  );
  await term(other, "mql", { agreedAt: ["2026-10-02T10:00:00Z"] });
});

afterEach(() => {
  vi.useRealTimers();
});

const byMonth = (months: AlignmentMonth[]) => Object.fromEntries(months.map((m) => [m.month, m]));

describe("alignment index", () => {
  it("computes each part and the index by hand, month by month", async () => {
    const trend = await alignmentIndex(ws.marketer, { months: 3 }, NOW);
    expect(trend.timeZone).toBe("Europe/Rome");
    expect(trend.months.map((m) => [m.month, m.inProgress])).toEqual([
      ["2026-09", false],
      ["2026-10", false],
      ["2026-11", true],
    ]);
    const [sep, oct, nov] = trend.months as [AlignmentMonth, AlignmentMonth, AlignmentMonth];

    // September. Commitment: 3 MQLs ÷ 4 (version 1) = 0.75.
    expect(sep.commitment).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    // SLA: decided = 3 answers that decided their assignment (H1, H2, H3; H5's answer came after its breach)
    // + 2 breaches (H4, H5) = 5; in time H1, H3 = 2 → 0.4.
    expect(sep.slaCompliance).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    // Acceptance: accepted H1, H3, H5 = 3; rejected H2 = 1 → 3 ÷ 4 = 0.75.
    expect(sep.acceptance).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    // Glossary: held mql, sql, lead-scoring, sla (disqualified-lead came later); agreed mql, lead-scoring → 2 ÷ 4.
    expect(sep.glossary).toEqual({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      terms: [
        { key: "mql", agreed: true },
        { key: "sql", agreed: false },
        { key: "lead-scoring", agreed: true },
        { key: "sla", agreed: false },
      ],
    });
    // Index: (0.75 + 0.4 + 0.75 + 0.5) ÷ 4 = 2.4 ÷ 4 = 0.6 → 60.0.
    expect(sep.index).toBe(60);

    // October. Commitment: 6 MQLs ÷ 5 (version 2, created 20 October) = 1.2, capped at 1.
    expect(oct.commitment).toEqual({ value: 1, numerator: 6, denominator: 5 });
    // SLA: H6, H7, H8 decided, all in time → 3 ÷ 3 = 1 (H9 was cancelled unanswered).
    expect(oct.slaCompliance).toEqual({ value: 1, numerator: 3, denominator: 3 });
    // Acceptance: accepted H6, H8; rejected H7 → 2 ÷ 3.
    expect(oct.acceptance).toMatchObject({ numerator: 2, denominator: 3 });
    expect(oct.acceptance.value).toBeCloseTo(2 / 3, 12);
    // Glossary: all five held; agreed mql, sql, lead-scoring, disqualified-lead → 4 ÷ 5 = 0.8.
    expect(oct.glossary).toMatchObject({ value: 0.8, numerator: 4, denominator: 5 });
    expect(oct.glossary.terms.filter((term) => !term.agreed).map((term) => term.key)).toEqual(["sla"]);
    // Index: (1 + 1 + 2/3 + 0.8) ÷ 4 = 3.4667 ÷ 4 = 0.86667 → 86.7.
    expect(oct.index).toBe(86.7);

    // November (so far). Commitment: 2 MQLs ÷ 5 = 0.4. No handoff decided or answered: both parts null.
    expect(nov.commitment).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(nov.slaCompliance).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(nov.acceptance).toEqual({ value: null, numerator: 0, denominator: 0 });
    // Glossary: lead-scoring was deprecated on 3 November → mql, sql, disqualified-lead of 5 = 0.6.
    expect(nov.glossary).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    // Index: the mean of the two parts with data, (0.4 + 0.6) ÷ 2 = 0.5 → 50.0.
    expect(nov.index).toBe(50);
  });

  it("reads each part exactly as the dashboards do for the same month", async () => {
    for (const [month, last] of [
      ["2026-09", "30"],
      ["2026-10", "31"],
    ] as const) {
      const filter = monthFilter(month, last);
      const [trend, funnel, sla, quality] = await Promise.all([
        alignmentIndex(ws.manager, { months: 3 }, NOW),
        funnelMetrics(ws.manager, filter, NOW),
        slaMetrics(ws.manager, filter, NOW),
        qualityMetrics(ws.manager, filter, NOW),
      ]);
      const m = byMonth(trend.months)[month] as AlignmentMonth;
      expect(m.commitment.numerator).toBe(funnel.flow.counts.MQL);
      expect(m.slaCompliance).toEqual({
        value: sla.compliance.rate,
        numerator: sla.compliance.inTime,
        denominator: sla.compliance.decided,
      });
      expect(m.acceptance).toEqual({
        value: quality.acceptance,
        numerator: quality.accepted,
        denominator: quality.accepted + quality.rejected,
      });
    }
  });

  it("defaults to the last 12 months; months before the SLA and the glossary existed have no index", async () => {
    const trend = await alignmentIndex(ws.manager, {}, NOW);
    expect(trend.months.map((m) => m.month)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    const months = byMonth(trend.months);
    // July: no SLA version yet at its end, no term yet: every part null.
    expect(months["2026-07"]).toMatchObject({
      index: null,
      commitment: { value: null, numerator: 0, denominator: 0 },
      slaCompliance: { value: null },
      acceptance: { value: null },
      glossary: { value: null, numerator: 0, denominator: 0, terms: [] },
    });
    // August: 0 MQLs of the 4 promised, none of the 4 terms held agreed yet → (0 + 0) ÷ 2 = 0.
    expect(months["2026-08"]).toMatchObject({
      index: 0,
      commitment: { value: 0, numerator: 0, denominator: 4 },
      glossary: { value: 0, numerator: 0, denominator: 4 },
    });
    expect(trend.months.slice(-3)).toEqual((await alignmentIndex(ws.manager, { months: 3 }, NOW)).months);
  });

  it("keeps each workspace's data to itself", async () => {
    const { "2026-09": sep, "2026-10": oct } = byMonth((await alignmentIndex(other.sales, { months: 3 }, NOW)).months);
    // September: none of the first workspace's MQLs, handoffs or agreed terms: 0 ÷ 1 promised, mql not agreed yet.
    expect(sep).toMatchObject({
      index: 0,
      commitment: { value: 0, numerator: 0, denominator: 1 },
      slaCompliance: { value: null, numerator: 0, denominator: 0 },
      acceptance: { value: null, numerator: 0, denominator: 0 },
      glossary: { value: 0, numerator: 0, denominator: 1 },
    });
    // October: 3 MQLs ÷ 1 promised → 1; the one handoff answered late → 0 ÷ 1 and rejected → 0 ÷ 1; mql agreed
    // → 1 ÷ 1. Index (1 + 0 + 0 + 1) ÷ 4 = 50.0.
    expect(oct).toMatchObject({
      index: 50,
      commitment: { value: 1, numerator: 3, denominator: 1 },
      slaCompliance: { value: 0, numerator: 0, denominator: 1 },
      acceptance: { value: 0, numerator: 0, denominator: 1 },
      glossary: { value: 1, numerator: 1, denominator: 1, terms: [{ key: "mql", agreed: true }] },
    });
  });
});

describe("alignment API", () => {
  const get = (query: string, secret?: string) =>
    alignmentApi(
      new Request(`http://test/api/v1/metrics/alignment${query}`, {
        headers: secret ? { authorization: `Bearer ${secret}` } : {},
      }),
      { params: Promise.resolve({}) },
    );

  it("answers with the same figures for a token, and refuses without one", async () => {
    const secret = (await createApiToken(ws.sales, { name: "bi" })).secret;
    // The route reads the clock: hold it at NOW (Date only; timers stay real for the database driver).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const response = await get("?months=3", secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const expected = await alignmentIndex(ws.sales, { months: 3 }, NOW);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    const byDefault = await (await get("", secret)).json();
    expect(byDefault.months).toHaveLength(12);
    expect(byDefault.months.at(-1).index).toBe(50);

    const anonymous = await get("?months=3");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses months outside 1–24 and unknown parameters with a problem document", async () => {
    const secret = (await createApiToken(ws.manager, { name: "bi" })).secret;
    for (const query of ["?months=0", "?months=25", "?months=1.5", "?months=twelve", "?from=2026-01-01"]) {
      const response = await get(query, secret);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await get("?months=24", secret)).status).toBe(200);
  });
});
