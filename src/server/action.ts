import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { nulCharPath } from "@/lib/nul-char";
import { auditDenied } from "@/server/audit/denials";
import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current-actor";
import type { Capability } from "@/server/auth/permissions";
import { getSession, type SessionContext } from "@/server/auth/session";
import { isDatabaseUnavailable } from "@/server/db-unavailable";
import { AppError, type ErrorCode, type FieldErrors, isAppError } from "@/server/errors";
import { zodFieldErrors } from "@/server/field-errors";
import { logger } from "@/server/logger";

export type ActionError = {
  code: ErrorCode | "unexpected";
  /** For unexpected errors: the request id in the server's logs (shown to the user as a reference). */
  requestId?: string;
  fieldErrors?: FieldErrors;
  params?: Record<string, string | number>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** The id proxy.ts gave this request (also in the response's x-request-id), for the logs. */
async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined; // Outside a request (scripts, tests).
  }
}

/** Turns any thrown value into a result the UI can show; unexpected errors are logged, never shown. */
export function toActionError(error: unknown, requestId?: string): ActionError {
  if (isAppError(error)) return { code: error.code, fieldErrors: error.fieldErrors, params: error.params };
  if (isDatabaseUnavailable(error)) {
    logger.warn("action.database_unavailable", { requestId });
    return { code: "unavailable" };
  }
  logger.error("action.unexpected", { error, requestId });
  return { code: "unexpected", requestId };
}

/**
 * The shape of every server action: parse the input with zod, authenticate,
 * check the capability, run the service, return a typed result.
 */
export function authorizedAction<S extends z.ZodType, T>(
  options: { schema: S; capability: Capability },
  handler: (input: z.infer<S>, actor: Actor) => Promise<T>,
): ((input: unknown) => Promise<ActionResult<T>>) & { inputSchema: S } {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    let actor: Actor | undefined;
    try {
      actor = await currentActor(options.capability);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError("validation", "Invalid input", { fieldErrors: zodFieldErrors(parsed.error) });
      }
      const nul = nulCharPath(parsed.data);
      if (nul)
        throw new AppError("validation", "Invalid input", { fieldErrors: { [nul.join(".") || "_"]: ["invalid"] } });
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      // A service's own refusal (e.g. another rep's handoff) is audited like a missing capability.
      if (actor && isAppError(error) && error.code === "forbidden") {
        await auditDenied(actor, { capability: options.capability, via: "action" });
      }
      return { ok: false, error: toActionError(error, await currentRequestId()) };
    }
  };
  // The input schema travels with the action (the fuzz tests generate inputs from its fields).
  return Object.assign(action, { inputSchema: options.schema });
}

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation", "Invalid input", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

/** Actions open to visitors (forgot password, reset it): validated like every other, without an actor. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): ((input: unknown) => Promise<ActionResult<T>>) & { inputSchema: S } {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await handler(parseInput(schema, raw)) };
    } catch (error) {
      return { ok: false, error: toActionError(error, await currentRequestId()) };
    }
  };
  return Object.assign(action, { inputSchema: schema });
}

/**
 * Actions on one's own account (second factor, one's sessions): a signed-in person, whatever their role —
 * and open while the workspace waits for them to set up a second factor.
 */
export function accountAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, session: SessionContext) => Promise<T>,
): ((input: unknown) => Promise<ActionResult<T>>) & { inputSchema: S } {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await getSession();
      if (!session) throw new AppError("unauthenticated", "Please sign in");
      return { ok: true, data: await handler(parseInput(schema, raw), session) };
    } catch (error) {
      return { ok: false, error: toActionError(error, await currentRequestId()) };
    }
  };
  return Object.assign(action, { inputSchema: schema });
}
