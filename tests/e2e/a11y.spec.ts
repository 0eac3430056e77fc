/**
 * Accessibility: axe-core on every page of the app (WCAG 2.1 A and AA rules),
 * no serious or critical violation; and the main journeys with the keyboard alone.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, demoRecordPaths, expectAccessible, signInAs } from "./support";

/** Presses Tab until `target` has the focus (fails after `limit` presses): proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Not reachable with Tab: ${target}`);
}

test("sign-in and invitation pages have no serious accessibility violations", async ({ page }) => {
  await expectAccessible(page, "/signin");
  await expectAccessible(page, "/invite/not-a-real-token");
  await expectAccessible(page, "/forgot-password");
  await expectAccessible(page, "/reset-password/not-a-real-token");
});

test("every page of the app has no serious accessibility violations", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, DEMO.manager);
  const { lead, persona, term, campaign } = await demoRecordPaths(page);
  const upload = await page.request.post("/leads/import/upload", {
    headers: { origin: new URL(page.url()).origin },
    multipart: {
      file: {
        name: "a11y.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Email,Name\na11y@example.test,Ally\nbad,Bad\n"),
      },
      mapping: JSON.stringify({ email: "Email", name: "Name" }),
    },
  });
  expect(upload.status()).toBe(201);
  const importId = ((await upload.json()) as { id: string }).id;

  const pages = [
    "/",
    "/glossary",
    term,
    `${term}/edit`,
    "/glossary/new",
    "/personas",
    persona,
    `${persona}/edit`,
    "/personas/new",
    "/leads",
    "/leads?stage=MQL&sort=score",
    lead,
    "/leads/new",
    "/leads/import",
    `/leads/import/${importId}`,
    "/rules",
    "/handoffs",
    "/handoffs?view=team",
    "/handoffs/returned",
    "/sla",
    "/dashboards?view=funnel",
    "/dashboards?view=quality",
    "/dashboards?view=sla",
    "/dashboards?view=roi",
    "/dashboards?view=goals",
    "/campaigns",
    campaign,
    "/campaigns/import",
    "/forms",
    "/forms/new",
    "/forms/tracking",
    "/notifications",
    "/settings/members",
    "/settings/api-tokens",
    "/settings/privacy",
    "/settings/privacy?email=nobody%40example.test",
    "/settings/workspace",
    "/settings/profile",
    "/two-factor",
  ];
  for (const path of pages) await expectAccessible(page, path);

  // A record that does not exist (or is another workspace's) is a 404 page, not an error.
  for (const path of ["/leads/no-such-lead", "/personas/no-such-persona", "/glossary/no-such-term/edit"]) {
    const missing = await page.goto(path);
    expect(missing?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }

  await signInAs(page, DEMO.admin);
  await expectAccessible(page, "/settings/audit");
  await expectAccessible(page, "/settings/workspace"); // with the export and import section of admins
  await expectAccessible(page, "/settings/webhooks");
});

test("keyboard alone: sign in, open the inbox, accept a handoff", async ({ page }) => {
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(DEMO.rep1);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();

  const inbox = nav.getByRole("link", { name: /^Handoffs/ });
  await tabTo(page, inbox);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Handoffs", exact: true })).toBeVisible();
  const accept = page.getByRole("button", { name: /^Accept/ }).first();
  await tabTo(page, accept);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("button", { name: /^Confirm/ }).first();
  await tabTo(page, confirm);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("answered")).toBeVisible();
});
