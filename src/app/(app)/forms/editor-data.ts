import "server-only";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { COUNTRY_CODES } from "@/server/imports/values";
import { listCustomEventTypes } from "@/server/leads/event-types";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";

/** What the form editor offers: the workspace's event types (built-in and its own) and the countries, named. */
export async function editorChoices(actor: Actor, locale: string) {
  const t = await getTranslations("leads.eventTypes");
  const custom = await listCustomEventTypes(actor);
  const eventTypes = [
    ...BUILT_IN_EVENT_TYPES.map((key) => ({ key, label: t(key) })),
    ...custom.map((type) => ({ key: type.key, label: type.label || type.key })),
  ];
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  return { eventTypes, countries };
}
