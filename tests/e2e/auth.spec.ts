import { expect, test } from "@playwright/test";
import { alertIn, DEMO, DEMO_PASSWORD } from "./support";

const ROLE_LABEL = {
  [DEMO.admin]: "Admin",
  [DEMO.manager]: "Manager",
  [DEMO.marketer]: "Marketer",
  [DEMO.rep1]: "Sales rep",
  [DEMO.rep2]: "Sales rep",
};

test.describe("sign-in and sign-out", () => {
  for (const [email, role] of Object.entries(ROLE_LABEL)) {
    test(`${email} signs in, sees the shell with role ${role}, and signs out`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByTestId("current-role")).toHaveText(role);
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto("/settings/members");
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.manager);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertIn(page)).toHaveText("The email or password is not correct.");

    await page.getByLabel("Email").fill("nobody-here@demo.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertIn(page)).toHaveText("The email or password is not correct.");
  });

  test("repeated failures are rate-limited with a retry time", async ({ page }) => {
    const email = `locked-${Date.now()}@demo.test`;
    await page.goto("/signin");
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(alertIn(page)).toHaveText("The email or password is not correct.");
    }
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(alertIn(page)).toContainText(/Too many failed attempts\. Try again in \d+ minutes?\./);
  });
});
