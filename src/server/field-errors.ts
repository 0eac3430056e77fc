import type { z } from "zod";
import type { FieldErrors } from "@/server/errors";

/**
 * A zod error as the field errors the UI shows (`validation.*` message keys by field path). Its own module,
 * without Next's request APIs, so services and scripts outside a request can use it too.
 */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    // "Too long" says the limit: the key carries it ("tooLongMax:120") for the form to put in words.
    const message =
      issue.code === "too_big" && issue.message === "tooLong" && typeof issue.maximum === "number"
        ? `tooLongMax:${issue.maximum}`
        : issue.message;
    fields[key] = [...(fields[key] ?? []), message];
  }
  return fields;
}
