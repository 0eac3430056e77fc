import { expect, test } from "@playwright/test";
import { DEMO, marketerToken, qualifyLead, setAway, signInAs } from "./support";

test("a new MQL appears in the rep's inbox without a reload; the rep returns it and marketing sees why", async ({
  page,
  browser,
  playwright,
}) => {
  await setAway(browser, "Sara Rep", true);
  try {
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    await signInAs(rep, DEMO.rep1);
    await rep.goto("/handoffs");
    await expect(rep.getByRole("heading", { name: "Handoffs", exact: true })).toBeVisible();

    const secret = await marketerToken(page);
    const api = await playwright.request.newContext({ baseURL: page.url() });
    const name = `Francesca Neri ${Date.now()}`;
    await qualifyLead(api, secret, name);
    await api.dispose();

    // The inbox polls: the card arrives without navigation.
    const card = rep.getByTestId("handoff").filter({ hasText: name });
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card.getByTestId("countdown")).toContainText(/left|Overdue|paused/);
    await expect(rep.getByTestId("handoff-badge")).toBeVisible();
    await card.getByRole("button", { name: "Reject…" }).click();
    await card.getByLabel(/Timing — contact later/).check();
    await card.getByLabel("Note (optional)").fill("Fleet renewal is next spring");
    await card.getByRole("button", { name: "Return the lead" }).click();
    await expect(rep.getByTestId("answered")).toHaveText(`${name} was returned. Open the lead`);
    await expect(card).toHaveCount(0);
    await repContext.close();

    await page.goto("/handoffs/returned");
    const row = page.getByTestId("returned-leads").locator("tbody tr").filter({ hasText: name });
    await expect(row).toContainText("Timing — contact later");
    await expect(row).toContainText("Fleet renewal is next spring");
    await expect(row).toContainText("Nurture");
    // A column says what it holds, not the form's label ("Note (optional)").
    await expect(
      page.getByTestId("returned-leads").getByRole("columnheader", { name: "Note", exact: true }),
    ).toBeVisible();
    await page.getByLabel("Reason").selectOption({ label: "Timing — contact later" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/reason=TIMING/);
    await expect(page.getByTestId("returned-leads").locator("tbody tr").filter({ hasText: name })).toHaveCount(1);
  } finally {
    await setAway(browser, "Sara Rep", false);
  }
});

test("another rep accepts an MQL in two clicks and takes it to won", async ({ page, browser, playwright }) => {
  await setAway(browser, "Luca Rep", true);
  try {
    const secret = await marketerToken(page);
    const api = await playwright.request.newContext({ baseURL: page.url() });
    const name = `Marco Bianchi ${Date.now()}`;
    await qualifyLead(api, secret, name);
    await api.dispose();

    await page.context().clearCookies();
    await signInAs(page, DEMO.rep2);
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: /Handoffs/ })
      .click();
    const card = page.getByTestId("handoff").filter({ hasText: name });
    await card.getByRole("button", { name: "Accept" }).click();
    await card.getByRole("button", { name: "Confirm: make it an SQL" }).click();
    await expect(page.getByTestId("answered")).toContainText(`${name} is now an SQL.`);
    await page.getByTestId("answered").getByRole("link", { name: "Open the lead" }).click();
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    await expect(page.getByTestId("lead-handoffs")).toContainText("accepted by Sara Rep");

    await page.getByRole("button", { name: "Open opportunity" }).click();
    await page.getByLabel("Amount (EUR)").fill("12000");
    await page.getByLabel("Expected close").fill("2027-03-31");
    await page.getByRole("button", { name: "Save opportunity" }).click();
    await expect(page.getByTestId("timeline")).toContainText("Stage: SQL → Opportunity");
    await page.getByRole("button", { name: "Won", exact: true }).click();
    await page.getByLabel("Amount (EUR)").fill("11500");
    // The date starts at today; a day in the future is refused by the server too (the browser's max bypassed).
    const closedOn = page.getByLabel("Closed on");
    const today = await closedOn.inputValue();
    await closedOn.evaluate((input) => input.removeAttribute("max"));
    await closedOn.fill("2099-02-15");
    await page.getByRole("button", { name: "Mark as won" }).click();
    await expect(page.getByText("A deal cannot close in the future")).toBeVisible();
    await closedOn.fill(today);
    await page.getByRole("button", { name: "Mark as won" }).click();
    await expect(page.getByTestId("timeline")).toContainText("Stage: Opportunity → Customer");
    await expect(page.getByText("€11,500.00")).toBeVisible();
  } finally {
    await setAway(browser, "Luca Rep", false);
  }
});

test("the SLA page states the agreement for both sides; only managers change it", async ({ page }) => {
  await signInAs(page, DEMO.rep1);
  await page.goto("/sla");
  await expect(page.getByTestId("agreement")).toContainText("within 4 business hours");
  await expect(page.getByRole("button", { name: "Save as a new version" })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page, DEMO.manager);
  await page.goto("/sla");
  await page.getByLabel("Answer within (business hours)").fill("2");
  await page.getByLabel("Why the change").fill("Faster follow-up after the webinar season");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toContainText("Saved as version 2");
  await expect(page.getByTestId("agreement")).toContainText("within 2 business hours");
  await expect(page.getByTestId("sla-versions")).toContainText("Faster follow-up after the webinar season");
  // Back to the agreed 4 hours for the other journeys.
  await page.getByLabel("Answer within (business hours)").fill("4");
  await page.getByLabel("Why the change").fill("Back to four hours");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toContainText("Saved as version 3");
});
