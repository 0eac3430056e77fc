import { isAppError } from "@/server/errors";

/** "ok" when the work succeeds, the AppError code when it is refused; anything else is rethrown. */
export async function outcome(work: Promise<unknown>): Promise<"ok" | string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
