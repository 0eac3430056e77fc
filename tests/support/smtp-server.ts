/**
 * A real SMTP server for the tests (the `smtp-server` package, the server half of nodemailer's
 * project), on a local port. Every message it receives is parsed with `mailparser` and kept, so a test
 * can read the mail a person would get — subject, text and HTML parts, language — and follow its link.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  language: string | null;
  receivedAt: string;
};

export type TestSmtpServer = {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** The newest mail to `to` (matching `where`) received after `since`, waiting up to `timeoutMs` for it. */
  waitFor(
    to: string,
    options?: { since?: number; where?: (mail: ReceivedMail) => boolean; timeoutMs?: number },
  ): Promise<ReceivedMail>;
  close(): Promise<void>;
};

function toMail(parsed: ParsedMail, envelope: { from: string; to: string[] }): ReceivedMail {
  const lang = parsed.html ? (/<html[^>]*\blang="([^"]+)"/i.exec(parsed.html)?.[1] ?? null) : null;
  return {
    from: envelope.from,
    to: envelope.to,
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    language: lang,
    receivedAt: new Date().toISOString(),
  };
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      };
      simpleParser(stream)
        .then((parsed) => {
          messages.push(toMail(parsed, envelope));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    async waitFor(to, { since = 0, where = () => true, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages
          .filter((m) => m.to.includes(to.toLowerCase()) && Date.parse(m.receivedAt) >= since && where(m))
          .at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text part that starts with `prefix` (the app's base URL and a path). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in "${mail.subject}"`);
  return link;
}
