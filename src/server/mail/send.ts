import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/env";
import { logger } from "@/server/logger";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

/** Sends an email when SMTP_URL is configured; returns whether it was sent. */
export async function sendMail(message: OutgoingMail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
    return true;
  } catch (error) {
    // The change that triggered the mail is already committed; the UI still shows the link.
    logger.warn("mail.failed", { error });
    return false;
  }
}
