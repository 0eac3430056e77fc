import { z } from "zod";
import { Channel } from "@/generated/prisma/enums";
import { plainText } from "@/lib/plain-text";

export const CHANNELS = Object.values(Channel);

const text = plainText;
const list = (maxItems: number) =>
  z
    .array(text(80).pipe(z.string().min(1)))
    .max(maxItems, "tooMany")
    .default([]);
const size = z.number().int("wholeNumber").min(0, "notNegative").max(10_000_000, "tooLarge").nullable().default(null);

export const ZPersonaFields = z
  .object({
    name: text(80).pipe(z.string().min(1, "required")),
    initials: text(3).default(""),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "invalidColor")
      .default("#1f5fd1"),
    title: text(120).default(""),
    seniority: text(60).default(""),
    industry: text(120).default(""),
    companySizeMin: size,
    companySizeMax: size,
    region: text(120).default(""),
    goals: text(4000).default(""),
    pains: text(4000).default(""),
    objections: text(4000).default(""),
    buyingTriggers: text(4000).default(""),
    preferredChannels: z.array(z.enum(Channel)).max(CHANNELS.length).default([]),
    fitIndustries: list(30),
    fitSizeMin: size,
    fitSizeMax: size,
    fitTitleKeywords: list(30),
    fitCountries: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, "countryCode"),
      )
      .max(60, "tooMany")
      .default([]),
  })
  .superRefine((value, ctx) => {
    for (const [min, max] of [
      ["companySizeMin", "companySizeMax"],
      ["fitSizeMin", "fitSizeMax"],
    ] as const) {
      const lo = value[min];
      const hi = value[max];
      if (lo !== null && hi !== null && lo > hi) ctx.addIssue({ code: "custom", path: [max], message: "maxBelowMin" });
    }
  });
export type PersonaFields = z.infer<typeof ZPersonaFields>;

export const ZCreatePersona = z.object({ fields: ZPersonaFields });
export const ZUpdatePersona = z.object({
  personaId: z.string().min(1).max(64),
  /** The version the editor started from; a newer saved version means someone else saved meanwhile. */
  version: z.number().int().min(1),
  fields: ZPersonaFields,
});
export const ZPersonaRef = z.object({ personaId: z.string().min(1).max(64) });
export const ZArchivePersona = z.object({ personaId: z.string().min(1).max(64), archived: z.boolean() });
export const ZPersonaFeedback = z.object({
  personaId: z.string().min(1).max(64),
  rating: z.number().int().min(1, "rating").max(5, "rating"),
  body: text(4000).pipe(z.string().min(1, "required")),
});
