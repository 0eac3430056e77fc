import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { appUrl, env } from "@/env";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import type { FieldErrors } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import { isDisposable } from "@/server/forms/disposable-domains";
import type { FormDefinition } from "@/server/forms/schema";
import { parseDefinition } from "@/server/forms/service";
import { ZLeadInput } from "@/server/leads/schema";
import { captureLead, insertEvent } from "@/server/leads/service";
import { hit } from "@/server/rate-limit";
import { identifyVisitor } from "@/server/tracking/attribution";
import { flushNow } from "@/server/tracking/collector";

/**
 * A visitor's submission of a website form. Nothing secret reaches the
 * browser; abuse is stopped here, on the server: a honeypot field, a minimum
 * fill time (a signed start stamp rendered with the form), rate limits per
 * address and per form (PostgreSQL counters, shared by every app server), the
 * allowed origins, a size cap (in the route) and e-mail checks. A refused bot
 * gets the same answer as a person — it learns nothing — and is counted, not stored.
 */

/** A person needs at least this long to fill a form; a script posts at once. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is rendered again (its stamp is too old to tell anything). */
const MAX_FILL_MS = 24 * 3_600_000;
const PER_ADDRESS = { limit: 20, windowSeconds: 600 };
// A flood on one form stops well below what the app can capture (about 400 leads/s on two cores), a launch does not.
const PER_FORM = { limit: 6_000, windowSeconds: 60 };
/** The same lead submitting the same form again within this long is a double click: one event. */
const DOUBLE_SUBMIT_MS = 60_000;

export const HONEYPOT_FIELD = "website";
export const STARTED_FIELD = "started";
export const CONSENT_FIELD = "consent";
/** The tracking snippet's anonymous visitor id, sent by the embedded form (or a hosted link's ?vid=). */
export const VISITOR_FIELD = "vid";
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const questionField = (key: string) => `q_${key}`;

function stampKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "smarketing", "form-start-stamp", 32));
}
const stampMac = (formId: string, at: number) =>
  createHmac("sha256", stampKey()).update(`${formId}.${at}`).digest("base64url");

/** The start stamp rendered into the form: when it was shown, signed so a bot cannot forge an old one. */
export function startStamp(formId: string, now = new Date()): string {
  const at = now.getTime();
  return `${at}.${stampMac(formId, at)}`;
}

function fillTimeOk(formId: string, stamp: string | undefined, now: Date): boolean {
  const [at, mac] = (stamp ?? "").split(".");
  const started = Number(at);
  if (!Number.isSafeInteger(started) || !mac) return false;
  const expected = Buffer.from(stampMac(formId, started));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const took = now.getTime() - started;
  return took >= MIN_FILL_MS && took <= MAX_FILL_MS;
}

/** The client's address as the balancer saw it (first of X-Forwarded-For), for the per-address limit. */
export function clientAddress(all: Headers): string {
  return all.get("x-forwarded-for")?.split(",")[0]?.trim() || all.get("x-real-ip") || "unknown";
}

export type SubmitContext = {
  ip: string;
  /** The Origin header (null on a same-site navigation that sent none). */
  origin: string | null;
  /** The page the form was on (Referer), kept with the event. */
  page: string | null;
  locale: "en" | "it";
  now?: Date;
};

export type SubmitOutcome =
  | { kind: "stored"; leadId: string }
  | { kind: "refused"; reason: "honeypot" | "tooFast" | "rateLimited" | "duplicate" }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "closed" }
  | { kind: "originRefused" };

async function count(formId: string, column: "views" | "submissions" | "refused", now: Date) {
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const views = column === "views" ? 1 : 0;
  const submissions = column === "submissions" ? 1 : 0;
  const refused = column === "refused" ? 1 : 0;
  await db.$executeRaw`
    INSERT INTO "FormDailyStat" ("formId", day, views, submissions, refused)
    VALUES (${formId}, ${day}::date, ${views}, ${submissions}, ${refused})
    ON CONFLICT ("formId", day) DO UPDATE SET views = "FormDailyStat".views + ${views},
      submissions = "FormDailyStat".submissions + ${submissions}, refused = "FormDailyStat".refused + ${refused}`;
}

/** A form open for submissions, by its public id (null: unknown or archived). */
export async function openForm(publicId: string) {
  const form = await db.leadForm.findUnique({ where: { publicId } });
  if (!form || form.archivedAt) return null;
  return { ...form, definition: parseDefinition(form.definition) };
}

export async function recordView(formId: string, now = new Date()) {
  await count(formId, "views", now);
}

/** May a page on `origin` send this form? Its own hosted page always; other sites only when listed. */
export function originAllowed(definition: FormDefinition, origin: string | null): boolean {
  if (!origin) return true;
  const own = new URL(appUrl()).origin;
  return origin === own || definition.allowedOrigins.includes(origin.toLowerCase());
}

