import "server-only";
import type { Actor } from "@/server/auth/actor";
import { countryOptions } from "@/server/imports/values";
import { eventTypeOptions } from "../event-type-options";

/** What the form editor offers: the workspace's event types (built-in and its own) and the countries, named. */
export async function editorChoices(actor: Actor, locale: string) {
  return { eventTypes: await eventTypeOptions(actor), countries: countryOptions(locale) };
}
