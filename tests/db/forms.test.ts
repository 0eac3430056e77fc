import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { type FormDefinition, starterDefinition } from "@/server/forms/schema";
import { createForm, listForms, updateForm } from "@/server/forms/service";
import { startStamp, submitForm } from "@/server/forms/submit";
import { freshWorkspace } from "@/server/seed/factories";

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
let serial = 0;

async function makeForm(ws: Ws, change: Partial<FormDefinition> = {}) {
  const definition: FormDefinition = {
    ...starterDefinition(),
    channel: "PAID_SEARCH",
    campaign: "Spring webinar",
    allowedOrigins: ["https://www.acme.example"],
    fields: [
      ...starterDefinition().fields,
      {
        kind: "question",
        key: "team_size",
        type: "select",
        options: ["1-10", "11-50", "50+"],
        required: false,
        label: { en: "Team size", it: "Dimensione del team" },
        help: { en: "", it: "" },
      },
    ],
    ...change,
  };
  const form = await createForm(ws.marketer, { name: `Demo request ${++serial}`, definition });
  const row = await db.leadForm.findUniqueOrThrow({ where: { id: form.id } });
  return row;
}

/** A person's submission: the form rendered at `shown`, sent 8 seconds later. */
function person(form: { id: string }, values: Record<string, string>, shown = new Date()) {
  return {
    raw: { started: startStamp(form.id, shown), website: "", consent: "on", ...values },
    now: new Date(shown.getTime() + 8_000),
  };
}

const context = (now: Date, extra: Partial<{ ip: string; origin: string | null }> = {}) => ({
  ip: extra.ip ?? `10.0.0.${++serial}`,
  origin: extra.origin === undefined ? "https://www.acme.example" : extra.origin,
  page: "https://www.acme.example/demo?utm_source=google",
  locale: "it" as const,
  now,
});

