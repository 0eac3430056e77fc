/**
 * sendMail speaks real SMTP: the `smtp-server` package, started by the test, receives the message
 * nodemailer sends when SMTP_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../tests/support/smtp-server";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  vi.unstubAllEnvs();
});

describe("sendMail", () => {
  it("delivers through the SMTP server of SMTP_URL, from MAIL_FROM, with a text and an HTML part", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Smarketing <noreply@smarketing.test>");
    vi.resetModules();
    const { sendMail } = await import("./send");
    const sent = await sendMail({
      to: "rep@acme.test",
      subject: "New handoff",
      text: "Ada Rossi is waiting for you.",
      html: "<p>Ada Rossi is <b>waiting</b> for you.</p>",
    });
    expect(sent).toBe(true);
    const mail = await smtp.waitFor("rep@acme.test");
    expect(mail).toMatchObject({ from: "noreply@smarketing.test", subject: "New handoff" });
    expect(mail.text.trim()).toBe("Ada Rossi is waiting for you.");
    expect(mail.html).toContain("<b>waiting</b>");
  });

  it("reports a refused delivery as not sent, without throwing", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    vi.resetModules();
    const { sendMail } = await import("./send");
    expect(await sendMail({ to: "rep@acme.test", subject: "x", text: "y" })).toBe(false);
  });
});
