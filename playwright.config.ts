import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// One port per run, shared with the workers through the environment.
process.env.E2E_PORT ??= String(3100 + (process.pid % 700));
const port = Number(process.env.E2E_PORT);
// The two app servers behind the balancer on `port` (see scripts/e2e-server.ts).
process.env.E2E_INSTANCE_PORTS ??= `${port + 1000},${port + 2000}`;
// The test harness's control plane for the fault tests (stop/start PostgreSQL, kill/start an app server).
process.env.E2E_CONTROL_PORT ??= String(port + 3000);
// The SMTP server that receives the mail the app sends during the run (read back through the control plane).
process.env.E2E_SMTP_PORT ??= String(port + 4000);
// The OpenID Connect provider of the single sign-on journey.
process.env.E2E_IDP_PORT ??= String(port + 5000);

/** Debian's Chromium where the Playwright browser cannot be downloaded (CI, air-gapped); Playwright's own elsewhere. */
const systemChromium = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    locale: "en-GB",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
