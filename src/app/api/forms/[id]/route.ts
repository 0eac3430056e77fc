import { getTranslations } from "next-intl/server";
import { readLimited } from "@/server/api/route";
import { embedFieldErrors, embedForm, embedLocale, embedThanks } from "@/server/forms/embed";
import { clientAddress, openForm, originAllowed, recordView, submitForm } from "@/server/forms/submit";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

/**
 * The embedded form's two calls from another site's page (`/embed.js`): GET
 * draws it, POST sends it (form-urlencoded: a simple request, no preflight).
 * Only the form's allowed origins get CORS headers, and a POST from any other
 * origin is refused here, on the server, whatever the browser does.
 */

const MAX_SUBMISSION_BYTES = 64 * 1024;

function cors(origin: string | null): Record<string, string> {
  return origin ? { "access-control-allow-origin": origin, vary: "Origin" } : { vary: "Origin" };
}

function answer(status: number, body: unknown, origin: string | null) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...cors(origin) },
  });
}

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  const origin = request.headers.get("origin");
  const locale = embedLocale(new URL(request.url).searchParams.get("lang"));
  const form = await openForm(id);
  if (!form) return answer(404, { status: "closed" }, null);
  if (!originAllowed(form.definition, origin)) return answer(403, { status: "originRefused" }, null);
  await recordView(form.id);
  return answer(200, await embedForm(form, locale), origin);
}

export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  const origin = request.headers.get("origin");
  let raw: Record<string, string>;
  try {
    if (Number(request.headers.get("content-length") ?? "0") > MAX_SUBMISSION_BYTES) throw new Error("too large");
    raw = Object.fromEntries(new URLSearchParams(await readLimited(request, MAX_SUBMISSION_BYTES)));
  } catch {
    return answer(413, { status: "invalid" }, null);
  }
  const locale = embedLocale(raw.lang);
  const form = await openForm(id);
  if (!form) return answer(410, { status: "closed" }, null);
  const allowed = originAllowed(form.definition, origin);
  try {
    const outcome = await submitForm(id, raw, {
      ip: clientAddress(request.headers),
      origin,
      // A cross-site Referer is the origin only: the page's address comes in the body, from a listed origin.
      page: raw.page && origin && raw.page.startsWith(`${origin}/`) ? raw.page : request.headers.get("referer"),
      locale,
    });
    switch (outcome.kind) {
      case "stored":
      case "refused": {
        // A bot hears what a person hears.
        const t = await getTranslations({ locale, namespace: "publicForm" });
        return answer(200, embedThanks(form.definition, locale, t("thanks")), origin);
      }
      case "invalid":
        return answer(
          422,
          { status: "invalid", fieldErrors: await embedFieldErrors(outcome.fieldErrors, locale) },
          origin,
        );
      case "originRefused":
        return answer(403, { status: "originRefused" }, null);
      default:
        return answer(410, { status: "closed" }, allowed ? origin : null);
    }
  } catch (error) {
    logger.error("form.submitFailed", { error, publicId: id });
    return answer(500, { status: "failed" }, allowed ? origin : null);
  }
}
