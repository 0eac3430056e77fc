import "server-only";
// use-intl/core: the translator without React, so this also runs outside Next (the CLI, a second dispatcher process).
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/generated/prisma/enums";
import type { WebhookPayload } from "@/server/webhooks/events";
import en from "../../../messages/en.json";
import it from "../../../messages/it.json";

const MESSAGES = { en, it } as const;

type LeadData = { name?: string; email?: string; company?: string; url?: string; score?: { total?: number } };
type HandoffData = {
  assignee?: { name?: string } | null;
  answeredBy?: { name?: string } | null;
  rejectReason?: string | null;
  note?: string | null;
  scoreAtHandoff?: number | null;
  url?: string;
};

/** Slack's link syntax breaks on these characters: they are escaped as Slack asks. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A readable Slack message (mrkdwn) for a handoff event, in the language of
 * the admin who connected Slack: who the lead is, their score, the reason of a
 * return, and a link to open it. Null for types Slack does not get.
 */
export function slackMessage(
  payload: WebhookPayload,
  locale: Locale,
  options: { test?: boolean } = {},
): { text: string } | null {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "webhooks.slack" });
  if (options.test) return { text: t("test") };
  const reasons = createTranslator({ locale, messages: MESSAGES[locale], namespace: "handoffs.reasons" });
  const lead = (payload.data.lead ?? {}) as LeadData;
  const handoff = (payload.data.handoff ?? {}) as HandoffData;
  const who = slackEscape([lead.name || lead.email || "", lead.company].filter(Boolean).join(" · "));
  const link = lead.url ? `<${lead.url}|${who}>` : who;
  const score = Math.round(handoff.scoreAtHandoff ?? lead.score?.total ?? 0);
  const rep = slackEscape(handoff.assignee?.name || t("nobody"));
  switch (payload.type) {
    case "handoff.created":
      return { text: t("created", { lead: link, score, rep }) };
    case "handoff.breached":
      return { text: t("breached", { lead: link, score, rep }) };
    case "handoff.rejected": {
      const reason = handoff.rejectReason
        ? reasons(handoff.rejectReason as Parameters<typeof reasons>[0])
        : t("noReason");
      const note = handoff.note ? `\n> ${slackEscape(handoff.note).replace(/\n/g, "\n> ")}` : "";
      const by = slackEscape(handoff.answeredBy?.name || rep);
      return { text: `${t("returned", { lead: link, score, rep: by, reason })}${note}` };
    }
    default:
      return null;
  }
}
