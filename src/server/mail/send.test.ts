/**
 * sendMail speaks real SMTP: a minimal SMTP server in the test receives the
 * message nodemailer sends when SMTP_URL is set.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let server: net.Server;
let port = 0;
const received: { from: string; to: string[]; data: string }[] = [];

/** Just enough SMTP (RFC 5321) for one client: greeting, EHLO, MAIL, RCPT, DATA, QUIT. */
function smtpSession(socket: net.Socket) {
  let buffer = "";
  let inData = false;
  const mail = { from: "", to: [] as string[], data: "" };
  socket.write("220 test ESMTP\r\n");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          received.push({ ...mail, to: [...mail.to] });
          socket.write("250 OK queued\r\n");
        } else mail.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
      else if (verb === "MAIL") {
        mail.from = /<(.*)>/.exec(line)?.[1] ?? "";
        socket.write("250 OK\r\n");
      } else if (verb === "RCPT") {
        mail.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
        socket.write("250 OK\r\n");
      } else if (verb === "DATA") {
        inData = true;
        socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
      } else if (verb === "QUIT") {
        socket.end("221 Bye\r\n");
      } else socket.write("250 OK\r\n");
    }
  });
}

beforeAll(async () => {
  server = net.createServer(smtpSession);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

describe("sendMail", () => {
  it("delivers through the SMTP server of SMTP_URL, from MAIL_FROM", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    vi.stubEnv("MAIL_FROM", "Smarketing <noreply@smarketing.test>");
    vi.resetModules();
    const { sendMail } = await import("./send");
    const sent = await sendMail({ to: "rep@acme.test", subject: "New handoff", text: "Ada Rossi is waiting for you." });
    expect(sent).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "noreply@smarketing.test", to: ["rep@acme.test"] });
    expect(received[0]?.data).toContain("Subject: New handoff");
    expect(received[0]?.data).toContain("Ada Rossi is waiting for you.");
  });

  it("reports a refused delivery as not sent, without throwing", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    vi.resetModules();
    const { sendMail } = await import("./send");
    expect(await sendMail({ to: "rep@acme.test", subject: "x", text: "y" })).toBe(false);
  });
});
