/**
 * Expected errors: the only errors whose code reaches a user. Anything else is
 * logged and shown as a generic message (never a stack trace).
 * `code` doubles as the key of the user-facing message in `messages/*.json`
 * under `errors.*`.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "validation"
  | "conflict"
  | "lastAdmin"
  | "alreadyMember"
  | "inviteInvalid"
  | "emailMismatch"
  | "rateLimited"
  | "unavailable"
  | "alreadyAnswered"
  | "secondFactorRequired"
  | "invalidCode"
  | "resetLinkInvalid"
  | "twoFactorSetupRequired"
  | "twoFactorAlreadyOn"
  | "wrongPassword"
  | "ssoRequired";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra values for the message (e.g. seconds until retry). */
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    message?: string,
    extra?: { fieldErrors?: FieldErrors; params?: Record<string, string | number> },
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra?.fieldErrors;
    this.params = extra?.params;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = () => new AppError("notFound", "Not found");
export const forbidden = () => new AppError("forbidden", "You do not have permission to do this");
