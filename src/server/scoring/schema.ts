import { z } from "zod";
import type { ScoringModel } from "@/server/scoring/engine";

const id = z.string().trim().min(1).max(64);
const label = z.string().trim().min(1, "required").max(120, "tooLong");
const words = z.array(z.string().trim().min(1).max(120)).min(1, "required").max(100, "tooMany");
// Scores are kept in cents: a rule worth less than 0.01 point (other than 0) would change nothing but rounding.
const points = z
  .number()
  .finite()
  .min(-1000, "pointsRange")
  .max(1000, "pointsRange")
  .refine((p) => p === 0 || Math.abs(p) >= 0.01, "pointsTooSmall");

export const ZCondition = z.union([
  z.object({ attribute: z.literal("industry"), operator: z.enum(["in", "notIn"]), values: words }),
  z.object({ attribute: z.literal("country"), operator: z.enum(["in", "notIn"]), values: words }),
  z.object({ attribute: z.literal("channel"), operator: z.enum(["in", "notIn"]), values: words }),
  z.object({ attribute: z.literal("emailDomain"), operator: z.enum(["in", "notIn"]), values: words }),
  z.object({ attribute: z.literal("title"), operator: z.literal("containsAny"), values: words }),
  z.object({
    attribute: z.literal("companySize"),
    operator: z.enum(["lt", "lte", "gt", "gte"]),
    value: z.number().int().min(0),
  }),
  z.object({
    attribute: z.literal("companySize"),
    operator: z.literal("between"),
    min: z.number().int().min(0),
    max: z.number().int().min(0),
  }),
  z.object({ attribute: z.literal("persona"), operator: z.literal("is"), personaId: id }),
  z.object({ attribute: z.literal("persona"), operator: z.literal("any") }),
]);

export const ZDecay = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("halfLife"), days: z.number().positive().max(3650) }),
  z.object({ mode: z.literal("window"), days: z.number().positive().max(3650) }),
]);

export const ZScoringModelDefinition = z.object({
  mqlThreshold: z.number().finite().min(0, "notNegative").max(100_000, "tooLarge"),
  fitRules: z.array(z.object({ id, label, when: ZCondition, points })).max(200, "tooMany"),
  behaviourRules: z
    .array(
      z.object({
        id,
        label,
        eventType: z.string().trim().min(1).max(64),
        points,
        cap: z.number().positive().max(100_000).nullable(),
        decay: ZDecay,
      }),
    )
    .max(200, "tooMany"),
  disqualifiers: z.array(z.object({ id, label, when: ZCondition })).max(100, "tooMany"),
}) satisfies z.ZodType<ScoringModel>;

/** The model a new workspace starts with (published as version 1); marketers tune it. */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  mqlThreshold: 60,
  fitRules: [
    {
      id: "persona-match",
      label: "Matches a buyer persona",
      when: { attribute: "persona", operator: "any" },
      points: 20,
    },
    {
      id: "tiny-company",
      label: "Fewer than 10 employees",
      when: { attribute: "companySize", operator: "lt", value: 10 },
      points: -15,
    },
  ],
  behaviourRules: [
    {
      id: "demo",
      label: "Demo requested",
      eventType: "DEMO_REQUESTED",
      points: 40,
      cap: 40,
      decay: { mode: "halfLife", days: 30 },
    },
    {
      id: "pricing",
      label: "Pricing page viewed",
      eventType: "PRICING_PAGE_VIEWED",
      points: 10,
      cap: 20,
      decay: { mode: "halfLife", days: 14 },
    },
    {
      id: "form",
      label: "Form submitted",
      eventType: "FORM_SUBMITTED",
      points: 10,
      cap: 20,
      decay: { mode: "halfLife", days: 30 },
    },
    {
      id: "content",
      label: "Content downloaded",
      eventType: "CONTENT_DOWNLOADED",
      points: 5,
      cap: 15,
      decay: { mode: "halfLife", days: 30 },
    },
    {
      id: "webinar",
      label: "Webinar attended",
      eventType: "WEBINAR_ATTENDED",
      points: 10,
      cap: 20,
      decay: { mode: "window", days: 90 },
    },
    {
      id: "event",
      label: "Visited us at an event",
      eventType: "EVENT_VISITED",
      points: 15,
      cap: 15,
      decay: { mode: "window", days: 90 },
    },
    {
      id: "email-click",
      label: "Email clicked",
      eventType: "EMAIL_CLICKED",
      points: 3,
      cap: 9,
      decay: { mode: "window", days: 30 },
    },
    {
      id: "email-open",
      label: "Email opened",
      eventType: "EMAIL_OPENED",
      points: 1,
      cap: 3,
      decay: { mode: "window", days: 30 },
    },
  ],
  disqualifiers: [
    {
      id: "student",
      label: "Student",
      when: { attribute: "title", operator: "containsAny", values: ["student", "studente", "stagista"] },
    },
  ],
};
