import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validationMessage } from "@/lib/validation-message";
import { zodFieldErrors } from "@/server/field-errors";
import en from "../../messages/en.json";
import it_ from "../../messages/it.json";

const schema = z.object({ name: z.string().max(120, "tooLong"), email: z.string().email("invalidEmail") });

describe("field error messages", () => {
  it("say the limit of a field that is too long, in the reader's language", () => {
    const parsed = schema.safeParse({ name: "x".repeat(121), email: "nope" });
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    const key = errors.name?.[0] ?? "";
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "validation" });
    const tIt = createTranslator({ locale: "it", messages: it_, namespace: "validation" });
    const asT = (t: typeof tEn) => t as unknown as Parameters<typeof validationMessage>[0];
    expect(validationMessage(asT(tEn), key)).toBe("Too long: at most 120 characters.");
    expect(validationMessage(asT(tIt), key)).toBe("Troppo lungo: al massimo 120 caratteri.");
    expect(validationMessage(asT(tEn), errors.email?.[0] ?? "")).toBe("Enter a valid email address.");
    // Never a schema's own English text.
    expect(validationMessage(asT(tEn), "Too small: expected number to be >=0")).toBe("Not valid.");
  });
});
