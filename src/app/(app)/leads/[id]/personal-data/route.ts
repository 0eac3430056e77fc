import { currentActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { exportLeadData } from "@/server/privacy/service";

export const dynamic = "force-dynamic";

/** GDPR access request: everything stored about one lead, as a JSON download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor("privacy.manage", "route");
    const { id } = await params;
    const data = await exportLeadData(actor, id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="lead-${id}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = { unauthenticated: 401, forbidden: 403, notFound: 404 }[error.code as string] ?? 400;
      return Response.json({ error: { code: error.code } }, { status });
    }
    logger.error("privacy.export", { error });
    return Response.json({ error: { code: "unexpected" } }, { status: 500 });
  }
}