/** The lead fields and answers of a submission, checked like the API checks a lead. */
function readValues(definition: FormDefinition, raw: Record<string, string>) {
  const fieldErrors: FieldErrors = {};
  const lead: Record<string, unknown> = {};
  const answers: Record<string, string> = {};
  for (const field of definition.fields) {
    const name = field.kind === "lead" ? field.field : questionField(field.key);
    const value = (raw[name] ?? "").trim();
    if (!value) {
      if (field.required) fieldErrors[name] = ["required"];
      continue;
    }
    if (field.kind === "question") {
      if (field.type === "select" && !field.options.includes(value)) fieldErrors[name] = ["invalid"];
      else if (value.length > 2000) fieldErrors[name] = ["tooLong"];
      else answers[field.key] = value;
    } else if (field.field === "companySize") {
      const size = Number(value.replace(/[ .,']/g, ""));
      if (Number.isInteger(size)) lead.companySize = size;
      else fieldErrors[name] = ["wholeNumber"];
    } else lead[field.field] = value;
  }
  const parsed = ZLeadInput.safeParse(lead);
  if (!parsed.success) {
    // A field already missing says so ("required"), not also that its empty value is malformed.
    for (const [key, codes] of Object.entries(zodFieldErrors(parsed.error))) fieldErrors[key] ??= codes;
  } else if (isDisposable(parsed.data.email)) fieldErrors.email = ["disposableEmail"];
  if (definition.consent.required && raw[CONSENT_FIELD] !== "on") fieldErrors[CONSENT_FIELD] = ["consentRequired"];
  return parsed.success && Object.keys(fieldErrors).length === 0
    ? { ok: true as const, lead: parsed.data, answers }
    : { ok: false as const, fieldErrors };
}

export async function submitForm(
  publicId: string,
  raw: Record<string, string>,
  context: SubmitContext,
): Promise<SubmitOutcome> {
  const now = context.now ?? new Date();
  const form = await openForm(publicId);
  if (!form) return { kind: "closed" };
  const { definition } = form;
  if (!originAllowed(definition, context.origin)) return { kind: "originRefused" };

  const refuse = async (reason: "honeypot" | "tooFast" | "rateLimited") => {
    await count(form.id, "refused", now);
    return { kind: "refused", reason } as const;
  };
  if (raw[HONEYPOT_FIELD]) return refuse("honeypot");
  if (!fillTimeOk(form.id, raw[STARTED_FIELD], now)) return refuse("tooFast");
  const [perAddress, perForm] = await Promise.all([
    hit(`form:ip:${context.ip}`, PER_ADDRESS, now),
    hit(`form:${form.id}`, PER_FORM, now),
  ]);
  if (!perAddress.allowed || !perForm.allowed) return refuse("rateLimited");

  const values = readValues(definition, raw);
  if (!values.ok) return { kind: "invalid", fieldErrors: values.fieldErrors };

  // Acts as the marketer who built the form (the audit log says who owns the capture), with a marketer's rights.
  const actor: Actor = { userId: form.createdById ?? "", workspaceId: form.workspaceId, role: "MARKETER" };
  const consentText =
    definition.consent.text[context.locale] || definition.consent.text.en || definition.consent.text.it;
  const consented = raw[CONSENT_FIELD] === "on" && consentText !== "";
  const visitorId = VISITOR_ID.test(raw[VISITOR_FIELD] ?? "") ? raw[VISITOR_FIELD] : null;
  // This server's queued page views (the page with the form, a moment ago) are written first, outside the
  // submission's transaction: tracking never holds a capture up (a failed flush only drops views).
  if (visitorId) await flushNow().catch(() => undefined);
  const outcome = await db.$transaction(async (tx) => {
    const known = await tx.lead.findUnique({
      where: { workspaceId_email: { workspaceId: form.workspaceId, email: values.lead.email } },
      select: { id: true },
    });
    const properties: Record<string, string | number> = {
      form: form.name,
      formId: form.publicId,
      ...answers(values.answers),
    };
    if (context.page) properties.page = context.page.slice(0, 2000);
    if (consented) {
      properties.consentText = consentText;
      properties.consentVersion = form.consentVersion;
      properties.consentLanguage = context.locale;
    }
    let duplicate = false;
    const { lead } = await captureLead(
      tx,
      actor,
      {
        ...values.lead,
        // A known lead keeps the channel and campaign it came with.
        ...(known
          ? {}
          : { channel: definition.channel, ...(definition.campaign ? { campaign: definition.campaign } : {}) }),
        ...(consented
          ? {
              legalBasis: "CONSENT" as const,
              consentSource: `Form "${form.name}", consent v${form.consentVersion}`.slice(0, 200),
              consentAt: now,
            }
          : {}),
      },
      now,
      "WEBSITE",
      {
        // The form's event and the visitor's page views are in place before the one scoring of the submission.
        beforeScore: async (leadId, created) => {
          if (await doubleSubmit(tx, form.id, leadId, now)) {
            duplicate = true;
            return;
          }
          await insertEvent(tx, actor, leadId, { type: definition.eventType, properties }, now);
          if (visitorId)
            await identifyVisitor(tx, { workspaceId: form.workspaceId, visitorId, leadId, isNew: created, now });
          await tx.formSubmission.create({
            data: { formId: form.id, workspaceId: form.workspaceId, leadId, at: now },
          });
        },
      },
    );
    return duplicate
      ? ({ kind: "refused", reason: "duplicate" } as const)
      : ({ kind: "stored", leadId: lead.id } as const);
  });
  if (outcome.kind === "stored") await count(form.id, "submissions", now);
  return outcome;
}

/** Free answers go into the event's properties under their own keys (prefixed, so they never clash with ours). */
function answers(values: Record<string, string>) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`answer_${key}`, value]));
}

async function doubleSubmit(tx: Tx, formId: string, leadId: string, now: Date) {
  const recent = await tx.formSubmission.findFirst({
    where: { formId, leadId, at: { gte: new Date(now.getTime() - DOUBLE_SUBMIT_MS) } },
    select: { id: true },
  });
  return recent !== null;
}
