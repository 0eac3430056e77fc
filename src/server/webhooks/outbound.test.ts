import dnsModule, { promises as dns } from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { classifyAddress, postJson } from "@/server/webhooks/outbound";

type Seen = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string };

type TestServer = { url: string; port: number; connections: number; requests: Seen[]; close: () => Promise<void> };

const servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A real HTTP server on a free port that records what reaches it. */
async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  host = "127.0.0.1",
): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      state.requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      handler(req, res);
    });
  });
  server.on("connection", () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(state);
  return state;
}

const loopback = { allowLoopback: true };

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["192.88.99.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::808:808", "public"],
    ["2002:808:808::1", "public"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:a01:203", "private"],
    ["2002:c0a8:101::1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["169.254.0.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["febf:ffff::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["0.0.0.0", "other"],
    ["0.1.2.3", "other"],
    ["192.0.0.8", "other"],
    ["192.0.2.1", "other"],
    ["198.18.0.1", "other"],
    ["198.19.255.255", "other"],
    ["198.51.100.7", "other"],
    ["203.0.113.9", "other"],
    ["224.0.0.1", "other"],
    ["239.255.255.250", "other"],
    ["240.0.0.1", "other"],
    ["255.255.255.255", "other"],
    ["::", "other"],
    ["::ffff:0.0.0.0", "other"],
    ["ff02::1", "other"],
    ["2001:db8::1", "other"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "other"],
    ["fec0::1", "other"],
    ["100::1", "other"],
    ["", "other"],
    ["localhost", "other"],
    ["example.com", "other"],
    ["256.1.1.1", "other"],
    ["1.2.3", "other"],
    ["127.1", "other"],
    ["0x7f000001", "other"],
    ["01.02.03.04", "other"],
    [" 8.8.8.8", "other"],
    ["[::1]", "other"],
    ["1::2::3", "other"],
    ["::ffff:999.0.0.1", "other"],
    ["gggg::1", "other"],
  ])("%s is %s", (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe("postJson", () => {
  it("posts the body with its headers and reports a 2xx with an excerpt", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("thanks\r\nsee\tyou\u0000!");
    });
    const body = JSON.stringify({ type: "lead.created", name: "Zoë ✓" });
    const result = await postJson(
      `${server.url}/hooks/in?x=1`,
      body,
      { "X-Webhook-Id": "msg_1", "Webhook-Signature": "v1,abc" },
      loopback,
    );

    expect(result).toMatchObject({ ok: true, status: 200, excerpt: "thanks \nsee\tyou !" });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    const [seen] = server.requests;
    expect(seen?.method).toBe("POST");
    expect(seen?.url).toBe("/hooks/in?x=1");
    expect(seen?.body).toBe(body);
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(seen?.headers["user-agent"]).toBe("SmarketingWorkspace-Webhooks/1");
    expect(seen?.headers["x-webhook-id"]).toBe("msg_1");
    expect(seen?.headers["webhook-signature"]).toBe("v1,abc");
    expect(seen?.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it("keeps only the first 500 characters of the answer", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(201);
      res.end("é".repeat(2000));
    });
    const result = await postJson(server.url, "{}", {}, loopback);
    expect(result).toMatchObject({ ok: true, status: 201, excerpt: "é".repeat(500) });
  });

  it("reports a non-2xx answer as httpError with its status", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500);
      res.end("boom");
    });
    const result = await postJson(server.url, "{}", {}, loopback);
    expect(result).toMatchObject({ ok: false, status: 500, error: "httpError", excerpt: "boom" });
  });

  it("does not follow a redirect", async () => {
    const elsewhere = await startServer((_req, res) => res.end("should not be reached"));
    const server = await startServer((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/next` });
      res.end();
    });
    const result = await postJson(server.url, "{}", {}, loopback);
    expect(result).toMatchObject({ ok: false, status: 302, error: "redirectNotFollowed" });
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.connections).toBe(0);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("gives up on a server that never answers", async () => {
    const server = await startServer(() => {});
    const result = await postJson(server.url, "{}", {}, { ...loopback, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, status: null, error: "timeout" });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it("stops reading an oversized error answer and keeps httpError", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500);
      res.end("x".repeat(200 * 1024));
    });
    const result = await postJson(server.url, "{}", {}, { ...loopback, maxResponseBytes: 1024 });
    expect(result).toMatchObject({ ok: false, status: 500, error: "httpError", excerpt: "x".repeat(500) });
  });

  it("treats an oversized 2xx answer as delivered", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200);
      res.end("y".repeat(200 * 1024));
    });
    const result = await postJson(server.url, "{}", {}, { ...loopback, maxResponseBytes: 1024 });
    expect(result).toMatchObject({ ok: true, status: 200, excerpt: "y".repeat(500) });
  });

  it("refuses loopback unless allowed, without connecting", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const result = await postJson(server.url, "{}", {});
    expect(result).toMatchObject({ ok: false, status: null, error: "blockedAddress", excerpt: "" });
    expect(server.connections).toBe(0);
  });

  it("checks the addresses a host name resolves to", async () => {
    // Listen where `localhost` resolves first, since only that address is used.
    const [first] = await dns.lookup("localhost", { all: true, verbatim: true });
    const server = await startServer((_req, res) => res.end("local"), first?.address);
    const url = `http://localhost:${server.port}/`;

    expect(await postJson(url, "{}", {})).toMatchObject({ ok: false, error: "blockedAddress" });
    expect(server.connections).toBe(0);

    expect(await postJson(url, "{}", {}, loopback)).toMatchObject({ ok: true, status: 200, excerpt: "local" });
    expect(server.requests[0]?.headers.host).toBe(`localhost:${server.port}`);
  });

  it("connects to the address it checked without resolving the name again", async () => {
    const server = await startServer((_req, res) => res.end("pinned"));
    // The name exists only for the check: a second lookup at connect time would fail.
    const lookup = vi
      .spyOn(dnsModule.promises, "lookup")
      .mockResolvedValue([{ address: "127.0.0.1", family: 4 }] as never);
    try {
      const result = await postJson(`http://rebind.invalid:${server.port}/`, "{}", {}, loopback);
      expect(result).toMatchObject({ ok: true, status: 200, excerpt: "pinned" });
      expect(lookup).toHaveBeenCalledWith("rebind.invalid", { all: true, verbatim: true });
      expect(server.requests[0]?.headers.host).toBe(`rebind.invalid:${server.port}`);
    } finally {
      lookup.mockRestore();
    }
  });

  it("blocks a name when any of its addresses is not public", async () => {
    const lookup = vi.spyOn(dnsModule.promises, "lookup").mockResolvedValue([
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ] as never);
    try {
      expect(await postJson("http://mixed.invalid/", "{}", {}, loopback)).toMatchObject({ error: "blockedAddress" });
    } finally {
      lookup.mockRestore();
    }
  });

  it("never allows link-local or private addresses, even with allowLoopback", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[fe80::1]/"]) {
      const result = await postJson(url, "{}", {}, { ...loopback, timeoutMs: 2_000 });
      expect(result).toMatchObject({ ok: false, status: null, error: "blockedAddress" });
      expect(result.durationMs).toBeLessThan(1_000);
    }
  });

  it("blocks loopback hidden in an IPv4-mapped IPv6 address", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const result = await postJson(`http://[::ffff:127.0.0.1]:${server.port}/`, "{}", {});
    expect(result).toMatchObject({ ok: false, error: "blockedAddress" });
    expect(server.connections).toBe(0);
  });

  it.each([
    "ftp://x",
    "http://user:pw@example.com/",
    "https://user@example.com/",
    "not a url",
    "file:///etc/passwd",
    "javascript:alert(1)",
  ])("rejects %s as invalidUrl", async (url) => {
    expect(await postJson(url, "{}", {})).toMatchObject({ ok: false, status: null, error: "invalidUrl" });
  });

  it("reports a refused connection", async () => {
    const server = await startServer(() => {});
    await server.close();
    const result = await postJson(server.url, "{}", {}, loopback);
    expect(result).toMatchObject({ ok: false, status: null, error: "connectionFailed" });
  });

  it("reports a name that does not resolve", async () => {
    const result = await postJson("http://no-such-host.invalid/", "{}", {}, { timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: false, status: null, error: "dnsFailed" });
  });
});
