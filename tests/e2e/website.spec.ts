import { expect, test } from "@playwright/test";
import { sitePage, startStaticSite } from "../support/static-site";
import { alertIn, DEMO, expectAccessible, signInAs } from "./support";

// A person's browser (a headless one says so in its user agent, and the collector drops it like any bot).
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
const CAMPAIGN = "Google Ads – fleet software";

test("a form and the tracking snippet on another site: a visitor's pages, consent and submission make a scored lead with its source, and later pages follow it to sales", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The company's site and a stranger's, each on a port (an origin) of its own; their pages are set below.
  const pages: Record<string, string> = {};
  const strangerPages: Record<string, string> = {};
  const site = await startStaticSite(pages);
  const stranger = await startStaticSite(strangerPages);
  try {
    // The marketer builds a demo-request form and allows the company's site to embed it…
    await signInAs(page, DEMO.marketer);
    await page.goto("/forms/new");
    const name = `Website demo ${Date.now()}`;
    await page.getByLabel("Form name").fill(name);
    await page.getByLabel("Origins, one per line").fill(site.origin);
    await page.getByRole("button", { name: "Save form" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const embed = await page.getByTestId("embed-snippet").inputValue();
    expect(embed).toContain(`${baseURL}/embed.js`);

    // …and sets up tracking for it: the site's origin, consent required (the default), the default rules.
    await page.goto("/forms");
    await page.getByRole("link", { name: "Website tracking" }).click();
    await page.getByLabel("Websites that may send page views, one origin per line").fill(site.origin);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(alertIn(page)).toHaveCount(0);
    await page.reload();
    const snippet = await page.getByTestId("tracking-snippet").inputValue();
    expect(snippet).toContain('data-consent="required"');
    await expectAccessible(page, null);

    // The site: every page has the snippet and a cookie banner; the demo page has the form.
    const banner = `<p><button type="button" onclick="smk('consent', true)">Accept cookies</button></p>`;
    pages["/"] = sitePage("Acme fleet", snippet, `<h1>Acme fleet</h1>${banner}<a href="/pricing">Pricing</a>`);
    pages["/pricing"] = sitePage("Pricing", snippet, `<h1>Pricing</h1><a href="/demo">Book a demo</a>`);
    pages["/demo"] = sitePage("Book a demo", snippet, `<h1>Book a demo</h1>${embed}`);
    strangerPages["/"] = sitePage("Someone else", "", `<h1>Someone else</h1>${embed}`);

    // A visitor comes from a paid search ad, accepts cookies, reads the pricing and books a demo.
    const visitor = await browser.newContext({ userAgent: CHROME, locale: "en-GB" });
    const tab = await visitor.newPage();
    const beacons: string[] = [];
    tab.on("request", (request) => {
      if (request.url().endsWith("/api/collect")) beacons.push(request.postData() ?? "");
    });
    await tab.goto(`${site.origin}/?utm_source=google&utm_medium=cpc&utm_campaign=${encodeURIComponent(CAMPAIGN)}`);
    // Nothing is sent or stored before consent.
    await tab.waitForTimeout(500);
    expect(beacons).toHaveLength(0);
    expect(await tab.evaluate(() => localStorage.getItem("smk_vid"))).toBeNull();
    await tab.getByRole("button", { name: "Accept cookies" }).click();
    await expect.poll(() => beacons.length).toBe(1);
    await tab.getByRole("link", { name: "Pricing" }).click();
    await tab.getByRole("link", { name: "Book a demo" }).click();
    await expect.poll(() => beacons.length).toBe(3);
    const email = `elena.${Date.now()}@logistica.example`;
    await tab.getByLabel("Work e-mail *").fill(email);
    await tab.getByLabel(/^Name/).fill("Elena Conti");
    await tab.getByLabel(/^Company/).fill("Logistica Conti");
    await tab.waitForTimeout(3_100);
    await tab.getByRole("button", { name: "Send" }).click();
    // Consent is required by the form: the visitor is told, in place, and ticks it.
    await expect(tab.getByText("Tick the box to agree")).toBeVisible();
    await expect(tab.getByRole("checkbox")).toBeFocused();
    await tab.getByRole("checkbox").check();
    await tab.getByRole("button", { name: "Send" }).click();
    await expect(tab.getByRole("status")).toContainText("Thank you");
    await expectAccessible(tab, null);

    // A bot filling the honeypot, and a script sending at once: both hear "thank you", neither is stored.
    const bots = await browser.newContext({ userAgent: CHROME });
    const botTab = await bots.newPage();
    await botTab.goto(`${site.origin}/demo`);
    await botTab.getByLabel("Work e-mail *").fill(`fast.${Date.now()}@bot.example`);
    await botTab.getByRole("checkbox").check();
    await botTab.getByRole("button", { name: "Send" }).click();
    await expect(botTab.getByRole("status")).toContainText("Thank you");
    await botTab.goto(`${site.origin}/demo`);
    await botTab.getByLabel("Work e-mail *").fill(`honeypot.${Date.now()}@bot.example`);
    await botTab.locator('input[name="website"]').evaluate((input: HTMLInputElement) => {
      input.value = "http://spam.example";
    });
    await botTab.getByRole("checkbox").check();
    await botTab.waitForTimeout(3_100);
    await botTab.getByRole("button", { name: "Send" }).click();
    await expect(botTab.getByRole("status")).toContainText("Thank you");

    // A site the form does not list cannot show it, and its posts are refused by the server.
    await botTab.goto(`${stranger.origin}/`);
    await expect(botTab.getByText("This form is not available.")).toBeVisible();
    const formId = /data-form="([^"]+)"/.exec(embed)?.[1] ?? "";
    const refused = await page.request.post(`/api/forms/${formId}`, {
      headers: { origin: stranger.origin, "content-type": "application/x-www-form-urlencoded" },
      data: `email=${encodeURIComponent(`stranger.${Date.now()}@else.example`)}&consent=on`,
    });
    expect(refused.status()).toBe(403);
    await bots.close();

    // The marketer finds one lead: the ad's channel and campaign, the consent wording, the pages as events.
    await page.goto(`/leads?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: "Elena Conti" }).click();
    await expect(page.getByRole("heading", { name: "Elena Conti", level: 1 })).toBeVisible();
    await expect(page.getByText("Paid search").first()).toBeVisible();
    await expect(page.getByText(CAMPAIGN).first()).toBeVisible();
    await expect(page.getByText(/First touch/)).toBeVisible();
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toContainText("Demo requested");
    await expect(timeline).toContainText("Pricing page viewed");
    await expect(timeline.getByText(/^Page viewed/)).toHaveCount(2);
    await expect(page.getByText(`Form "${name}", consent v1`)).toBeVisible();
    for (const bot of ["fast.", "honeypot."]) {
      await page.goto(`/leads?q=${bot}`);
      await expect(page.getByText("@bot.example")).toHaveCount(0);
    }

    // Back on the site, the now-known visitor reads the pricing again: the lead qualifies and goes to sales.
    await tab.goto(`${site.origin}/pricing`);
    await expect.poll(() => beacons.length).toBe(4);
    await visitor.close();
    await page.goto(`/leads?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: "Elena Conti" }).click();
    await expect(page.getByRole("heading", { name: "Elena Conti", level: 1 })).toBeVisible();
    // Within seconds the new view is the lead's event; with two pricing views and the demo request the lead is an
    // MQL under the demo model (other tests may have made it one sooner) and is handed to a rep.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("timeline").getByText(/^Pricing page viewed/)).toHaveCount(2, { timeout: 1_000 });
      await expect(page.getByTestId("lead-handoffs")).toContainText("Open", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    await site.close();
    await stranger.close();
  }
});
