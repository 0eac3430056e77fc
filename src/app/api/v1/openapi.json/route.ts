import { openApiDocument } from "@/server/api/openapi";

/** Public: the API description needs no token. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
