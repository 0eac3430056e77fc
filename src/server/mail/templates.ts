import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/generated/prisma/enums";
import en from "../../../messages/en.json";
import it from "../../../messages/it.json";

/**
 * Every e-mail the app sends, in the reader's language, as plain text and as simple HTML (one column,
 * inline styles, no images or remote content): the text part is what filters and screen readers rely on.
 */
export const MAIL_MESSAGES = { en, it } as const;

export type RenderedMail = { subject: string; text: string; html: string };

export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MAIL_MESSAGES[locale], namespace: "mail" });
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A mail made of paragraphs and one call to action (a link). */
export function composeMail(
  locale: Locale,
  mail: { subject: string; paragraphs: string[]; action: { label: string; url: string }; after?: string[] },
): RenderedMail {
  const t = mailTranslator(locale);
  const after = mail.after ?? [];
  const text = [...mail.paragraphs, `${mail.action.label}:\n${mail.action.url}`, ...after, "--", t("footer")].join(
    "\n\n",
  );
  const p = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#0f172a;font-size:15px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
${mail.paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(mail.action.url)}" style="background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;display:inline-block">${escapeHtml(mail.action.label)}</a></p>
${after.map(p).join("\n")}
<p style="margin:0 0 4px;font-size:13px;color:#475569">${escapeHtml(t("linkFallback"))}</p>
<p style="margin:0 0 16px;font-size:13px;word-break:break-all"><a href="${escapeHtml(mail.action.url)}" style="color:#1d4ed8">${escapeHtml(mail.action.url)}</a></p>
</div>
<p style="max-width:560px;margin:12px auto 0;font-size:12px;color:#64748b">${escapeHtml(t("footer"))}</p>
</body></html>`;
  return { subject: mail.subject, text, html };
}

/** A role as the app names it in that language ("Sales rep", "Commerciale"). */
export function roleName(locale: Locale, role: string): string {
  const t = createTranslator({ locale, messages: MAIL_MESSAGES[locale], namespace: "roles" });
  return t(role as Parameters<typeof t>[0]);
}
