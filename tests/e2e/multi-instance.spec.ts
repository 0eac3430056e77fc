/**
 * Two app servers share one PostgreSQL (scripts/e2e-server.ts): a session
 * made on one works on the other, and a handoff created through the API on
 * one server reaches a rep's inbox open on the other at once — pushed by
 * LISTEN/NOTIFY behind server-sent events, not polled.
 */
import { expect, type Page, test } from "@playwright/test";
import { DEMO, login } from "./support";

const [portA, portB] = (process.env.E2E_INSTANCE_PORTS ?? "").split(",");
const on = (port: string | undefined, path: string) => `http://localhost:${port}${path}`;

async function inboxOnA(page: Page, email: string) {
  await login(page.request, email);
  const stream = page.waitForResponse((r) => r.url().endsWith("/api/live/stream"));
  await page.goto(on(portA, "/handoffs"));
  expect((await stream).headers()["content-type"]).toContain("text/event-stream");
}

/** The open-handoffs badge in the navigation (kept current by the live stream). */
async function openCount(page: Page): Promise<number> {
  const badge = page.getByTestId("handoff-badge");
  return (await badge.count()) ? Number.parseInt((await badge.textContent()) ?? "0", 10) : 0;
}

async function anyBadgeAbove(pages: Page[], before: number[]) {
  const now = await Promise.all(pages.map(openCount));
  return now.some((count, index) => count > (before[index] ?? 0));
}

test("the balancer alternates between the two app servers", async ({ request }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) seen.add((await request.get("/api/health")).headers()["x-upstream"] ?? "");
  expect([...seen].sort()).toEqual([portA, portB].sort());
});

test("a session from one server works on the other; an MQL made on B appears at once in an inbox open on A", async ({
  browser,
  playwright,
}) => {
  const reps = await Promise.all(
    [DEMO.rep1, DEMO.rep2].map(async (email) => {
      const page = await (await browser.newContext()).newPage();
      await inboxOnA(page, email);
      return page;
    }),
  );

  // The marketer signs in through A and works on B with the same session.
  const marketer = await (await browser.newContext()).newPage();
  await marketer.goto(on(portA, "/signin"));
  await marketer.getByLabel("Email").fill(DEMO.marketer);
  await marketer.getByLabel("Password").fill("smarketing-demo");
  await marketer.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(marketer.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await marketer.goto(on(portB, "/settings/api-tokens"));
  await marketer.getByLabel("Token name").fill(`Cross-server ${Date.now()}`);
  await marketer.getByRole("button", { name: "Create token" }).click();
  const secret = await marketer.getByTestId("new-token").inputValue();

  const before = await Promise.all(reps.map(openCount));
  const api = await playwright.request.newContext({ baseURL: on(portB, "") });
  const headers = { authorization: `Bearer ${secret}` };
  const name = `Cross Server ${Date.now()}`;
  const created = await api.post("/api/v1/leads", {
    headers,
    data: { email: `cross.${Date.now()}@trasporti.example`, name, company: "Due Server", channel: "EVENTS" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    expect((await api.post(`/api/v1/leads/${id}/events`, { headers, data: { type } })).status()).toBe(201);
  }

  // Routing picks one of the two reps; whichever it is sees their open count go up within seconds, with no reload.
  await expect.poll(() => anyBadgeAbove(reps, before), { timeout: 5_000, intervals: [250] }).toBe(true);
});
