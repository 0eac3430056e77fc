import { expect, test } from "@playwright/test";
import { alertIn, DEMO, signInAs } from "./support";

test("a marketer proposes the MQL definition, a sales rep approves it: agreed with both names", async ({
  page,
  browser,
}) => {
  const definition = `A lead scoring at least 60 points with a demo request in the last 30 days (${Date.now()}).`;
  await signInAs(page, DEMO.marketer);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Glossary" }).click();
  await page.getByLabel("Search terms").fill("MQL");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: "MQL", exact: true }).click();
  await page.getByRole("link", { name: "Propose a change" }).click();
  await expect(page.getByRole("heading", { name: "Propose a change: MQL" })).toBeVisible();
  await page.getByLabel("Definition", { exact: true }).first().fill(definition);
  await page.getByLabel("Why this change (optional)").fill("Make the threshold explicit");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByRole("heading", { name: "MQL", exact: true })).toBeVisible();
  const proposal = page.getByTestId("revision-2");
  await expect(proposal).toContainText(/by \W?Giulia Marketer/);
  await expect(proposal).toContainText("Still needs: sales (a sales rep)");
  // Proposers cannot approve their own revision.
  await expect(proposal.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signInAs(rep, DEMO.rep1);
  await rep.goto(page.url());
  await rep.getByTestId("revision-2").getByRole("button", { name: "Approve" }).click();
  await expect(rep.getByTestId("term-in-force")).toContainText(definition);
  await expect(rep.getByTestId("agreed-by")).toContainText(/Giulia Marketer\W*\(Marketer, proposer\)/);
  await expect(rep.getByTestId("agreed-by")).toContainText(/Luca Rep\W*\(Sales rep\)/);
  await repContext.close();

  await page.reload();
  await expect(page.getByText("Agreed", { exact: true }).first()).toBeVisible();
  // The marketer followed the term and is notified.
  await expect(page.getByTestId("unread-badge")).toBeVisible();

  // The agreed definition now shows where the app uses the word.
  await page.goto("/");
  const mql = page.getByTestId("lifecycle").getByRole("button", { name: "Definition of MQL" });
  await mql.focus();
  await expect(page.getByRole("tooltip")).toContainText(definition);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
});

test("bad input keeps the text and says what is wrong", async ({ page }) => {
  await signInAs(page, DEMO.rep2);
  await page.goto("/glossary/new");
  await page.getByLabel("Name", { exact: true }).first().fill("Hot lead");
  await page.getByLabel("Definition", { exact: true }).first().fill("<script>alert('x')</script> a lead that is hot");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByText("Use plain text: HTML tags are not allowed.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true }).first()).toHaveValue("Hot lead");

  await page.getByLabel("Name", { exact: true }).first().fill("SQL");
  await page.getByLabel("Definition", { exact: true }).first().fill("A lead that sales accepted.");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByText("Another term already uses this name in this language.")).toBeVisible();
  await expect(alertIn(page)).toContainText("Some fields need attention.");
});

test("the Italian UI shows the Italian text of terms", async ({ page }) => {
  await signInAs(page, DEMO.manager);
  await page.getByLabel("Language").first().selectOption("it");
  await page
    .getByRole("navigation", { name: "Navigazione principale" })
    .getByRole("link", { name: "Glossario" })
    .click();
  await expect(page.getByRole("heading", { name: "Glossario" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Passaggio alle vendite" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tasso di conversione" })).toBeVisible();
  await page.getByRole("link", { name: "Tasso di conversione" }).click();
  await expect(page.getByText("Modifiche proposte")).toBeVisible();
  await page.getByLabel("Lingua").first().selectOption("en");
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Glossary" }),
  ).toBeVisible();
});

test("related terms are picked from a searchable list, not a Ctrl-click box", async ({ page }) => {
  const name = `Pipeline velocity ${Date.now()}`;
  await signInAs(page, DEMO.marketer);
  await page.goto("/glossary/new");
  await page.getByLabel("Name", { exact: true }).first().fill(name);
  await page.getByLabel("Definition", { exact: true }).first().fill("How fast qualified deals move to won.");
  const related = page.getByRole("group", { name: "Related terms" });
  await related.getByLabel("Search Related terms").fill("mql");
  await related.getByRole("checkbox", { name: "MQL", exact: true }).check();
  // The choice stays as a chip when the search changes, and can be removed from there.
  await related.getByLabel("Search Related terms").fill("sql");
  await related.getByRole("checkbox", { name: "SQL", exact: true }).check();
  await expect(related.getByRole("button", { name: "Remove MQL" })).toBeVisible();
  await related.getByRole("button", { name: "Remove SQL" }).click();
  await expect(related.getByRole("checkbox", { name: "SQL", exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Related terms: MQL");
});
