/** Small things people meet every day: the tab's icon, a page their role cannot open, a token's copy button. */
import { expect, test } from "@playwright/test";
import { alertIn, DEMO, marketerToken, signInAs } from "./support";

test("every page names an icon the server has (no 404 for the tab's icon)", async ({ page }) => {
  await signInAs(page, DEMO.rep1);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href as string);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("a rep sent to a page their role cannot open is told why on the overview", async ({ page }) => {
  await signInAs(page, DEMO.rep1);
  await page.goto("/settings/audit");
  await expect(page).toHaveURL(/\/\?denied=1$/);
  await expect(alertIn(page)).toHaveText(
    "That page is not open to your role (Sales rep). Ask an admin if you need it.",
  );
  await page.goto("/");
  await expect(alertIn(page)).toHaveCount(0);
});

test("a new API token's copy button says it copies the token", async ({ page }) => {
  await signInAs(page, DEMO.marketer);
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Token name").fill(`Copy check ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy token" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
});

test("a name with a right-to-left override is isolated and cannot reorder the text beside it", async ({ page }) => {
  const secret = await marketerToken(page);
  const stamp = Date.now();
  const name = `\u202Eevil name ${stamp}`;
  const created = await page.request.post("/api/v1/leads", {
    headers: { authorization: `Bearer ${secret}` },
    data: { email: `rtl.${stamp}@bidi.example`, name, title: "Buyer", company: "Acme" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/leads?q=${stamp}`);
  await expect(page.getByTestId("leads-table").locator("bdi", { hasText: "evil name" })).toHaveCount(1);
  await page.goto(`/leads/${id}`);
  await expect(page.locator("h1 bdi")).toHaveText(name);
  // Title and company each in their own isolate.
  await expect(page.locator("header p bdi")).toHaveText(["Buyer", "Acme"]);
});

test("a marketer logs a demo request on the lead's page and sees the score change at once", async ({ page }) => {
  const secret = await marketerToken(page);
  const stamp = Date.now();
  const created = await page.request.post("/api/v1/leads", {
    headers: { authorization: `Bearer ${secret}` },
    data: { email: `activity.${stamp}@log.example`, name: `Activity ${stamp}` },
  });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/leads/${id}`);
  await page.getByRole("button", { name: "Log an activity…" }).click();
  const form = page.getByTestId("log-activity");
  await form.getByLabel("What happened").selectOption({ label: "Demo requested" });
  await form.getByLabel("Note (optional)").fill("Asked for a demo at the fair");
  await form.getByRole("button", { name: "Log activity" }).click();
  await expect(page.getByTestId("activity-result")).toHaveText(/^Logged\. Score [\d.]+ → [\d.]+ \(\+40\)\./);
  await expect(page.getByTestId("timeline")).toContainText("Demo requested · Asked for a demo at the fair");
});
