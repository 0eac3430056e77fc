import "server-only";
import { promises as dns } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * Outbound webhook delivery. The URLs come from workspace users, so every
 * request is a potential SSRF: the host is resolved once, every address is
 * checked, and the connection is pinned to a checked address so that a DNS
 * answer changing between check and connect (rebinding) cannot redirect it.
 */

export type AddressClass = "public" | "private" | "loopback" | "linkLocal" | "other";

export type OutboundError =
  | "invalidUrl"
  | "blockedAddress"
  | "dnsFailed"
  | "timeout"
  | "connectionFailed"
  // Part of the contract for callers; not produced at the moment (see the body limit in postJson).
  | "responseTooLarge"
  | "redirectNotFollowed"
  | "httpError";

export type OutboundResult =
  | { ok: true; status: number; durationMs: number; excerpt: string }
  | { ok: false; status: number | null; durationMs: number; excerpt: string; error: OutboundError };

export type PostJsonOptions = { timeoutMs?: number; maxResponseBytes?: number; allowLoopback?: boolean };

const USER_AGENT = "SmarketingWorkspace-Webhooks/1";
const EXCERPT_CHARS = 500;
// A UTF-8 character takes at most 4 bytes: more is never needed for the excerpt.
const EXCERPT_BYTES = EXCERPT_CHARS * 4;

function blockList(entries: [string, number][], type: "ipv4" | "ipv6"): net.BlockList {
  const list = new net.BlockList();
  for (const [network, prefix] of entries) list.addSubnet(network, prefix, type);
  return list;
}

// Everything not listed is public for IPv4; for IPv6 only global unicast (2000::/3) can be.
const RANGES: [Exclude<AddressClass, "public">, net.BlockList, "ipv4" | "ipv6"][] = [
  ["loopback", blockList([["127.0.0.0", 8]], "ipv4"), "ipv4"],
  ["linkLocal", blockList([["169.254.0.0", 16]], "ipv4"), "ipv4"],
  [
    "private",
    blockList(
      [
        ["10.0.0.0", 8],
        ["100.64.0.0", 10], // carrier-grade NAT
        ["172.16.0.0", 12],
        ["192.168.0.0", 16],
      ],
      "ipv4",
    ),
    "ipv4",
  ],
  [
    "other",
    blockList(
      [
        ["0.0.0.0", 8], // "this network": 0.0.0.0 reaches the local host on Linux
        ["192.0.0.0", 24],
        ["192.0.2.0", 24],
        ["198.18.0.0", 15],
        ["198.51.100.0", 24],
        ["203.0.113.0", 24],
        ["224.0.0.0", 4], // multicast
        ["240.0.0.0", 4], // reserved, includes 255.255.255.255
      ],
      "ipv4",
    ),
    "ipv4",
  ],
  ["linkLocal", blockList([["fe80::", 10]], "ipv6"), "ipv6"],
  ["private", blockList([["fc00::", 7]], "ipv6"), "ipv6"],
  [
    "other",
    blockList(
      [
        ["ff00::", 8], // multicast
        ["2001:db8::", 32], // documentation
        ["3fff::", 20], // documentation (RFC 9637)
        ["2001::", 32], // Teredo: tunnels to an obfuscated IPv4 that cannot be checked
      ],
      "ipv6",
    ),
    "ipv6",
  ],
];
const GLOBAL_UNICAST = blockList([["2000::", 3]], "ipv6");

function inRanges(ip: string, type: "ipv4" | "ipv6"): AddressClass | undefined {
  return RANGES.find(([, list, listType]) => listType === type && list.check(ip, type))?.[0];
}

/** The eight 16-bit groups of an address that `net.isIPv6` accepted. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  if (text.includes(".")) {
    // Rewrite a trailing dotted quad (::ffff:1.2.3.4) as two hex groups.
    const colon = text.lastIndexOf(":");
    const [a = 0, b = 0, c = 0, d = 0] = text
      .slice(colon + 1)
      .split(".")
      .map(Number);
    text = `${text.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => Number.parseInt(group, 16));
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, translated, NAT64, 6to4), if any. */
function embeddedIPv4(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const quad = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(5) && g5 === 0xffff) return quad(g6, g7); // ::ffff:a.b.c.d
  if (zeroUpTo(6)) return quad(g6, g7); // ::a.b.c.d (deprecated compatible form)
  if (zeroUpTo(4) && g4 === 0xffff && g5 === 0) return quad(g6, g7); // ::ffff:0:a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return quad(g6, g7); // NAT64
  if (g0 === 0x2002) return quad(g1 ?? 0, g2 ?? 0); // 6to4
  return undefined;
}

/** Where an IP address leads; anything that is not an IP address is "other". */
export function classifyAddress(ip: string): AddressClass {
  const family = net.isIP(ip);
  if (family === 4) return inRanges(ip, "ipv4") ?? "public";
  if (family !== 6) return "other";
  const address = ip.split("%")[0] ?? ""; // a zone index only names the local interface
  const groups = ipv6Groups(address);
  if (groups.every((group, i) => group === (i === 7 ? 1 : 0))) return "loopback"; // ::1
  if (groups.every((group) => group === 0)) return "other"; // ::
  const v4 = embeddedIPv4(groups);
  if (v4 !== undefined) return classifyAddress(v4);
  return inRanges(address, "ipv6") ?? (GLOBAL_UNICAST.check(address, "ipv6") ? "public" : "other");
}

