import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

test("a marketer records the legal basis at capture; a manager answers an access request and then an erasure request", async ({
  page,
  browser,
}) => {
  const email = `gdpr-${Date.now()}@privacy.example`;
  const marketer = await (await browser.newContext()).newPage();
  await signInAs(marketer, DEMO.marketer);
  await marketer.goto("/leads/new");
  await marketer.getByLabel("Email").fill(email);
  await marketer.getByLabel("Name").fill("Paola Bianchi");
  await marketer.getByLabel("Legal basis").selectOption({ label: "Consent" });
  await marketer.getByLabel("Where it was given").fill("Newsletter form on /blog");
  await marketer.getByRole("button", { name: "Save lead" }).click();
  await expect(marketer.getByRole("heading", { name: "Paola Bianchi" })).toBeVisible();
  const privacy = marketer.getByRole("region", { name: "Privacy" });
  await expect(privacy).toContainText("Consent");
  await expect(privacy).toContainText("Newsletter form on /blog");
  await expect(privacy).toContainText("Manual entry");
  // Only privacy managers get the export and erase buttons.
  await expect(privacy.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);

  await signInAs(page, DEMO.manager);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Privacy" }).click();
  await page.getByLabel("E-mail address in the request").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Find lead" }).click();
  const match = page.getByTestId("privacy-match");
  await expect(match).toContainText("Paola Bianchi");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    match.getByRole("link", { name: "Download personal data (JSON)" }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(exported.lead).toMatchObject({ email, name: "Paola Bianchi" });
  expect(exported.consent).toMatchObject({ legalBasis: "CONSENT", source: "Newsletter form on /blog" });

  await match.getByRole("button", { name: "Erase personal data" }).click();
  await match.getByRole("button", { name: "Yes, erase" }).click();
  // The page re-reads the same request once the erasure is done: the address finds nothing any more.
  await expect(page.getByTestId("privacy-none")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("privacy-none")).toBeVisible();

  await marketer.reload();
  await expect(marketer.getByRole("heading", { name: "Erased lead" })).toBeVisible();
  await expect(marketer.getByTestId("erased-notice")).toBeVisible();
  await expect(marketer.locator("main")).not.toContainText("Paola");
  await expect(marketer.locator("main")).not.toContainText(email);
});
