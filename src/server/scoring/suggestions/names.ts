import "server-only";
import { getTranslations } from "next-intl/server";
import type { Names } from "@/server/scoring/suggestions/find";

/** The words of the reader's language for channels and for the rules a suggestion adds. */
export async function suggestionNames(): Promise<Omit<Names, "persona">> {
  const channels = await getTranslations("channels");
  const t = await getTranslations("suggestions");
  return {
    channel: (channel) => channels(channel),
    label: (dimension, name) => t(`ruleLabel.${dimension}`, { name }),
  };
}
