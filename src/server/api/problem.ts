/**
 * Errors of the public API as RFC 9457 problem documents
 * (`application/problem+json`), with field paths for validation errors.
 */
import type { z } from "zod";
import { jsonText } from "@/server/api/respond";
import { isDatabaseUnavailable } from "@/server/db-unavailable";
import { type ErrorCode, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
};

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  validation: 422,
  conflict: 409,
  lastAdmin: 409,
  alreadyAnswered: 409,
  alreadyMember: 409,
  inviteInvalid: 410,
  emailMismatch: 403,
  rateLimited: 429,
  unavailable: 503,
  secondFactorRequired: 401,
  invalidCode: 401,
  resetLinkInvalid: 410,
  twoFactorSetupRequired: 403,
  twoFactorAlreadyOn: 409,
  wrongPassword: 403,
  ssoRequired: 403,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problem(
  status: number,
  detail?: string,
  extra: Partial<Problem> = {},
  headers?: HeadersInit,
): Response {
  const body: Problem = {
    type: `https://smarketing.dev/problems/${status}`,
    title: TITLES[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
  return jsonText(JSON.stringify(body), status, headers, "application/problem+json");
}

export function validationProblem(error: z.ZodError, status = 422): Response {
  return problem(status, "The request has invalid fields.", {
    errors: error.issues.map((issue) => ({ path: issue.path.join(".") || "/", message: issue.message })),
  });
}

/** Maps anything thrown by a service to a problem document; unexpected errors are logged, never echoed. */
export function problemFromError(error: unknown, requestId?: string): Response {
  if (isAppError(error)) {
    const status = STATUS[error.code];
    const headers: HeadersInit | undefined =
      error.code === "rateLimited" ? { "retry-after": String(error.params?.seconds ?? 60) } : undefined;
    return problem(
      status,
      error.message,
      error.fieldErrors
        ? { errors: Object.entries(error.fieldErrors).map(([path, m]) => ({ path, message: m[0] ?? "" })) }
        : {},
      headers,
    );
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("api.database_unavailable", { requestId });
    return problem(
      503,
      "The database is unavailable for a moment. Nothing was changed; retry shortly (with the same Idempotency-Key).",
      requestId ? { requestId } : {},
      { "retry-after": "5" },
    );
  }
  logger.error("api.unexpected", { error, requestId });
  return problem(500, "An unexpected error occurred. Nothing was changed.", requestId ? { requestId } : {});
}
