import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  id: string;
  type: string;
  leadId: string | null;
  body: string;
  headers: Record<string, string>;
  verified: boolean;
};

/**
 * A webhook receiver as a customer would write it: a real HTTP server that
 * verifies each request with the `standardwebhooks` package. `mode` says how
 * it answers: "up" (204), "down" (503), "hang" (never answers).
 */
export async function startReceiver(secret: () => string | null = () => null) {
  const received: Received[] = [];
  const attempts: string[] = [];
  let mode: "up" | "down" | "hang" = "up";
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(request.headers["webhook-id"] ?? "");
      attempts.push(id);
      if (mode === "hang") {
        hanging.push(response);
        return;
      }
      if (mode === "down") {
        response.writeHead(503).end("maintenance");
        return;
      }
      const key = secret();
      let verified = false;
      if (key) {
        try {
          new Webhook(key).verify(body, request.headers as Record<string, string>);
          verified = true;
        } catch {
          verified = false;
        }
      }
      const parsed = JSON.parse(body) as { type?: string; data?: { lead?: { id?: string } } };
      const headers = request.headers as Record<string, string>;
      received.push({ id, type: parsed.type ?? "", leadId: parsed.data?.lead?.id ?? null, body, headers, verified });
      response.writeHead(verified || !key ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    attempts,
    setMode(next: typeof mode) {
      mode = next;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
