import { after } from "next/server";
import { currentActor } from "@/server/auth/current-actor";
import { assertSameOrigin } from "@/server/http/same-origin";
import { createImport, runImport } from "@/server/imports/service";
import { importErrorResponse, readImportForm } from "@/server/imports/upload-form";

/** Upload of a CSV (multipart: file, mapping, value mapping, consent); processing continues after the response. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor("leads.write", "route");
    const job = await createImport(actor, await readImportForm(request));
    after(() => runImport(job.id));
    return Response.json({ id: job.id }, { status: 201 });
  } catch (error) {
    return importErrorResponse(error, "import.upload");
  }
}
