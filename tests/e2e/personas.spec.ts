import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a marketer creates a persona and a sales rep leaves field feedback on it", async ({ page, browser }) => {
  const name = `Fleet manager ${Date.now()}`;
  await signInAs(page, DEMO.marketer);
  await page.getByRole("link", { name: "Personas" }).click();
  await page.getByRole("link", { name: "New persona" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Role / title").fill("Fleet manager");
  await page.getByLabel("Industry", { exact: true }).fill("Logistics");
  await page.getByLabel("Pains").fill("Fuel costs; downtime during rollouts");
  await page.getByLabel("Events and trade fairs").check();
  await page.getByLabel("Industries").fill("logistics, retail");
  await page.getByLabel("Countries (ISO codes, e.g. IT, DE)").fill("IT, DE");
  await page.getByRole("button", { name: "Save persona" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByText("logistics, retail")).toBeVisible();

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signInAs(rep, DEMO.rep1);
  await rep.goto(page.url());
  await expect(rep.getByRole("link", { name: "Edit" })).toHaveCount(0); // reps do not edit personas
  await rep.getByRole("radio", { name: "4" }).check();
  await rep.getByLabel("What did you hear?").fill("They ask about price before features.");
  await rep.getByRole("button", { name: "Send feedback" }).click();
  await expect(rep.getByTestId("persona-feedback")).toContainText("They ask about price before features.");
  await repContext.close();

  await page.reload();
  await expect(page.getByTestId("persona-feedback")).toContainText("Luca Rep");
  await expect(page.getByText("Average match: 4 of 5 (1 review)")).toBeVisible();
});

test("two people editing a persona at once: the second save is told and keeps its text", async ({ page, browser }) => {
  const name = `Retail buyer ${Date.now()}`;
  await signInAs(page, DEMO.marketer);
  await page.goto("/personas/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save persona" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  const editUrl = `${page.url()}/edit`;

  const other = await browser.newContext();
  const manager = await other.newPage();
  await signInAs(manager, DEMO.manager);
  await manager.goto(editUrl);
  await page.goto(editUrl);

  await manager.getByLabel("Goals").fill("Faster restocking");
  await manager.getByRole("button", { name: "Save persona" }).click();
  // Exact: the edit page's own heading ("Edit: …") contains the name too.
  await expect(manager.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(manager.getByText("Faster restocking")).toBeVisible();

  await page.getByLabel("Goals").fill("Lower stock-outs");
  await page.getByRole("button", { name: "Save persona" }).click();
  await expect(page.getByText(/Marco Manager saved a newer version \(v2\)/)).toBeVisible();
  await expect(page.getByLabel("Goals")).toHaveValue("Lower stock-outs");
  await other.close();
});

test("an inverted fit range and a negative size are marked on their fields, and the first one gets the focus", async ({
  page,
}) => {
  await signInAs(page, DEMO.marketer);
  await page.goto("/personas/new");
  await page.getByLabel("Name", { exact: true }).fill(`Inverted ${Date.now()}`);
  await page.locator("#p-companySizeMin").fill("-5");
  await page.locator("#p-fitSizeMin").fill("500");
  await page.locator("#p-fitSizeMax").fill("200");
  await page.getByRole("button", { name: "Save persona" }).click();
  const sizeMin = page.locator("#p-companySizeMin").locator("..");
  const fitMax = page.locator("#p-fitSizeMax").locator("..");
  await expect(sizeMin.getByText("Cannot be negative.")).toBeVisible();
  await expect(fitMax.getByText("Must not be below the lower bound.")).toBeVisible();
  await expect(page.locator("#p-companySizeMin")).toBeFocused();
  await expect(page).toHaveURL(/\/personas\/new$/);
});
