/**
 * Hostile input, property-based (fast-check): every server action and every
 * public API endpoint gets thousands of random and malicious payloads — huge
 * strings, deep JSON, wrong types, unicode edge cases, SQL and HTML injection
 * text, prototype-pollution keys, and the ids of another workspace's records.
 * Never an unexpected error (a 500), never a change to the other workspace,
 * never a polluted prototype.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/server/action";
import { createApiToken } from "@/server/api-tokens/service";
import { createAuthSession, loadSessionContext } from "@/server/auth/auth-sessions";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { freshWorkspace } from "@/server/seed/factories";

// Server actions run outside Next.js here: the session is a real database session chosen by the test,
// cookies are a no-op jar, cache revalidation is a no-op and messages are their keys.
let sessionId = "";
vi.mock("@/server/auth/session", () => ({ getSession: async () => loadSessionContext(sessionId) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & { inputSchema?: { shape?: object } };
const modules = import.meta.glob<Record<string, unknown>>("../../src/server/**/actions.ts", { eager: true });
const actions: [string, Action][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === "function")
    .map(([name, value]) => [`${file.replace(/^.*server\//, "")}#${name}`, value as Action] as [string, Action]),
);

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
let home: Ws;
let victim: Ws;
let victimIds: string[] = [];
let homeIds: string[] = [];

/** Every row of the victim workspace, hashed: any change shows. */
async function fingerprint(workspaceId: string): Promise<string> {
  const tables = await db.$queryRaw<{ table: string }[]>`
    SELECT c.table_name AS table FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'workspaceId' AND t.table_type = 'BASE TABLE'
      AND c.table_name NOT IN ('AuditLog', 'FunnelDelta', 'FunnelRollup')`;
  const parts: string[] = [];
  for (const { table } of tables.sort((a, b) => a.table.localeCompare(b.table))) {
    const [row] = await db.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t WHERE "workspaceId" = $1`,
      workspaceId,
    );
    parts.push(`${table}:${row?.h ?? "-"}`);
  }
  const users = await db.$queryRaw<{ h: string | null }[]>`
    SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) AS h FROM "User" u
    WHERE u.id IN (SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId})`;
  return `${parts.join(",")};users:${users[0]?.h}`;
}

/** Ids of a workspace's records, of every kind an action or endpoint takes. */
async function idsOf(ws: Ws): Promise<string[]> {
  const w = ws.workspace.id;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Lead" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "Persona" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "GlossaryTerm" WHERE "workspaceId" = ${w}
    UNION ALL SELECT r.id FROM "TermRevision" r JOIN "GlossaryTerm" g ON g.id = r."termId" WHERE g."workspaceId" = ${w}
    UNION ALL SELECT id FROM "Handoff" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "Membership" WHERE "workspaceId" = ${w}
    UNION ALL SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "Campaign" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "ApiToken" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "Invite" WHERE "workspaceId" = ${w}
    UNION ALL SELECT id FROM "ScoringModel" WHERE "workspaceId" = ${w}
    UNION ALL SELECT ${w}`;
  return rows.map((r) => r.id);
}

const HOSTILE_TEXT = [
  "' OR 1=1 --",
  `"; DROP TABLE "Lead"; --`,
  "1; SELECT pg_sleep(5)",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  "prototype",
  "\u0000",
  "\uD800",
  "\u202Eevil",
  "Z\u0351\u0360\u035B",
  "🧨".repeat(500),
  "x".repeat(100_000),
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text, on purpose
  "${7*7}{{7*7}}",
  "1e309",
  "NaN",
  "-0",
  "",
  " ",
];

/** Payload fields: the action's own field names plus keys that pollute prototypes. */
function payloads(fieldNames: string[], ids: string[]) {
  const leaf = fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT),
    fc.constantFrom(...ids),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom("MQL", "SALES", "ADMIN", "EUR", "2026-11", "2026-11-23", "ACCEPTED", "NOT_A_FIT", "it"),
  );
  const key = fc.constantFrom(...fieldNames, "__proto__", "constructor", "prototype", "x");
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 6 }),
    ),
  }));
  const object = fc.dictionary(key, value, { maxKeys: 10 });
  const deep = fc.integer({ min: 50, max: 800 }).map((depth) => {
    let nested: unknown = "bottom";
    for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { a: nested };
    return nested;
  });
  // As the wire delivers them: parsed JSON, where "__proto__" is an own key.
  return fc.oneof(object, object, object, value, deep, fc.anything()).map((p) => {
    try {
      return JSON.parse(JSON.stringify(p) ?? "null") as unknown;
    } catch {
      return p;
    }
  });
}

