import { expect, test } from "@playwright/test";
import { alertIn, DEMO, expectAccessible, signInAs } from "./support";

test("a marketer builds a form in the browser; a visitor fills its hosted page in Italian and becomes a lead with the consent they gave", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.marketer);
  await page.goto("/forms/new");
  const name = `Richiesta demo ${Date.now()}`;
  await page.getByLabel("Form name").fill(name);
  await page.getByLabel("Add a field").selectOption("country");
  await page.getByLabel("Add a field").selectOption("question");
  await page.getByLabel("Answer key").fill("team_size");
  await page.getByLabel("Answer type").selectOption("select");
  await page.getByLabel("Choices (one per line)").fill("1-10\n11-50\n50+");
  await page.getByTestId("form-field-4").getByLabel("Label (English)").fill("Team size");
  await page.getByTestId("form-field-4").getByLabel("Label (Italian)").fill("Dimensione del team");
  await page.getByLabel("Campaign of new leads (optional)").fill("Webinar primavera");
  // The preview follows the editor, in either language.
  await page.getByLabel("Preview language").selectOption("it");
  await expect(page.locator("aside").getByText("Dimensione del team")).toBeVisible();
  await page.getByRole("button", { name: "Save form" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(alertIn(page)).toHaveCount(0);
  const hosted = await page.getByRole("textbox", { name: "Hosted page" }).inputValue();
  await expectAccessible(page, null);

  // A visitor (Italian browser, not signed in) opens the hosted page.
  const visitor = await browser.newContext({
    locale: "it-IT",
    extraHTTPHeaders: { "accept-language": "it-IT,it;q=0.9" },
  });
  const form = await visitor.newPage();
  await form.goto(new URL(hosted).pathname);
  await expect(form.getByRole("heading", { name })).toBeVisible();
  await expectAccessible(form, null);
  // Sent at once and without consent: a person is told what to fix (the server keeps the minimum fill time).
  await form.getByLabel("E-mail di lavoro *").fill("lucia.rossi@ferro.example");
  await form.getByLabel("Nome *").fill("Lucia Rossi");
  await form.waitForTimeout(3_100);
  await form.getByRole("button", { name: "Invia" }).click();
  await expect(form.getByText("Spunta la casella per acconsentire")).toBeVisible();
  await expect(form.getByLabel("Nome *")).toHaveValue("Lucia Rossi");
  await form.getByLabel("Paese").selectOption("IT");
  await form.getByLabel("Dimensione del team").selectOption("11-50");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Invia" }).click();
  await expect(form.getByRole("status")).toHaveText("Grazie! Ti contatteremo a breve.");
  await visitor.close();

  // The marketer finds the lead with its channel, campaign, consent and the demo request; the form counts it.
  await page.goto("/leads?q=lucia.rossi");
  await page.getByRole("link", { name: "Lucia Rossi" }).click();
  await expect(page.getByText("Demo requested").first()).toBeVisible();
  await page.goto("/forms");
  const card = page.getByTestId(`form-${name}`);
  await expect(card).toContainText("Submissions");
  await expect(card.locator("dd").nth(1)).toContainText("1");
});