function excerptOf(bytes: Buffer): string {
  let text = "";
  for (const char of Array.from(bytes.toString("utf8")).slice(0, EXCERPT_CHARS)) {
    const code = char.codePointAt(0) ?? 0;
    const control = (code < 0x20 && char !== "\n" && char !== "\t") || (code >= 0x7f && code <= 0x9f);
    text += control ? " " : char;
  }
  return text;
}

type Target = { url: URL; host: string };

function parseTarget(raw: string): Target | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password) return undefined;
  // URL keeps the brackets of an IPv6 literal in `hostname`.
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return host ? { url, host } : undefined;
}

async function resolveHost(host: string): Promise<string[] | undefined> {
  if (net.isIP(host)) return [host];
  try {
    const found = await dns.lookup(host, { all: true, verbatim: true });
    return found.length > 0 ? found.map((entry) => entry.address) : undefined;
  } catch {
    return undefined;
  }
}

function allowedAddress(address: string, allowLoopback: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === "public" || (allowLoopback && kind === "loopback");
}

/**
 * Whether a URL may be saved as a webhook target now (the same checks as a
 * send; a send checks again, since DNS answers change).
 */
export async function checkTarget(
  rawUrl: string,
  allowLoopback = false,
): Promise<"ok" | Extract<OutboundError, "invalidUrl" | "dnsFailed" | "blockedAddress">> {
  const target = parseTarget(rawUrl);
  if (!target) return "invalidUrl";
  const addresses = await resolveHost(target.host);
  if (!addresses) return "dnsFailed";
  return addresses.every((address) => allowedAddress(address, allowLoopback)) ? "ok" : "blockedAddress";
}

/**
 * POSTs `body` as JSON to a user-supplied URL and describes what happened.
 * Resolves for every network outcome; redirects are never followed.
 */
export function postJson(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: PostJsonOptions = {},
): Promise<OutboundResult> {
  const { timeoutMs = 10_000, maxResponseBytes = 64 * 1024, allowLoopback = false } = options;
  const started = performance.now();

  return new Promise((resolve) => {
    let request: http.ClientRequest | undefined;
    let status: number | null = null;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let settled = false;

    const finish = (error?: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      const durationMs = Math.round(performance.now() - started);
      const excerpt = excerptOf(Buffer.concat(kept));
      resolve(
        error === undefined && status !== null
          ? { ok: true, status, durationMs, excerpt }
          : { ok: false, status, durationMs, excerpt, error: error ?? "connectionFailed" },
      );
    };
    // One deadline for DNS, connect and the whole response.
    const timer = setTimeout(() => finish("timeout"), timeoutMs);

    const responseOutcome = (): OutboundError | undefined => {
      if (status === null) return "connectionFailed";
      if (status >= 200 && status < 300) return undefined;
      return status >= 300 && status < 400 ? "redirectNotFollowed" : "httpError";
    };

    const target = parseTarget(rawUrl);
    if (!target) return finish("invalidUrl");

    resolveHost(target.host).then((addresses) => {
      if (settled) return;
      if (!addresses) return finish("dnsFailed");
      // One bad address blocks the URL: otherwise which one is used would decide.
      if (!addresses.every((address) => allowedAddress(address, allowLoopback))) return finish("blockedAddress");

      const [address = ""] = addresses;
      const family = net.isIP(address);
      // Connect to the address that was checked, whatever DNS answers now. Node 20
      // asks with `all: true` when it may try several families.
      const lookup: net.LookupFunction = (_hostname, lookupOptions, callback) => {
        if (lookupOptions.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      };
      const { url } = target;
      const send = url.protocol === "https:" ? https.request : http.request;
      request = send({
        protocol: url.protocol,
        host: target.host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        lookup,
        // TLS checks the certificate against the host name, never the pinned address.
        servername: net.isIP(target.host) ? undefined : target.host,
        // No pooled sockets: each delivery connects to the address it checked.
        agent: false,
        headers: {
          "content-type": "application/json",
          "user-agent": USER_AGENT,
          ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
          host: url.host,
          "content-length": String(Buffer.byteLength(body)),
        },
      });
      request.on("error", () => finish("connectionFailed"));
      request.on("response", (response) => {
        status = response.statusCode ?? null;
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          const room = Math.min(maxResponseBytes - received, EXCERPT_BYTES - keptBytes);
          if (room > 0) {
            kept.push(chunk.subarray(0, room));
            keptBytes += Math.min(room, chunk.length);
          }
          received += chunk.length;
          // Past the limit stop reading. The status already says how the receiver
          // took the delivery: a 2xx stays a success with a truncated excerpt and
          // anything else keeps its own error, so "responseTooLarge" is not used.
          if (received > maxResponseBytes) finish(responseOutcome());
        });
        response.on("end", () => finish(responseOutcome()));
        response.on("error", () => finish("connectionFailed"));
        // A connection that drops before the end of the body.
        response.on("close", () => finish("connectionFailed"));
      });
      request.end(body);
    });
  });
}
