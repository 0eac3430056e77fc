import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a manager filters the funnel by channel and clicks a bar through to the same leads", async ({ page }) => {
  await signInAs(page, DEMO.manager);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Dashboards" }).click();
  await expect(page.getByRole("heading", { name: "Dashboards", exact: true })).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("2025-11-01");
  await page.getByLabel("To", { exact: true }).fill("2026-11-30");
  await page.getByLabel("Channel").selectOption({ label: "Events and trade fairs" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/channel=EVENTS/);

  const cohort = page.getByTestId("table-funnel-cohort");
  const sqlRow = cohort.locator("tbody tr").nth(2);
  const sqlCount = (await sqlRow.locator("td").nth(1).textContent())?.trim() ?? "";
  expect(Number(sqlCount.replace(/\D/g, ""))).toBeGreaterThan(0);

  // The third bar (SQL) opens the leads list with the same filter.
  await page.getByTestId("chart-funnel-cohort").getByTestId("bar-row").nth(2).click();
  await expect(page).toHaveURL(/\/leads\?.*channel=EVENTS.*reached=SQL|\/leads\?.*reached=SQL.*channel=EVENTS/);
  await expect(page.getByTestId("stage-filter")).toContainText("reached SQL");
  await expect(page.getByLabel("Channel")).toHaveValue("EVENTS");
  await expect(page.getByTestId("lead-count")).toContainText(sqlCount);
});

test("the dashboards speak Italian with Italian number formats", async ({ page }) => {
  await signInAs(page, DEMO.marketer);
  await page.getByLabel("Language").first().selectOption("it");
  await expect(page.getByRole("navigation", { name: "Navigazione principale" })).toBeVisible();
  await page.goto("/dashboards?view=roi&from=2025-11-01&to=2026-11-30");
  await expect(page.getByRole("heading", { name: "Cruscotti", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "ROI" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("roi-kpis")).toContainText("Ricavi vinti");
  // Euro amounts the Italian way: "12.345 €" (thousands with a dot, the sign after).
  await expect(page.getByTestId("table-roi-channels")).toContainText(/\d{1,3}\.\d{3}\s€/);
  await page.goto("/dashboards?view=sla");
  await expect(page.getByTestId("sla-kpis")).toContainText("Rispetto dello SLA");
  await page.getByLabel("Lingua").first().selectOption("en");
});

test("lead quality shows why sales returns leads; a manager sets a shared goal both teams see", async ({ page }) => {
  await signInAs(page, DEMO.manager);
  await page.goto("/dashboards?view=quality&from=2025-11-01&to=2026-11-30");
  await expect(page.getByTestId("quality-kpis")).toContainText("Acceptance rate");
  await expect(page.getByTestId("table-quality-channels").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("persona-performance")).toContainText("Francesca, Fleet Manager");

  await page.goto("/dashboards?view=goals");
  await page.getByLabel("Goal", { exact: true }).selectOption({ label: "MQL entries" });
  await page.getByLabel("Target", { exact: true }).fill("40");
  await page.getByRole("button", { name: /Set goal for/ }).click();
  await expect(page.getByRole("progressbar", { name: "MQL entries" })).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, DEMO.rep1);
  await page.goto("/dashboards?view=goals");
  await expect(page.getByRole("progressbar", { name: "MQL entries" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Set goal for/ })).toHaveCount(0);
  await expect(page.getByTestId("leaderboard-reps")).toBeVisible();
});
