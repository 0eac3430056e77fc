import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current-actor";
import type { Capability } from "@/server/auth/permissions";
import { AppError, type ErrorCode, type FieldErrors, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";

export type ActionError = {
  code: ErrorCode | "unexpected";
  fieldErrors?: FieldErrors;
  params?: Record<string, string | number>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

/** Turns any thrown value into a result the UI can show; unexpected errors are logged, never shown. */
export function toActionError(error: unknown): ActionError {
  if (isAppError(error)) return { code: error.code, fieldErrors: error.fieldErrors, params: error.params };
  logger.error("action.unexpected", { error });
  return { code: "unexpected" };
}

/**
 * The shape of every server action: parse the input with zod, authenticate,
 * check the capability, run the service, return a typed result.
 */
export function authorizedAction<S extends z.ZodType, T>(
  options: { schema: S; capability: Capability },
  handler: (input: z.infer<S>, actor: Actor) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    try {
      const actor = await currentActor(options.capability);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError("validation", "Invalid input", { fieldErrors: zodFieldErrors(parsed.error) });
      }
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      return { ok: false, error: toActionError(error) };
    }
  };
}
