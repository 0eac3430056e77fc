import { type APIRequestContext, expect, type Page } from "@playwright/test";

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
