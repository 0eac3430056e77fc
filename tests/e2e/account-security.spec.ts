import { expect, type Page, test } from "@playwright/test";
import { generate } from "otplib";
import { alertIn, DEMO, linkInMail, receivedMail, signInAs, switchWorkspace } from "./support";

/**
 * Sign-in the way companies run it, against the run's real SMTP server: an invitation and a password reset
 * followed from the received mail, two-factor sign-in set up and used (codes computed here from the secret,
 * as an authenticator app does), the workspace's policy requiring it, one's sessions. The new person joins
 * "Demo Two" and leaves it at the end, so the other journeys find the demo as it was.
 */
test.describe.configure({ mode: "serial" });

const email = `nina-${Date.now()}@example.test`;
const firstPassword = "nina-first-password";
const newPassword = "nina-second-password";
let secret = "";
let recoveryCodes: string[] = [];

async function signInWithForm(page: Page, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/signin/);
}

/** The newest 30-second step whose code was sent: the server accepts each step once. */
let lastStep = 0;
/**
 * A code the server has not seen: the app's code for the next step (accepted one step either side of now),
 * waiting for the clock when that step was already used.
 */
async function freshCode(): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000) + 1;
    if (step > lastStep) {
      lastStep = step;
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test("an invitation arrives by mail in the language chosen, and its link creates the account", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.admin);
  await switchWorkspace(page, "Demo Two");
  await page.goto("/settings/members");
  const since = Date.now();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Admin" });
  await page.getByLabel("Language of the e-mail").selectOption({ label: "Italiano" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "It was also sent by email." })).toBeVisible();

  const mail = await receivedMail(email, since);
  expect(mail.subject).toMatch(/ti ha invitato in Demo Two su Smarketing Workspace$/);
  expect(mail.language).toBe("it");
  expect(mail.text).toContain("come Amministratore");
  const link = linkInMail(mail, "/invite/");

  const visitor = await browser.newContext();
  const invited = await visitor.newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: "Join Demo Two" })).toBeVisible();
  await invited.getByLabel("Your name").fill("Nina Nuova");
  await invited.getByLabel("Choose a password").fill(firstPassword);
  await invited.getByRole("button", { name: "Accept invitation" }).click();
  // The account takes the invitation's language.
  await expect(invited.getByTestId("current-role")).toHaveText("Amministratore");
  // The session cookie: HttpOnly and SameSite=Lax (Secure too behind https, with the __Secure- prefix).
  const cookie = (await visitor.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await visitor.close();
});

test("a forgotten password is reset from the mail's link, which works once", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  const since = Date.now();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has an account`);

  // The account was created from an Italian invitation: its mail is in Italian, with a plain-text part.
  const mail = await receivedMail(email, since);
  expect(mail.subject).toBe("Reimposta la password di Smarketing Workspace");
  expect(mail.text).toContain("entro 30 minuti");
  const link = linkInMail(mail, "/reset-password/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill("something-else-entirely");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.goto(link);
  await expect(alertIn(page)).toContainText("This link is not valid");

  await signInWithForm(page, firstPassword);
  await expect(alertIn(page)).toContainText("The email or password is not correct.");
  await signInWithForm(page, newPassword);
  await expect(page.getByTestId("current-user")).toContainText("Nina Nuova");
  // Nina reads English from now on (her choice is kept with her account).
  await page.getByTestId("locale-switcher").first().selectOption("en");
  await expect(page.getByTestId("current-role").first()).toHaveText("Admin");
});

test("two-factor sign-in: set up with the QR code's key, then a fresh code, a wrong one, a reused one, a recovery code", async ({
  page,
}) => {
  await signInWithForm(page, newPassword);
  await expect(page.getByTestId("current-user")).toContainText("Nina Nuova");
  await page.goto("/settings/profile");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(alertIn(page)).toContainText("That code is not right");
  lastStep = Math.floor(Date.now() / 30_000);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(await generate({ secret, epoch: lastStep * 30 }));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  recoveryCodes = await codes.allTextContents();
  await page.getByRole("link", { name: "I have saved the codes — continue" }).click();
  // The session was replaced by a new one at the change, and this browser carries on in it.
  await expect(page.getByTestId("two-factor-status")).toContainText("10 recovery codes left");
  await signOut(page);

  await signInWithForm(page, newPassword);
  await expect(page.getByText("Your account uses two-factor sign-in.")).toBeVisible();
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(alertIn(page)).toContainText("That code is not right");
  const code = await freshCode();
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("Nina Nuova");
  await signOut(page);

  // The same code again: refused, it was used.
  await signInWithForm(page, newPassword);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(alertIn(page)).toContainText("That code is not right, or it was already used");

  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("Nina Nuova");
  await page.goto("/settings/profile");
  await expect(page.getByTestId("two-factor-status")).toContainText("9 recovery codes left");
});

test("an admin requires two-factor sign-in; a member without it can only set it up; sessions are listed and ended", async ({
  page,
  browser,
}) => {
  await signInWithForm(page, newPassword);
  test.setTimeout(120_000); // a fresh code may mean waiting for the next 30-second step
  await page.getByLabel("Code from your authenticator app").fill(await freshCode());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("Nina Nuova");
  await page.goto("/settings/workspace");
  await expect(page.getByText("1 member does not have it yet")).toBeVisible();
  await page.getByLabel("Require two-factor sign-in").check();
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The demo admin, without a second factor, is sent to set it up as soon as they work in Demo Two.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, DEMO.admin);
  await switchWorkspace(admin, "Demo Two").catch(() => undefined);
  await admin.goto("/leads");
  await expect(admin).toHaveURL(/\/two-factor$/);
  await expect(admin.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(admin.getByText("Demo Two requires a second factor at sign-in.")).toBeVisible();

  // Her own sessions: this browser first, with its device.
  await page.goto("/settings/profile");
  const sessions = page.getByTestId("sessions");
  await expect(sessions.getByText("This browser")).toBeVisible();
  await expect(sessions).toContainText("Chrome");

  // Leave the demo as it was: the policy off, then the demo admin removes Nina from Demo Two.
  await page.goto("/settings/workspace");
  await page.getByLabel("Require two-factor sign-in").uncheck();
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await admin.goto("/settings/members");
  admin.on("dialog", (dialog) => void dialog.accept());
  const row = admin.getByTestId(`member-${email}`);
  await row.getByRole("button", { name: "Sign Nina Nuova out everywhere" }).click();
  await expect(row.getByRole("status")).toContainText("Nina Nuova was signed out everywhere.");
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
  await adminContext.close();
});
