import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";

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
