import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { nulCharPath } from "@/lib/nul-char";
import { problem, problemFromError, validationProblem } from "@/server/api/problem";
import { jsonText } from "@/server/api/respond";
import { actorFromApiToken } from "@/server/api-tokens/service";
import { auditDenied } from "@/server/audit/denials";
import type { Actor } from "@/server/auth/actor";
import { requirePermission } from "@/server/auth/actor";
import type { Capability } from "@/server/auth/permissions";
import { AppError, isAppError } from "@/server/errors";
import type { Limit } from "@/server/rate-limit";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Requests per token per minute (API_RATE_LIMIT_PER_MINUTE). */
export const apiRateLimit = (): Limit => ({ limit: env().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });

type Context<P> = { actor: Actor; params: P; request: Request };

/**
 * The shape of every public API route: bearer-token authentication, a rate
 * limit per token, the capability check, then the handler. Any error becomes
 * a problem document (never a stack trace).
 */
export function apiRoute<P = Record<string, string>>(
  capability: Capability,
  handler: (ctx: Context<P>) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const response = await handle(request, routeContext, requestId);
    response.headers.set("x-request-id", requestId);
    return response;
  };

  async function handle(request: Request, routeContext: { params: Promise<P> }, requestId: string): Promise<Response> {
    let actor: Actor | null = null;
    try {
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const authenticated = match?.[1] ? await actorFromApiToken(match[1], apiRateLimit()) : null;
      actor = authenticated?.actor ?? null;
      if (!authenticated || !actor) {
        return problem(
          401,
          "Send a valid API token as 'Authorization: Bearer <token>'.",
          {},
          { "www-authenticate": "Bearer" },
        );
      }
      const { limit } = authenticated;
      if (!limit.allowed) {
        throw new AppError("rateLimited", "Too many requests for this token", {
          params: { seconds: limit.retryAfterSeconds },
        });
      }
      requirePermission(actor, capability);
      const params = await routeContext.params;
      return await handler({ actor, params, request });
    } catch (error) {
      if (error instanceof Response) return error;
      if (actor && isAppError(error) && error.code === "forbidden")
        await auditDenied(actor, { capability, via: "api" });
      return problemFromError(error, requestId);
    }
  }
}

/**
 * Reads a JSON body of at most 1 MB and validates it; throws a Response
 * (a problem document) for the caller to return. Also returns the raw text,
 * which idempotency keys are matched on.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ data: z.infer<S>; raw: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw problem(415, "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw problem(413, "The body is larger than 1 MB.");
  const text = await readLimited(request, MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw problem(400, "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationProblem(parsed.error);
  const nul = nulCharPath(parsed.data);
  if (nul) {
    throw problem(422, "The request has invalid fields.", {
      errors: [{ path: nul.join(".") || "/", message: "Text cannot contain the character U+0000." }],
    });
  }
  return { data: parsed.data, raw: text };
}

/** The body as text, refused (413) past `max` bytes whatever Content-Length claimed. */
export async function readLimited(request: Request, max: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw problem(
        413,
        max === MAX_BODY_BYTES ? "The body is larger than 1 MB." : `The body is larger than ${max} bytes.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function json(data: unknown, init?: ResponseInit): Response {
  return jsonText(JSON.stringify(data), init?.status, init?.headers);
}

export const ZCursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