const fieldNamesOf = (action: Action) =>
  action.inputSchema && typeof action.inputSchema.shape === "object" && action.inputSchema.shape
    ? Object.keys(action.inputSchema.shape)
    : ["workspaceId", "locale", "token", "password", "name"];

describe("hostile input", { timeout: 600_000 }, () => {
  let victimBefore = "";
  beforeAll(async () => {
    home = await freshWorkspace("Fuzz home");
    victim = await freshWorkspace("Fuzz victim");
    for (const ws of [home, victim]) {
      for (const [index, email] of ["a@fuzz.test", "b@fuzz.test"].entries()) {
        await db.lead.create({
          data: { workspaceId: ws.workspace.id, email, channel: "EVENTS", stage: index ? "MQL" : "LEAD" },
        });
      }
    }
    victimIds = await idsOf(victim);
    homeIds = await idsOf(home);
    victimBefore = await fingerprint(victim.workspace.id);
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it("finds every server action", () => {
    expect(actions.length).toBeGreaterThanOrEqual(45);
  });

  it("server actions: no unexpected error, nothing of another workspace changed, no polluted prototype", async () => {
    const roles = [home.admin, home.manager, home.marketer, home.sales];
    let runs = 0;
    for (const [name, action] of actions) {
      const fields = fieldNamesOf(action);
      // Fresh sessions for every action: some end sessions ("sign out everywhere", an admin signing a member
      // out), and the actions after them must still be tried signed in.
      const sessions = await Promise.all(roles.map((actor) => createAuthSession(actor.userId)));
      for (const session of sessions) {
        sessionId = session;
        await fc.assert(
          fc.asyncProperty(payloads(fields, [...victimIds, ...homeIds]), async (payload) => {
            runs++;
            const result = await action(payload);
            expect(result, `${name} with ${JSON.stringify(payload)?.slice(0, 300)}`).toBeTypeOf("object");
            if (!result.ok) expect(result.error.code, name).not.toBe("unexpected");
          }),
          { numRuns: 15 },
        );
      }
    }
    expect(runs).toBeGreaterThan(2500);
    expect(await fingerprint(victim.workspace.id)).toBe(victimBefore);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("public API: never a 500, nothing of another workspace changed", async () => {
    const routes = import.meta.glob<Record<string, unknown>>("../../src/app/api/v1/**/route.ts", { eager: true });
    const secret = (await createApiToken(home.admin, { name: "fuzz" })).secret;
    const handlers = Object.entries(routes).flatMap(([file, exports]) =>
      (["GET", "POST", "PUT", "PATCH", "DELETE"] as const)
        .filter((method) => typeof exports[method] === "function")
        .map((method) => ({
          file,
          method,
          handler: exports[method] as (r: Request, c: { params: Promise<unknown> }) => Promise<Response>,
        })),
    );
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    const ids = [...victimIds, ...homeIds, ...HOSTILE_TEXT.slice(0, 8)];
    const query = fc.dictionary(
      fc.constantFrom("stage", "updatedSince", "limit", "cursor", "status", "assignee", "from", "to", "channel", "x"),
      fc.oneof(fc.constantFrom(...HOSTILE_TEXT, ...ids, "-1", "0", "99999999999", "2026-01-01"), fc.string()),
      { maxKeys: 5 },
    );
    const rawBody = fc.oneof(
      payloads(["email", "name", "type", "properties", "reason", "note", "channel", "companySize"], ids).map((p) =>
        JSON.stringify(p),
      ),
      fc.constantFrom("{", "[".repeat(100_000), '{"email": "a@b.c", "email": 1}', "null", "", "\u0000"),
      fc.string({ unit: "binary", maxLength: 200 }),
    );
    let requests = 0;
    for (const { file, method, handler } of handlers) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ids), query, rawBody, async (id, params, body) => {
          requests++;
          const url = new URL("http://fuzz.test/api/v1/x");
          for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
          const request = new Request(url, {
            method,
            headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
            body: method === "GET" ? undefined : body,
          });
          const response = await handler(request, { params: Promise.resolve({ id, path: [id] }) });
          expect(response.status, `${method} ${file} ${url.search} ${body.slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: 120 },
      );
    }
    expect(requests).toBeGreaterThan(1400);
    expect(await fingerprint(victim.workspace.id)).toBe(victimBefore);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
