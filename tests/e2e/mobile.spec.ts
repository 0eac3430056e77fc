/**
 * A sales rep's day on a phone (390 × 844, the iPhone 13's screen, touch):
 * the menu, the inbox (accept one handoff, return another with a reason and
 * a note), a lead's page, a won deal. Then every page of the app, for each
 * role, without sideways scrolling, and axe at that width.
 */
import { devices, expect, type Page, test } from "@playwright/test";
import { DEMO, demoRecordPaths, expectAccessible, marketerToken, qualifyLead, setAway, signInAs } from "./support";

// The device's screen and touch, in whichever browser the project runs (not its default WebKit).
const { defaultBrowserType: _webkit, ...phone } = devices["iPhone 13"];
test.use(phone);

const PHONE_WIDTH = 390;

/** The page's width in CSS pixels: more than the screen means the person has to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} is ${width}px wide on a ${PHONE_WIDTH}px screen`).toBeLessThanOrEqual(PHONE_WIDTH);
}

/** Opens a section through the phone's menu. */
async function openSection(page: Page, name: RegExp | string) {
  await page.getByTestId("menu-button").click();
  await page
    .getByTestId("mobile-menu")
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name })
    .click();
  await expect(page.getByTestId("mobile-menu")).toHaveCount(0);
}

