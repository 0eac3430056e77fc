import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { alertIn, DEMO, signInAs, switchWorkspace } from "./support";

test("the admin switches between their two workspaces", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  const switcher = page.getByLabel("Switch workspace");
  await expect(switcher).toHaveValue(/.+/);
  await expect(switcher.locator("option:checked")).toHaveText("Demo");
  await switchWorkspace(page, "Demo Two");
  await page.goto("/settings/members");
  const table = page.getByTestId("members-table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + the admin alone
  await expect(table).not.toContainText(DEMO.rep1);

  await switchWorkspace(page, "Demo");
  await page.goto("/settings/members");
  await expect(page.getByTestId("members-table")).toContainText(DEMO.rep1);
});

test("invite → accept → the new member signs in with the given role", async ({ page, browser }) => {
  const email = `new-marketer-${Date.now()}@example.test`;
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/members");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Marketer" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toContain("/invite/");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  const visitor = await browser.newContext();
  const invited = await visitor.newPage();
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByRole("heading", { name: "Join Demo" })).toBeVisible();
  await invited.getByLabel("Your name").fill("Nora Newcomer");
  await invited.getByLabel("Choose a password").fill("a-long-enough-password");
  await invited.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invited.getByTestId("current-role")).toHaveText("Marketer");
  await expect(invited.getByTestId("current-user")).toContainText("Nora Newcomer");

  // The link is single-use.
  await invited.goto(new URL(link).pathname);
  await expect(alertIn(invited)).toContainText("not valid");
  await visitor.close();

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText("Marketer");
});

test("a role change takes effect on the member's next request", async ({ page, browser }) => {
  await signInAs(page, DEMO.admin);
  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signInAs(rep, DEMO.rep2);
  await expect(rep.getByTestId("current-role")).toHaveText("Sales rep");
  await rep.goto("/settings/audit");
  await expect(rep).not.toHaveURL(/\/settings\/audit/); // sales reps cannot read the audit log

  await page.goto("/settings/members");
  const row = page.getByTestId(`member-${DEMO.rep2}`);
  await row.getByRole("combobox").selectOption({ label: "Admin" });
  await expect(row.getByRole("combobox")).toHaveValue("ADMIN");

  await rep.goto("/settings/audit");
  await expect(rep.getByTestId("current-role")).toHaveText("Admin");
  await expect(rep.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(rep.getByTestId("audit-table")).toContainText("member.roleChanged");

  await row.getByRole("combobox").selectOption({ label: "Sales rep" });
  await expect(row.getByRole("combobox")).toHaveValue("SALES");
  await rep.reload();
  await expect(rep.getByTestId("current-role")).toHaveText("Sales rep");
  await repContext.close();
});

test("the last admin cannot demote themselves", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await switchWorkspace(page, "Demo Two");
  await page.goto("/settings/members");
  const row = page.getByTestId(`member-${DEMO.admin}`);
  await row.getByRole("combobox").selectOption({ label: "Manager" });
  await expect(alertIn(row)).toContainText("at least one admin");
  await page.reload();
  await expect(page.getByTestId(`member-${DEMO.admin}`).getByRole("combobox")).toHaveValue("ADMIN");
  await switchWorkspace(page, "Demo");
});

test("API tokens: created once, usable with the API, revocable", async ({ page, playwright }) => {
  await signInAs(page, DEMO.marketer);
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Token name").fill("Website form");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token").inputValue();
  expect(secret).toMatch(/^smk_/);

  const api = await playwright.request.newContext({ baseURL: page.url() });
  const me = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ role: "MARKETER", workspace: { name: "Demo" } });

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("token-Website form").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("token-Website form")).toHaveCount(0);
  const after = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toBe("application/problem+json");
  await api.dispose();
});

test("the admin exports the whole workspace as one archive file", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/workspace");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export the whole workspace" }).click(),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .split("\n")
    .filter(Boolean);
  expect(JSON.parse(lines[0] as string)).toMatchObject({
    format: "smarketing-workspace-archive",
    workspace: { name: "Demo" },
  });
  const tables = new Set(lines.slice(1).map((line) => (JSON.parse(line) as { t: string }).t));
  for (const table of ["Lead", "LeadEvent", "Handoff", "GlossaryTerm", "Persona", "Campaign", "User", "AuditLog"]) {
    expect(tables, table).toContain(table);
  }
  // Passwords never leave: users carry e-mail, name and language only.
  expect(lines.some((line) => line.includes("passwordHash"))).toBe(false);
  // The import form is offered only in an empty workspace.
  await expect(page.getByLabel("Archive to import")).toHaveCount(0);
});
