"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import type { FieldErrors } from "@/server/errors";
import { clientAddress, submitForm } from "@/server/forms/submit";
import { logger } from "@/server/logger";

export type HostedFormState = {
  status: "idle" | "sent" | "invalid" | "closed" | "failed";
  fieldErrors?: FieldErrors;
  /** What was sent, to fill the form again after a refusal (never the honeypot or the start stamp). */
  values?: Record<string, string>;
};

/** Submits the hosted page's form (works without JavaScript too: a plain form post to this action). */
export async function submitHostedForm(
  publicId: string,
  _previous: HostedFormState,
  data: FormData,
): Promise<HostedFormState> {
  const all = await headers();
  const raw: Record<string, string> = {};
  for (const [key, value] of data.entries()) if (typeof value === "string" && !key.startsWith("$")) raw[key] = value;
  try {
    const outcome = await submitForm(publicId, raw, {
      ip: clientAddress(all),
      origin: all.get("origin"),
      page: all.get("referer"),
      locale: (await getLocale()) === "it" ? "it" : "en",
    });
    switch (outcome.kind) {
      case "stored":
      case "refused": // a bot hears what a person hears
        return { status: "sent" };
      case "invalid":
        return { status: "invalid", fieldErrors: outcome.fieldErrors, values: without(raw, ["website", "started"]) };
      default:
        return { status: "closed" };
    }
  } catch (error) {
    logger.error("form.submitFailed", { error, publicId });
    return { status: "failed" };
  }
}

function without(values: Record<string, string>, keys: string[]) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !keys.includes(key)));
}