test("the menu opens from a button, keeps the focus inside, and closes with Escape", async ({ page }) => {
  await signInAs(page, DEMO.rep1);
  const button = page.getByTestId("menu-button");
  await expect(button).toBeVisible();
  // The sidebar is gone at this width; the counts stay on the button.
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByTestId("mobile-menu");
  await expect(menu.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Tabbing past the last control comes back to the first: the focus stays in the menu.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    expect(await menu.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  // Every control a finger taps is at least 24 × 24 px (WCAG 2.2, 2.5.8).
  const box = await button.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(24);
  expect(box?.width).toBeGreaterThanOrEqual(24);
});

test("on a phone a rep returns one handoff with a reason and a note, accepts another, and wins the deal", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await setAway(browser, "Sara Rep", true);
  try {
    // The marketer's token and the two MQLs come from a desktop context of their own.
    const desk = await browser.newContext();
    const deskPage = await desk.newPage();
    const secret = await marketerToken(deskPage);
    const stamp = Date.now();
    const accepted = `Giorgia Phone ${stamp}`;
    const returned = `Paolo Phone ${stamp}`;
    const acceptedId = await qualifyLead(deskPage.request, secret, accepted);
    const returnedId = await qualifyLead(deskPage.request, secret, returned);
    await desk.close();

    await signInAs(page, DEMO.rep1);
    await expect(page.getByTestId("handoff-badge-menu")).toBeVisible();
    await openSection(page, /^Handoffs/);
    await expect(page.getByRole("heading", { name: "Handoffs", exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page, "the inbox");
    // The reject panel of an inbox card fits the screen (the first card: the demo's inbox holds many).
    const first = page.getByTestId("handoff").first();
    await first.getByRole("button", { name: "Reject…" }).click();
    const box = await first.locator("form").boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE_WIDTH).toBe(true);
    await expectNoSidewaysScroll(page, "the inbox with the reject panel open");
    await first.getByRole("button", { name: "Cancel" }).click();

    // Return one from its lead page, with a reason and a note.
    await page.goto(`/leads/${returnedId}`);
    const returning = page.getByTestId("lead-answer");
    const noBudget = returning.getByLabel(/No budget/);
    // A tap that lands before the page has hydrated is lost (as on a slow phone): tap again until it opens.
    await expect(async () => {
      if (!(await noBudget.isVisible())) await returning.getByRole("button", { name: "Reject…" }).click();
      await expect(noBudget).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await noBudget.check();
    await returning.getByLabel("Note (optional)").fill("Budget frozen until Q3");
    await expectNoSidewaysScroll(page, "the lead's page with the reject panel open");
    await returning.getByRole("button", { name: "Return the lead" }).click();
    await expect(returning).toHaveCount(0);
    await expect(page.getByTestId("lead-handoffs")).toContainText("No budget");

    // Accept the other on its lead page, then take it to won.
    await page.goto(`/leads/${acceptedId}`);
    await expect(page.getByRole("heading", { name: accepted, exact: true })).toBeVisible();
    const answer = page.getByTestId("lead-answer");
    await expect(answer.getByTestId("countdown")).toBeVisible();
    await answer.getByRole("button", { name: "Accept" }).click();
    await answer.getByRole("button", { name: "Confirm: make it an SQL" }).click();
    await expect(answer).toHaveCount(0);
    await expect(page.getByTestId("timeline")).toContainText("Stage: MQL → SQL");
    await expectNoSidewaysScroll(page, "the lead's page");
    await page.getByRole("button", { name: "Won", exact: true }).click();
    await page.getByLabel("Amount (EUR)").fill("8400");
    // A submission the browser's own check would stop (no close date) is refused with the reason, beside the field.
    // Won starts from today's date; emptied, with the browser's own check bypassed.
    await expect(page.getByLabel("Closed on")).toHaveValue(workspaceToday());
    await page.getByLabel("Closed on").evaluate((input) => input.removeAttribute("required"));
    await page.getByLabel("Closed on").fill("");
    await page.getByRole("button", { name: "Mark as won" }).click();
    await expect(page.getByText("Use a date (YYYY-MM-DD).")).toBeVisible();
    await expect(page.getByTestId("timeline")).not.toContainText("→ Customer");
    await page.getByLabel("Closed on").fill(workspaceToday());
    await page.getByRole("button", { name: "Mark as won" }).click();
    await expect(page.getByTestId("timeline")).toContainText("Stage: SQL → Customer");
    await expect(page.getByText("€8,400.00")).toBeVisible();
    await expectNoSidewaysScroll(page, "the lead's page after the win");
  } finally {
    await setAway(browser, "Sara Rep", false);
  }
});

/** Every page a role can open, with one record of each kind from the demo data. */
async function pagesOf(page: Page, role: "manager" | "rep") {
  const { lead, persona, term, campaign } = await demoRecordPaths(page);
  const common = [
    "/",
    "/glossary",
    term,
    "/personas",
    persona,
    "/leads",
    lead,
    "/handoffs",
    "/handoffs/pipeline",
    "/handoffs/returned",
    "/sla",
    "/dashboards?view=funnel",
    "/dashboards?view=quality",
    "/dashboards?view=sla",
    "/dashboards?view=roi",
    "/dashboards?view=goals",
    "/campaigns",
    campaign,
    "/rules",
    "/notifications",
    "/settings/profile",
  ];
  if (role === "rep") return common;
  return [
    ...common,
    "/forms",
    "/forms/new",
    "/forms/tracking",
    `${term}/edit`,
    "/glossary/new",
    `${persona}/edit`,
    "/personas/new",
    "/leads/new",
    "/leads/import",
    "/handoffs?view=team",
    "/campaigns/import",
    "/settings/members",
    "/settings/api-tokens",
    "/settings/privacy",
    "/settings/workspace",
  ];
}

for (const [role, email] of [
  ["manager", DEMO.manager],
  ["rep", DEMO.rep2],
] as const) {
  test(`no page scrolls sideways on a phone (${role}), in English and Italian`, async ({ page }) => {
    test.setTimeout(240_000);
    await signInAs(page, email);
    const pages = await pagesOf(page, role);
    for (const locale of ["en", "it"] as const) {
      await page.goto("/settings/profile");
      await page.getByTestId("menu-button").click();
      await page.getByTestId("mobile-menu").getByTestId("locale-switcher").selectOption(locale);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), `${path} loads`).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
        await expectNoSidewaysScroll(page, `${path} (${locale})`);
      }
    }
    await page.goto("/settings/profile");
    await page.getByTestId("menu-button").click();
    await page.getByTestId("mobile-menu").getByTestId("locale-switcher").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
}

test("the pages a rep uses on the road have no serious accessibility violations at phone width", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, DEMO.manager);
  const { lead } = await demoRecordPaths(page);
  for (const path of [
    "/handoffs?view=team",
    "/handoffs/returned",
    "/leads",
    lead,
    "/notifications",
    "/dashboards?view=funnel",
    "/dashboards?view=quality",
    "/dashboards?view=sla",
    "/dashboards?view=roi",
  ]) {
    await expectAccessible(page, path);
  }
  await signInAs(page, DEMO.rep1);
  await expectAccessible(page, "/handoffs");
  // With the menu open too.
  await page.getByTestId("menu-button").click();
  await expect(page.getByTestId("mobile-menu")).toBeVisible();
  await expectAccessible(page, null);
});

/** Today in the demo workspace's calendar (Europe/Rome), as a date field holds it. */
function workspaceToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
}
