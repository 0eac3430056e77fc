import "server-only";
import { createTranslator } from "next-intl";
import { appUrl } from "@/env";
import { db } from "@/server/db";
import { sendMail } from "@/server/mail/send";
import { composeMail, MAIL_MESSAGES, mailTranslator } from "@/server/mail/templates";

const BATCH = 20;

/**
 * Sends the e-mail copies of notifications (the outbox rows marked
 * `mailPending` when SMTP is configured), in the reader's language. Claimed
 * with SKIP LOCKED, so each goes out from one server only; a failed send is
 * logged and not retried (the in-app notification remains).
 */
export async function sendPendingMail(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Notification" WHERE "mailPending" ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const notifications = await tx.notification.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include: { user: { select: { email: true, locale: true } }, workspace: { select: { name: true } } },
      });
      for (const n of notifications) {
        const locale = n.user.locale;
        const t = createTranslator({ locale, messages: MAIL_MESSAGES[locale], namespace: "notifications" });
        const text = t(`kinds.${n.kind}` as Parameters<typeof t>[0], n.params as Record<string, string | number>);
        const mail = mailTranslator(locale);
        await sendMail({
          to: n.user.email,
          ...composeMail(locale, {
            subject: `[${n.workspace.name}] ${text}`,
            paragraphs: [text],
            action: { label: mail("notification.action"), url: `${appUrl()}${n.href}` },
            after: [mail("notification.why", { workspace: n.workspace.name })],
          }),
        });
      }
      await tx.notification.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { mailPending: false, mailedAt: new Date() },
      });
      return rows.length;
    },
    { timeout: 60_000 },
  );
}
