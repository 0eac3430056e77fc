import { z } from "zod";

const HTML_TAG = /<\/?[a-z!][^>]*>/i;

/**
 * Trimmed plain text of at most `max` characters. Markup is refused with a
 * clear message ("noMarkup") rather than stored — it would only ever show as
 * text, since React escapes everything it renders.
 */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .refine((value) => !HTML_TAG.test(value), "noMarkup");
