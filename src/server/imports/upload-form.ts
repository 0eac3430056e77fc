import "server-only";
import { z } from "zod";
import { Channel } from "@/generated/prisma/enums";
import { AppError, isAppError } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import { IMPORT_FIELDS } from "@/server/imports/mapping";
import { MAX_IMPORT_BYTES } from "@/server/imports/service";
import { COUNTRY_CODES } from "@/server/imports/values";
import { ZImportConsent } from "@/server/leads/schema";
import { logger } from "@/server/logger";

const ZMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
/** A value mapping stays small: it names the distinct cells the check listed (at most 50 per field). */
const valueMap = <T extends z.ZodType<string>>(code: T) =>
  z.record(z.string().max(200), code).refine((map) => Object.keys(map).length <= 200, "tooMany");
const ZValueMapping = z.object({
  channel: valueMap(z.enum(Channel)).optional(),
  country: valueMap(z.enum(COUNTRY_CODES as [string, ...string[]])).optional(),
});

function json(value: FormDataEntryValue | null): unknown {
  try {
    return JSON.parse(String(value ?? "{}"));
  } catch {
    return null;
  }
}

/**
 * The multipart body of the import's check and upload (file, column mapping,
 * value mapping, consent), validated. Throws AppError("validation") with the
 * field each problem is about.
 */
export async function readImportForm(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 1_000_000) {
    throw new AppError("validation", "File too large", { fieldErrors: { file: ["fileTooLarge"] } });
  }
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("validation", "No file", { fieldErrors: { file: ["required"] } });
  const mapping = ZMapping.safeParse(json(form.get("mapping")));
  if (!mapping.success) throw new AppError("validation", "Bad mapping", { fieldErrors: { mapping: ["invalid"] } });
  const values = ZValueMapping.safeParse(json(form.get("values")));
  if (!values.success) throw new AppError("validation", "Bad value mapping", { fieldErrors: { values: ["invalid"] } });
  const consent = ZImportConsent.safeParse({
    legalBasis: form.get("legalBasis") || undefined,
    consentSource: form.get("consentSource") || undefined,
  });
  if (!consent.success) throw new AppError("validation", "Bad consent", { fieldErrors: zodFieldErrors(consent.error) });
  return {
    fileName: file.name,
    content: await file.text(),
    mapping: mapping.data,
    values: values.data,
    consent: consent.data,
  };
}

/** An import route's error as JSON the form shows next to its fields (never a stack trace). */
export function importErrorResponse(error: unknown, where: string): Response {
  if (isAppError(error)) {
    const status =
      error.fieldErrors?.file?.includes("fileTooLarge") === true
        ? 413
        : ({ unauthenticated: 401, forbidden: 403, validation: 422 }[error.code as string] ?? 400);
    return Response.json({ error: { code: error.code, fieldErrors: error.fieldErrors } }, { status });
  }
  logger.error(where, { error });
  return Response.json({ error: { code: "unexpected" } }, { status: 500 });
}
