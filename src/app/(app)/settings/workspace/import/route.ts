import { currentActor } from "@/server/auth/current-actor";
import { AppError, isAppError } from "@/server/errors";
import { assertSameOrigin } from "@/server/http/same-origin";
import { logger } from "@/server/logger";
import { importWorkspace } from "@/server/portability/import";

export const dynamic = "force-dynamic";

const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

/** Upload of an archive (multipart: file) into this empty workspace; all or nothing. Larger archives: the CLI. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor("workspace.transfer", "route");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_ARCHIVE_BYTES) {
      return Response.json({ error: { code: "validation", fieldErrors: { file: ["fileTooLarge"] } } }, { status: 413 });
    }
    const file = (await request.formData()).get("file");
    if (!(file instanceof File)) throw new AppError("validation", "No file", { fieldErrors: { file: ["required"] } });
    const lines = (await file.text()).split("\n");
    const summary = await importWorkspace(actor, async function* () {
      yield* lines;
    });
    return Response.json(summary, { status: 201 });
  } catch (error) {
    if (isAppError(error)) {
      const status =
        { unauthenticated: 401, forbidden: 403, validation: 422, conflict: 409 }[error.code as string] ?? 400;
      return Response.json(
        { error: { code: error.code, fieldErrors: error.fieldErrors, params: error.params } },
        { status },
      );
    }
    logger.error("workspace.import", { error });
    return Response.json({ error: { code: "unexpected" } }, { status: 500 });
  }
}
