import { after } from "next/server";
import { z } from "zod";
import { zodFieldErrors } from "@/server/action";
import { currentActor } from "@/server/auth/current-actor";
import { AppError, isAppError } from "@/server/errors";
import { assertSameOrigin } from "@/server/http/same-origin";
import { IMPORT_FIELDS } from "@/server/imports/mapping";
import { createImport, MAX_IMPORT_BYTES, runImport } from "@/server/imports/service";
import { ZImportConsent } from "@/server/leads/schema";
import { logger } from "@/server/logger";

const ZMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));

/** Upload of a CSV (multipart: file + mapping); processing continues after the response. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor("leads.write", "route");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 1_000_000) {
      return Response.json({ error: { code: "validation", fieldErrors: { file: ["fileTooLarge"] } } }, { status: 413 });
    }
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("validation", "No file", { fieldErrors: { file: ["required"] } });
    const mapping = ZMapping.safeParse(JSON.parse(String(form.get("mapping") ?? "{}")));
    if (!mapping.success) throw new AppError("validation", "Bad mapping", { fieldErrors: { mapping: ["invalid"] } });
    const consent = ZImportConsent.safeParse({
      legalBasis: form.get("legalBasis") || undefined,
      consentSource: form.get("consentSource") || undefined,
    });
    if (!consent.success)
      throw new AppError("validation", "Bad consent", { fieldErrors: zodFieldErrors(consent.error) });
    const job = await createImport(actor, {
      fileName: file.name,
      content: await file.text(),
      mapping: mapping.data,
      consent: consent.data,
    });
    after(() => runImport(job.id));
    return Response.json({ id: job.id }, { status: 201 });
  } catch (error) {
    if (isAppError(error)) {
      const status = { unauthenticated: 401, forbidden: 403, validation: 422 }[error.code as string] ?? 400;
      return Response.json({ error: { code: error.code, fieldErrors: error.fieldErrors } }, { status });
    }
    logger.error("import.upload", { error });
    return Response.json({ error: { code: "unexpected" } }, { status: 500 });
  }
}
