import { expect, test } from "@playwright/test";
import { startReceiver } from "../support/webhook-receiver";
import { alertIn, DEMO, expectAccessible, marketerToken, qualifyLead, signInAs } from "./support";

test("an admin points a webhook and Slack at the company's tools: a new MQL arrives signed and in Slack, the log shows it", async ({
  page,
  browser,
}) => {
  let secret: string | null = null;
  const crm = await startReceiver(() => secret);
  const slack = await startReceiver();
  page.on("dialog", (dialog) => void dialog.accept());
  try {
    await signInAs(page, DEMO.admin);
    await page.goto("/settings/webhooks");

    // A private address is refused with words, before anything is saved.
    await page.getByLabel("URL", { exact: true }).fill("http://10.0.0.8/hooks");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("This address is private or local")).toBeVisible();

    await page.getByLabel("URL", { exact: true }).fill(crm.url);
    await page.getByLabel("Description").fill("CRM sync");
    await page.getByRole("button", { name: "All", exact: true }).click();
    await page.getByRole("button", { name: "Add webhook" }).click();
    secret = await page.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId(`webhook-${crm.url}`)).toContainText("Active");

    await page.getByLabel("Slack incoming-webhook URL").fill(slack.url);
    await page.getByRole("button", { name: "Connect Slack" }).click();
    await expect(page.getByText("Connected", { exact: true })).toBeVisible();

    // A marketer's integration captures a lead that qualifies: the CRM hears it, verified, in order; Slack too.
    const marketer = await browser.newPage();
    const token = await marketerToken(marketer);
    const name = `Webhook Lead ${Date.now()}`;
    const leadId = await qualifyLead(marketer.request, token, name);
    await marketer.close();
    await expect
      .poll(() => crm.received.filter((r) => r.leadId === leadId).map((r) => r.type), { timeout: 20_000 })
      .toEqual(["lead.created", "lead.mql", "handoff.created"]);
    expect(crm.received.every((r) => r.verified)).toBe(true);
    await expect
      .poll(() => slack.received.map((r) => (JSON.parse(r.body) as { text: string }).text).join("\n"))
      .toContain(`/leads/${leadId}|${name}`);

    // The delivery log shows each event delivered.
    await page.getByTestId(`webhook-${crm.url}`).getByRole("link", { name: "Delivery log" }).click();
    await expect(page.getByRole("heading", { name: `Delivery log: ${crm.url}` })).toBeVisible();
    await expect(page.getByTestId("delivery-row").filter({ hasText: "Lead became MQL" }).first()).toContainText(
      "Delivered",
    );
    await expect(alertIn(page)).toHaveCount(0);
    await expectAccessible(page, new URL(page.url()).pathname);

    // Leave the demo as it was: delete the webhook, disconnect Slack.
    await page.getByRole("link", { name: "All webhooks" }).click();
    await page.getByTestId(`webhook-${crm.url}`).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId(`webhook-${crm.url}`)).toHaveCount(0);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByText("Not connected", { exact: true })).toBeVisible();
  } finally {
    await crm.close();
    await slack.close();
  }
});
