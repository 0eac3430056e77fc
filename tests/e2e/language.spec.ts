import { expect, test } from "@playwright/test";
import { DEMO, login, signInAs } from "./support";

test("the language switch translates the UI and is remembered for the user", async ({ page, browser }) => {
  await signInAs(page, DEMO.manager);
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
  await page.getByLabel("Language").first().selectOption("it");
  const nav = page.getByRole("navigation", { name: "Navigazione principale" });
  await expect(nav.getByRole("link", { name: "Panoramica" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Impostazioni" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");

  // Another browser, same user: Italian without choosing again.
  const other = await browser.newContext({ locale: "en-US" });
  const second = await other.newPage();
  await login(second.request, DEMO.manager);
  await second.goto("/");
  await expect(second.getByRole("button", { name: "Esci" })).toBeVisible();
  await expect(second.getByTestId("current-role")).toHaveText("Manager");
  await other.close();

  await page.getByLabel("Lingua").first().selectOption("en");
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
});

test("signed-out visitors can switch the sign-in page to Italian", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Language").selectOption("it");
  await expect(page.getByRole("heading", { name: "Accedi" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});
