import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a marketer backtests a rule change on past leads and publishes it with the figures cited", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, DEMO.marketer);
  await page.goto("/rules");
  // The example: content downloads are worth less (only lowers scores: nobody becomes MQL on publish).
  const content = page.getByRole("group", { name: "Content downloaded" });
  await content.getByLabel("Points", { exact: true }).fill("2");

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

  // Cited in the publish note, then published: the version history keeps the backtest with the version.
  await results.getByRole("button", { name: "Cite in the publish note" }).click();
  await expect(page.getByLabel("Why this change")).toHaveValue(/^Backtest on [\d,]+ leads created .* precision .*AUC/);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "published" })).toContainText(
    /published: \d+ leads re-scored/,
  );
  await expect(page.getByTestId("rules-in-force")).toContainText("Why: Backtest on");
  await expect(page.getByTestId("version-backtest").first()).toContainText(/Backtest on [\d,]+ leads created/);
});