describe("website forms", () => {
  it("a submission captures the lead with the form's channel and campaign, its consent wording, and the scored event", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const { raw, now } = person(form, {
      email: "Giulia@Ferro.example",
      name: "Giulia",
      company: "Ferro",
      q_team_size: "11-50",
    });
    const outcome = await submitForm(form.publicId, raw, context(now));
    expect(outcome.kind).toBe("stored");
    const lead = await db.lead.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, email: "giulia@ferro.example" },
      include: { campaign: true, events: true, score: true },
    });
    expect(lead).toMatchObject({ name: "Giulia", company: "Ferro", channel: "PAID_SEARCH", captureMethod: "WEBSITE" });
    expect(lead.campaign?.name).toBe("Spring webinar");
    expect(lead.legalBasis).toBe("CONSENT");
    expect(lead.consentSource).toContain("consent v1");
    expect(lead.consentAt).toEqual(now);
    expect(lead.events).toHaveLength(1);
    expect(lead.events[0]).toMatchObject({ type: "DEMO_REQUESTED" });
    expect(lead.events[0]?.properties).toMatchObject({
      answer_team_size: "11-50",
      consentText: starterDefinition().consent.text.it,
      consentVersion: 1,
      consentLanguage: "it",
      page: "https://www.acme.example/demo?utm_source=google",
    });
    // Scored: the demo request's points are on the lead.
    expect(lead.score?.engagementScore).toBeGreaterThan(0);
    const [listed] = await listForms(ws.marketer);
    expect(listed).toMatchObject({ submissions: 1, refused: 0, leads: 1 });
  });

  it("bots are answered like people but not stored: a filled honeypot, a post faster than a person, a forged stamp", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const shown = new Date();
    const attempts = [
      { ...person(form, { email: "bot1@spam.example", website: "http://spam.example" }, shown) },
      { raw: { ...person(form, { email: "bot2@spam.example" }, shown).raw }, now: new Date(shown.getTime() + 500) },
      {
        raw: {
          ...person(form, { email: "bot3@spam.example" }, shown).raw,
          started: `${shown.getTime() - 60_000}.forged`,
        },
        now: shown,
      },
      { raw: { ...person(form, { email: "bot4@spam.example" }, shown).raw, started: "" }, now: shown },
    ];
    for (const attempt of attempts) {
      const outcome = await submitForm(form.publicId, attempt.raw, context(attempt.now));
      expect(outcome.kind).toBe("refused");
    }
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    const [listed] = await listForms(ws.marketer);
    expect(listed).toMatchObject({ submissions: 0, refused: 4 });
  });

  it("refuses a page on another site unless the form allows it; its own hosted page always", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const { raw, now } = person(form, { email: "origin@acme.example", name: "Origin" });
    expect(await submitForm(form.publicId, raw, context(now, { origin: "https://evil.example" }))).toEqual({
      kind: "originRefused",
    });
    expect(await db.lead.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect((await submitForm(form.publicId, raw, context(now, { origin: "http://localhost:3000" }))).kind).toBe(
      "stored",
    );
  });

  it("a known e-mail updates its lead (which keeps its channel); a double submit is one lead and one event", async () => {
    const ws = await freshWorkspace();
    await db.lead.create({ data: { workspaceId: ws.workspace.id, email: "known@acme.example", channel: "EVENTS" } });
    const form = await makeForm(ws);
    const { raw, now } = person(form, { email: "known@acme.example", name: "Known Person" });
    const ip = "10.9.9.9";
    const [first, second] = await Promise.all([
      submitForm(form.publicId, raw, context(now, { ip })),
      submitForm(form.publicId, raw, context(now, { ip })),
    ]);
    expect([first.kind, second.kind].sort()).toEqual(["refused", "stored"]);
    const lead = await db.lead.findFirstOrThrow({ where: { workspaceId: ws.workspace.id }, include: { events: true } });
    expect(lead).toMatchObject({ name: "Known Person", channel: "EVENTS" });
    expect(lead.events).toHaveLength(1);
  });

  it("says what to fix: a missing required field, a throw-away address, no consent, a choice not offered", async () => {
    const empty = await makeForm(await freshWorkspace());
    const blank = person(empty, { email: "", name: "" });
    expect(await submitForm(empty.publicId, blank.raw, context(blank.now))).toEqual({
      kind: "invalid",
      fieldErrors: { email: ["required"], name: ["required"] },
    });
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const { raw, now } = person(form, { email: "someone@mailinator.com", name: "", q_team_size: "1000" });
    const outcome = await submitForm(form.publicId, { ...raw, consent: "" }, context(now));
    expect(outcome).toEqual({
      kind: "invalid",
      fieldErrors: {
        name: ["required"],
        q_team_size: ["invalid"],
        email: ["disposableEmail"],
        consent: ["consentRequired"],
      },
    });
    const bad = person(form, { email: "not an address", name: "X" });
    expect(await submitForm(form.publicId, bad.raw, context(bad.now))).toMatchObject({
      kind: "invalid",
      fieldErrors: { email: ["invalidEmail"] },
    });
  });

  it("limits one address's submissions (PostgreSQL counters, shared by every server)", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const ip = `10.8.${++serial}.1`;
    const kinds: string[] = [];
    for (let i = 0; i < 22; i++) {
      const { raw, now } = person(form, { email: `flood-${i}@acme.example`, name: "F" });
      kinds.push((await submitForm(form.publicId, raw, context(now, { ip }))).kind);
    }
    expect(kinds.filter((k) => k === "stored")).toHaveLength(20);
    expect(kinds.slice(20)).toEqual(["refused", "refused"]);
  });

  it("a new consent wording starts a new version; leads keep the version they agreed to", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    const definition = (await db.leadForm.findUniqueOrThrow({ where: { id: form.id } })).definition as FormDefinition;
    const same = await updateForm(ws.marketer, form.id, { name: form.name, definition });
    expect(same.consentVersion).toBe(1);
    const changed = await updateForm(ws.marketer, form.id, {
      name: form.name,
      definition: { ...definition, consent: { required: true, text: { en: "New wording", it: "Nuovo testo" } } },
    });
    expect(changed.consentVersion).toBe(2);
    const { raw, now } = person(form, { email: "v2@acme.example", name: "V" });
    await submitForm(form.publicId, raw, context(now));
    const event = await db.leadEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(event.properties).toMatchObject({ consentText: "Nuovo testo", consentVersion: 2 });
  });

  it("an archived form takes no submissions; a form must ask for the e-mail", async () => {
    const ws = await freshWorkspace();
    const form = await makeForm(ws);
    await db.leadForm.update({ where: { id: form.id }, data: { archivedAt: new Date() } });
    const { raw, now } = person(form, { email: "late@acme.example", name: "L" });
    expect(await submitForm(form.publicId, raw, context(now))).toEqual({ kind: "closed" });
    await expect(
      createForm(ws.marketer, {
        name: "No e-mail",
        definition: { ...starterDefinition(), fields: starterDefinition().fields.slice(1) },
      }),
    ).rejects.toThrow();
  });
});
