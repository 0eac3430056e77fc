import { z } from "zod";
import { TermCategory } from "@/generated/prisma/enums";
import { plainText } from "@/lib/plain-text";

export const TERM_CATEGORIES = Object.values(TermCategory);
export const ZTermCategory = z.enum(TermCategory);

const plain = plainText;

const ZTermText = z.object({
  name: plain(80),
  synonyms: z
    .array(plain(80).pipe(z.string().min(1, "required")))
    .max(12, "tooMany")
    .default([]),
  definition: plain(2000),
  example: plain(1000).default(""),
});

export const ZTermContent = z
  .object({
    category: ZTermCategory,
    en: ZTermText,
    it: ZTermText,
    relatedTermIds: z.array(z.string().min(1).max(64)).max(20, "tooMany").default([]),
    note: plain(500).default(""),
  })
  .superRefine((value, ctx) => {
    const languages = (["en", "it"] as const).filter((l) => value[l].name || value[l].definition);
    // Neither language written: both are flagged, so the reader sees it under the fields of their own language.
    if (languages.length === 0) {
      for (const l of ["en", "it"] as const) {
        ctx.addIssue({ code: "custom", path: [l, "name"], message: "oneLanguageRequired" });
        ctx.addIssue({ code: "custom", path: [l, "definition"], message: "oneLanguageRequired" });
      }
    }
    for (const l of languages) {
      if (!value[l].name) ctx.addIssue({ code: "custom", path: [l, "name"], message: "required" });
      if (!value[l].definition) ctx.addIssue({ code: "custom", path: [l, "definition"], message: "required" });
    }
  });
export type TermContent = z.infer<typeof ZTermContent>;

export const ZProposeRevision = z.object({ termId: z.string().min(1).max(64), content: ZTermContent });
export const ZRevisionRef = z.object({ revisionId: z.string().min(1).max(64) });
export const ZTermRef = z.object({ termId: z.string().min(1).max(64) });
export const ZComment = z.object({
  termId: z.string().min(1).max(64),
  body: plain(4000).pipe(z.string().min(1, "required")),
});
export const ZFollow = z.object({ termId: z.string().min(1).max(64), follow: z.boolean() });
export const ZDeprecate = z.object({
  termId: z.string().min(1).max(64),
  replacedByTermId: z.string().min(1).max(64).nullable().default(null),
});

export const ZTermFilter = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: ZTermCategory.optional().catch(undefined),
  status: z.enum(["PROPOSED", "AGREED", "DEPRECATED"]).optional().catch(undefined),
});
export type TermFilter = z.infer<typeof ZTermFilter>;
