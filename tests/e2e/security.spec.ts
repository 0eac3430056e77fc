/**
 * Server actions re-check permission themselves: a hand-made POST of a real
 * action by a member without the capability is refused and audited; the same
 * POST from another site is refused even with a valid session.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** Clicks through to a server action in the page and captures its request without letting it reach the server. */
async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured as unknown as CapturedAction;
}

async function replay(page: Page, action: CapturedAction, origin: string) {
  const response = await page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"] as string,
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin,
    },
    data: action.body,
  });
  return { status: response.status(), text: await response.text() };
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

test("a direct POST of a server action without the capability, or from another site, changes nothing", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.manager);
  const origin = new URL(page.url()).origin;
  await page.goto("/leads?stage=NURTURE");
  const leadHref = await page.locator("main table a[href^='/leads/']").first().getAttribute("href");
  expect(leadHref).toBeTruthy();
  await page.goto(leadHref as string);
  await page.getByRole("button", { name: "Erase personal data" }).click();
  const erase = await captureAction(page, () => page.getByRole("button", { name: "Yes, erase" }).click());

  // A sales rep replays it: refused by the action's own check.
  const rep = await signedIn(browser, DEMO.rep1);
  const asRep = await replay(rep, erase, origin);
  expect(asRep.text).toContain("forbidden");

  // The manager's own session, but the request comes from another site: refused before the action runs.
  const crossSite = await replay(page, erase, "https://evil.example");
  expect(crossSite.status).toBeGreaterThanOrEqual(400);

  await page.goto(leadHref as string);
  await expect(page.getByRole("button", { name: "Erase personal data" })).toBeVisible();
  await expect(page.getByTestId("erased-notice")).toHaveCount(0);

  // Uploads (a cookie-authenticated route) refuse other origins too.
  const upload = await page.request.post("/leads/import/upload", {
    headers: { origin: "https://evil.example" },
    multipart: {
      file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("Email\nx@evil.example\n") },
      mapping: JSON.stringify({ email: "Email" }),
    },
  });
  expect(upload.status()).toBe(403);

  // The refused attempt is in the audit log for the admins.
  const admin = await signedIn(browser, DEMO.admin);
  await admin.goto("/settings/audit?action=access.denied");
  await expect(admin.locator("main table")).toContainText("privacy.manage");
});
