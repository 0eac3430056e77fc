import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a marketer backtests a rule change, opens sales' suggestion as a draft and publishes it with its backtest cited", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, DEMO.marketer);
  await page.goto("/rules");
  // A marketer's own idea first: email opens are worth nothing (only lowers scores: nobody becomes MQL on publish).
  await page.getByRole("group", { name: "Email opened" }).getByLabel("Points", { exact: true }).fill("0");

  const backtest = page.getByTestId("backtest");
  await expect(backtest.getByLabel("Cut-off (days after creation)")).toHaveValue("30");
  await backtest.getByLabel("Outcome").selectOption({ label: "accepted by sales (SQL)" });
  await backtest.getByRole("button", { name: "Save the draft and run the backtest" }).click();
  const results = page.getByTestId("backtest-results");
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("backtest-progress")).toHaveCount(0);

  // Both models side by side, with their figures.
  const table = page.getByTestId("backtest-side-by-side");
  await expect(table.locator("thead")).toContainText(/In force \(v\d+\)/);
  await expect(table.locator("thead")).toContainText(/Draft \(v\d+\)/);
  await expect(table.getByRole("row", { name: /Precision/ })).toContainText(/\d+(\.\d)?%.*\d+(\.\d)?%/);
  await expect(table.getByRole("row", { name: /Area under the ROC curve/ })).toContainText(/0\.\d{1,3}/);
  await expect(results).toContainText(/[\d,]+ leads created \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, each scored 30 days/);
  await expect(page.getByTestId("backtest-lift").getByTestId("bar-row")).toHaveCount(10);
  await expect(page.getByTestId("backtest-curve")).toBeVisible();

  // Sales returned most content downloaders as not a fit: the rules page says so and proposes the change.
  const suggestion = page.getByTestId("suggestion").filter({ hasText: "Content downloaded" });
  await expect(suggestion).toContainText(
    /Lower “Content downloaded” from 5 to \d points: of its \d+ MQLs, \d+ were returned/,
  );
  await expect(suggestion).toContainText(/95 % interval/);
  page.once("dialog", (dialog) => dialog.accept());
  await suggestion.getByRole("button", { name: "Open as a draft and backtest it" }).click();
  // The draft is the rules in force with that change, its note says why, and its backtest runs at once.
  await expect(page).toHaveURL(/\/rules#backtest$/);
  await expect(page.getByLabel("Why this change")).toHaveValue(
    /^Suggested from sales' returns: Lower “Content downloaded”/,
  );
  await expect(page.getByTestId("backtest-results")).toBeVisible({ timeout: 60_000 });

  // Cited in the publish note, then published: the version history keeps the backtest with the version.
  await page.getByTestId("backtest-results").getByRole("button", { name: "Cite in the publish note" }).click();
  await expect(page.getByLabel("Why this change")).toHaveValue(
    /Suggested from .* — Backtest on [\d,]+ leads created .* precision .*AUC/,
  );
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "published" })).toContainText(
    /published: \d+ leads re-scored/,
  );
  await expect(page.getByTestId("rules-in-force")).toContainText("Backtest on");
  await expect(page.getByTestId("version-backtest").first()).toContainText(/Backtest on [\d,]+ leads created/);
});

test("both sides agree a term the rules rely on, and the manager sees the alignment index move", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.manager);
  const alignment = page.getByTestId("alignment");
  await expect(alignment.getByTestId("alignment-index")).toHaveText(/^\d+([.,]\d)?$/);
  await expect(alignment.getByTestId("alignment-parts")).toContainText("Qualification terms agreed");
  await alignment.getByText("Table view").click();
  const thisMonth = alignment.getByTestId("alignment-table").locator("tbody tr").last();
  await expect(thisMonth).toContainText("(so far)");
  const indexBefore = (await thisMonth.locator("td").first().textContent()) ?? "";
  const termsBefore = (await thisMonth.locator("td").nth(4).textContent()) ?? "";

  // "Lead scoring" (a term the rules rely on) is agreed by a marketer and a sales rep.
  for (const who of [DEMO.marketer, DEMO.rep1]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInAs(other, who);
    await other.goto("/glossary");
    await other.getByLabel("Search terms").fill("Lead scoring");
    await other.getByRole("button", { name: "Filter" }).click();
    await other.getByRole("link", { name: "Lead scoring", exact: true }).click();
    await other.getByTestId("revision-1").getByRole("button", { name: "Approve" }).click();
    await expect(other.getByTestId("revision-1").getByRole("button", { name: "Approve" })).toHaveCount(0);
    await context.close();
  }

  await page.reload();
  await alignment.getByText("Table view").click();
  await expect(thisMonth.locator("td").nth(4)).not.toHaveText(termsBefore);
  await expect(thisMonth.locator("td").first()).not.toHaveText(indexBefore);
});
