import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "smarketing-demo";
export const DEMO = {
  admin: "admin@demo.test",
  manager: "manager@demo.test",
  marketer: "marketer@demo.test",
  rep1: "rep1@demo.test",
  rep2: "rep2@demo.test",
} as const;

/** Signs in through next-auth's credentials endpoint (no typing); the cookie lands in the page's context. */
export async function login(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.sid, `signed in as ${email}`).toBeTruthy();
}

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await login(page.request, email, password);
  await page.goto("/");
}

/** The page's own alerts (Next's route announcer also has role="alert"). */
export function alertIn(scope: Page | Locator) {
  return scope.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** Switches workspace and waits for the full reload that follows. */
export async function switchWorkspace(page: Page, name: string) {
  const reloaded = page.waitForEvent("load");
  await page.getByLabel("Switch workspace").selectOption({ label: name });
  await reloaded;
  await expect(page.getByLabel("Switch workspace").locator("option:checked")).toHaveText(name);
}

/** axe on `path` (or, with null, on the page as it is now): no serious or critical violation. */
export async function expectAccessible(page: Page, path: string | null) {
  if (path !== null) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} loads`).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
  }
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  // Soft: one run reports every page with violations.
  expect.soft(blocking, `axe on ${path ?? page.url()}`).toEqual([]);
}

/** The href of the first link on `path` matching `pattern` (a real record of the demo data). */
export async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const href = hrefs.find((h) => h && pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return href as string;
}

/** One record of each kind from the demo data, as the paths of their pages. */
export async function demoRecordPaths(page: Page) {
  return {
    lead: await firstHref(page, "/leads", /^\/leads\/(?!new$|import$)[^/?]+$/),
    persona: await firstHref(page, "/personas", /^\/personas\/(?!new$)[^/?]+$/),
    term: await firstHref(page, "/glossary", /^\/glossary\/(?!new$)[^/?]+$/),
    campaign: await firstHref(page, "/campaigns", /^\/campaigns\/(?!import)[^/]+$/),
  };
}

/** A marketer's API token, made through the settings page. */
export async function marketerToken(page: Page) {
  await signInAs(page, DEMO.marketer);
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Token name").fill(`Website form ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByTestId("new-token").inputValue();
}

/** Captures a lead through the public API and sends the events that make it an MQL. */
export async function qualifyLead(api: APIRequestContext, secret: string, name: string) {
  const headers = { authorization: `Bearer ${secret}` };
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@trasporti.example`;
  const created = await api.post("/api/v1/leads", {
    headers,
    data: { email, name, company: "Trasporti Rapidi", channel: "EVENTS" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  let becameMql = false;
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    const response = await api.post(`/api/v1/leads/${id}/events`, { headers, data: { type } });
    expect(response.status()).toBe(201);
    becameMql ||= ((await response.json()) as { becameMql: boolean }).becameMql;
  }
  expect(becameMql).toBe(true);
  return id;
}

/** The manager marks one rep away (or back) on the SLA page, so the next MQL goes to the other. */
export async function setAway(browser: Browser, name: string, away: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, DEMO.manager);
  await page.goto("/sla");
  await page.getByRole("button", { name: away ? `Mark ${name} away` : `Mark ${name} back` }).click();
  await expect(page.getByRole("button", { name: away ? `Mark ${name} back` : `Mark ${name} away` })).toBeVisible();
  await context.close();
}

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; language: string | null };

/** The newest mail the run's SMTP server received for `to` since `since` (ms), via the harness's control plane. */
export async function receivedMail(to: string, since: number): Promise<ReceivedMail> {
  const response = await fetch(
    `http://127.0.0.1:${process.env.E2E_CONTROL_PORT}/mail?to=${encodeURIComponent(to)}&since=${since}`,
  );
  expect(response.ok, `a mail to ${to}`).toBe(true);
  return (await response.json()) as ReceivedMail;
}

/** The link in a mail's text part whose path starts with `path` ("/invite/", "/reset-password/"). */
export function linkInMail(mail: ReceivedMail, path: string): string {
  const link = mail.text
    .split(/\s+/)
    .find((word) => word.startsWith("http") && new URL(word).pathname.startsWith(path));
  expect(link, `a ${path} link in "${mail.subject}"`).toBeTruthy();
  return link as string;
}
