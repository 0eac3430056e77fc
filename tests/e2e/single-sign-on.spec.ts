import { type Browser, expect, type Page, test } from "@playwright/test";
import { alertIn, DEMO, signInAs } from "./support";

/**
 * Single sign-on through a real OpenID Connect provider started by the run (oidc-provider, see
 * tests/support/oidc-provider.ts): a newcomer of a tied domain joins just in time with the default role;
 * an unverified address, an untied domain, a replayed callback (state), an ID token for another client
 * (audience) and a forged signature are each refused, and nobody is signed in.
 */
test.describe.configure({ mode: "serial" });

const domain = `sso-${Date.now()}.test`;
const idpControl = (mode: string) =>
  fetch(`http://127.0.0.1:${process.env.E2E_IDP_PORT}/__test/mode?mode=${mode}`, { method: "POST" });

/** From the app's sign-in page through the provider's login (and consent) screens, as `login`. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  // The provider asks for consent the first time this account meets the client.
  await Promise.race([
    consent.waitFor({ timeout: 10_000 }).then(() => consent.click()),
    page.waitForURL((url) => !url.port.startsWith(String(process.env.E2E_IDP_PORT)), { timeout: 10_000 }),
  ]).catch(() => undefined);
}

async function expectRefused(browser: Browser, login: string, message: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(alertIn(page)).toContainText(message);
  expect((await (await page.request.get("/api/auth/session")).json())?.sid).toBeFalsy();
  await context.close();
}

test("an admin ties the company's domain; a newcomer signs in through the provider and joins with the default role", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/workspace");
  const card = page.getByRole("region", { name: "Single sign-on" });
  await expect(card).toContainText("Identity providers of this installation: Test IdP.");
  await expect(card).toContainText("/api/auth/callback/test-idp");
  await card.getByLabel("Domain").fill(`@${domain.toUpperCase()}`);
  await card.getByRole("button", { name: "Tie the domain" }).click();
  await expect(card.getByTestId("sso-domains")).toContainText(domain);
  await card.getByLabel("Role of people who join through single sign-on").selectOption({ label: "Marketer" });
  await card.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");

  const context = await browser.newContext();
  const ada = await context.newPage();
  let callback = "";
  ada.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/test-idp")) callback = request.url();
  });
  await signInThroughProvider(ada, `ada.lovelace@${domain}`);
  await expect(ada.getByTestId("current-role")).toHaveText("Marketer");
  await expect(ada.getByTestId("current-user")).toContainText("ada lovelace");
  expect(callback).toContain("state=");

  // Replaying the provider's answer (same code, same state) after signing out lets nobody in.
  await ada.getByRole("button", { name: "Sign out" }).first().click();
  await expect(ada).toHaveURL(/\/signin/);
  await ada.goto(callback);
  await expect(ada).toHaveURL(/\/signin\?/);
  await expect(alertIn(ada)).toContainText("Single sign-on did not complete");
  expect((await (await ada.request.get("/api/auth/session")).json())?.sid).toBeFalsy();
  await context.close();

  // The audit log tells the admins.
  await page.goto("/settings/audit");
  await expect(page.getByTestId("audit-table")).toContainText("member.joinedBySso");
});

test("an address the provider did not verify, and a domain no workspace tied, are refused", async ({ browser }) => {
  await expectRefused(browser, `unverified.bob@${domain}`, "did not confirm your e-mail address");
  await expectRefused(browser, "carl@not-tied.example", "not tied to any workspace");
});

test("an ID token for another client, or with a forged signature, is refused", async ({ browser }) => {
  try {
    expect((await idpControl("wrong-audience")).ok).toBe(true);
    await expectRefused(browser, `ada.lovelace@${domain}`, "Single sign-on did not complete");
    expect((await idpControl("bad-signature")).ok).toBe(true);
    await expectRefused(browser, `ada.lovelace@${domain}`, "Single sign-on did not complete");
  } finally {
    await idpControl("none");
  }
  // The honest provider again: Ada comes in.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughProvider(page, `ada.lovelace@${domain}`);
  await expect(page.getByTestId("current-role")).toHaveText("Marketer");
  await page.goto("/settings/profile");
  await expect(page.getByTestId("sessions")).toContainText("with single sign-on");
  await context.close();
});

test("the admin unties the domain", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/workspace");
  const card = page.getByRole("region", { name: "Single sign-on" });
  await card.getByRole("button", { name: `Remove ${domain}` }).click();
  await expect(card.getByTestId("sso-domains")).toHaveCount(0);
});
