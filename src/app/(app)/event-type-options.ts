import "server-only";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { listCustomEventTypes } from "@/server/leads/event-types";
import { BUILT_IN_EVENT_TYPES } from "@/server/leads/schema";

/** The workspace's event types as choices: the built-in ones in the reader's words, then its own. */
export async function eventTypeOptions(actor: Actor, custom?: { key: string; label: string }[]) {
  const t = await getTranslations("leads.eventTypes");
  return [
    ...BUILT_IN_EVENT_TYPES.map((type) => ({ value: type as string, label: t(type) })),
    ...(custom ?? (await listCustomEventTypes(actor))).map((type) => ({
      value: type.key,
      label: type.label || type.key,
    })),
  ];
}
