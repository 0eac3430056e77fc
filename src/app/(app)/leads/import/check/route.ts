import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/auth/current-actor";
import { assertSameOrigin } from "@/server/http/same-origin";
import { describeRejection } from "@/server/imports/reasons";
import { checkImport } from "@/server/imports/service";
import { importErrorResponse, readImportForm } from "@/server/imports/upload-form";

/**
 * The dry run of an import (same body as the upload): what it would create,
 * update and reject, each rejected row's reasons in the reader's language, and
 * the cells to map. Writes nothing.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor("leads.write", "route");
    const check = await checkImport(actor, await readImportForm(request));
    const t = await getTranslations();
    return Response.json({
      ...check,
      rejections: check.rejections.map((row) => ({
        ...row,
        reasons: row.reasons.map((reason) => describeRejection(reason, t)),
      })),
    });
  } catch (error) {
    return importErrorResponse(error, "import.check");
  }
}
