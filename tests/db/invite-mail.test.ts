/** Invitations reach a real SMTP server (started here), in the language chosen for them, and their link opens the invite. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { findOpenInvite, inviteMember } from "@/server/members/service";
import { freshWorkspace } from "@/server/seed/factories";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("NEXTAUTH_URL", "http://app.test");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

describe("invitation mail", () => {
  it("goes out in the language chosen, with a text and an HTML part, naming who invited and the role", async () => {
    const ws = await freshWorkspace("Acme");
    const email = `nuova-${Date.now()}@test.example`;
    const since = Date.now();
    const result = await inviteMember(ws.admin, { email, role: "SALES", locale: "it" });
    expect(result.emailed).toBe(true);
    const mail = await smtp.waitFor(email, { since });
    expect(mail.language).toBe("it");
    expect(mail.subject).toBe(
      `${(await db.user.findUniqueOrThrow({ where: { id: ws.admin.userId } })).name} ti ha invitato in ${ws.workspace.name} su Smarketing Workspace`,
    );
    expect(mail.text).toContain("come Commerciale");
    expect(mail.html).toContain("Accetta l&#39;invito");
    const link = linkIn(mail, "http://app.test/invite/");
    expect(link).toBe(result.url);
    const token = decodeURIComponent(link.split("/").at(-1) ?? "");
    expect(await findOpenInvite(token)).toMatchObject({ email, role: "SALES" });
  });

  it("reaches someone who already has an account in their own language, whatever was chosen", async () => {
    const ws = await freshWorkspace("Acme");
    const other = await freshWorkspace("Beta");
    const email = other.emailOf("MARKETER");
    await db.user.update({ where: { email }, data: { locale: "en" } });
    const since = Date.now();
    await inviteMember(ws.admin, { email, role: "MANAGER", locale: "it" });
    const mail = await smtp.waitFor(email, { since });
    expect(mail.language).toBe("en");
    expect(mail.text).toContain("as Manager");
  });
});
