import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/server/errors";

/**
 * For pages: a record that does not exist, or belongs to another workspace,
 * renders the 404 page (status 404) instead of the error page (500).
 */
export async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
