import { openApiDocument } from "@/server/api/openapi";
import { json } from "@/server/api/route";

/** Public: the API description needs no token. */
export function GET(request: Request) {
  return json(openApiDocument(new URL(request.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
