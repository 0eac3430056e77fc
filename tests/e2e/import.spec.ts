import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a CSV with bad rows imports the good ones and reports the bad ones", async ({ page }) => {
  const stamp = Date.now();
  const csv = [
    "E-mail;Nome;Azienda;Dipendenti",
    `anna.${stamp}@import.example;Anna Verdi;Verdi Trasporti;80`,
    `not-an-email;Broken Row;Nope;10`,
    `luca.${stamp}@import.example;Luca Blu;Blu Logistica;many`,
    `sara.${stamp}@import.example;Sara Neri;Neri Retail;250`,
  ].join("\n");
  await signInAs(page, DEMO.marketer);
  await page.goto("/leads");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page
    .locator("input#csv-file")
    .setInputFiles({ name: "fiera.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  // Italian headers are recognised; the preview shows the mapped columns.
  await expect(page.getByLabel("Email (required)")).toHaveValue("E-mail");
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Azienda");
  await expect(page.getByTestId("import-preview")).toContainText("Verdi Trasporti");
  await page.getByRole("button", { name: "Import 4 rows" }).click();

  const status = page.getByTestId("import-status");
  // A run with rejected rows says so in its heading (not a plain "Completed").
  await expect(status.getByRole("heading", { name: "Completed with 2 rejected rows" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(status).toContainText("4 of 4 rows");
  await expect(status.getByText("Created", { exact: true }).locator("..")).toContainText("2");
  await expect(status.getByText("Rejected", { exact: true }).locator("..")).toContainText("2");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download rejected rows with reasons" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const report = Buffer.concat(text).toString("utf8");
  expect(report).toContain("not-an-email");
  // Reasons in the reader's words, never the schema's keys.
  expect(report).toContain("Email: Enter a valid email address.");
  expect(report).toContain("Company size");
  expect(report).not.toContain("invalidEmail");

  await page.goto(`/leads?q=${stamp}`);
  await expect(page.getByTestId("lead-count")).toHaveText("2 leads");
});

test("channels written as the app shows them, in English or Italian, import without a rejection", async ({ page }) => {
  const stamp = Date.now();
  const csv = [
    "Email,Name,Channel",
    `fair.${stamp}@import.example,Fair One,Events and trade fairs`,
    `fiera.${stamp}@import.example,Fiera Due,eventi e fiere`,
    `search.${stamp}@import.example,Search Three,PAID_SEARCH`,
  ].join("\n");
  await signInAs(page, DEMO.marketer);
  await page.goto("/leads/import");
  await page
    .locator("input#csv-file")
    .setInputFiles({ name: "channels.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  const status = page.getByTestId("import-status");
  await expect(status.getByRole("heading", { name: "Completed", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(status.getByText("Rejected", { exact: true }).locator("..")).toContainText("0");
  await page.goto(`/leads?q=${stamp}&channel=EVENTS`);
  await expect(page.getByTestId("lead-count")).toHaveText("2 leads");
});

test("the whole file is checked before anything is written, and unknown channels are mapped by hand", async ({
  page,
}) => {
  const stamp = Date.now();
  const csv = [
    "Email,Name,Channel,Country",
    `m1.${stamp}@import.example,Mapped One,Fiera di Milano,Italia`,
    `m2.${stamp}@import.example,Mapped Two,fiera di milano,Germany`,
    `bad-email-${stamp},Broken,Social,IT`,
    `m3.${stamp}@import.example,Known Three,Social,Atlantis`,
  ].join("\n");
  await signInAs(page, DEMO.marketer);
  await page.goto("/leads/import");
  await page
    .locator("input#csv-file")
    .setInputFiles({ name: "wizard.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const check = page.getByTestId("import-check");
  await expect(check.getByText("Rows rejected", { exact: true }).locator("..")).toContainText("4");
  // Each rejected row with its reasons in words, before any write.
  const rejections = page.getByTestId("import-check-rejections");
  await expect(rejections).toContainText(`bad-email-${stamp}`);
  await expect(rejections).toContainText("Email: Enter a valid email address.");
  await expect(rejections).toContainText("Channel: Unknown channel");
  await page.goto(`/leads?q=${stamp}`);
  await expect(page.getByTestId("lead-count")).toHaveText("0 leads");
  await page.goBack();
  await page
    .locator("input#csv-file")
    .setInputFiles({ name: "wizard.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The two spellings of one unknown value are one choice; countries are chosen from a list.
  const channels = page.getByTestId("unknown-channel");
  await expect(channels).toContainText("(2 rows)");
  await channels.getByLabel(/Fiera di Milano/).selectOption({ label: "Events and trade fairs" });
  await page
    .getByTestId("unknown-country")
    .getByLabel(/Atlantis/)
    .selectOption({ label: "Greece (GR)" });
  await expect(check).toContainText("The mapping changed since this check");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Check again with these choices" }).click();
  await expect(check.getByText("Rows rejected", { exact: true }).locator("..")).toContainText("1");
  await expect(check.getByText("New leads", { exact: true }).locator("..")).toContainText("3");
  await page.getByRole("button", { name: "Import 4 rows" }).click();

  const status = page.getByTestId("import-status");
  await expect(status.getByRole("heading", { name: "Completed with 1 rejected row" })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(`/leads?q=${stamp}&channel=EVENTS`);
  await expect(page.getByTestId("lead-count")).toHaveText("2 leads");
});
