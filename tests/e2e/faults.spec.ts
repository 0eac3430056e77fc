/**
 * Faults, on the real deployment shape (two app servers, one PostgreSQL):
 * - PostgreSQL restarts while the app runs: requests during the outage fail
 *   with a clear 503, the app recovers by itself (live updates included), and
 *   every acknowledged write is there;
 * - an app server is SIGKILLed during API ingestion and during a CSV import:
 *   acknowledged writes are all there, idempotency keys replay, the import
 *   shows as interrupted and resumes to completion without duplicates.
 * The harness's control plane (scripts/e2e-server.ts) stops/starts PostgreSQL and kills/starts app servers.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO, login, signInAs, switchWorkspace } from "./support";

const [portA, portB] = (process.env.E2E_INSTANCE_PORTS ?? "").split(",");
const controlPort = process.env.E2E_CONTROL_PORT;
const on = (port: string | undefined, path: string) => `http://localhost:${port}${path}`;

async function control(api: APIRequestContext, command: string) {
  const response = await api.post(`http://127.0.0.1:${controlPort}${command}`, { timeout: 120_000 });
  expect(response.status(), `${command}: ${await response.text()}`).toBe(200);
}

async function marketerToken(page: Page) {
  await signInAs(page, DEMO.marketer);
  return newToken(page);
}

/**
 * The bulk fault tests write thousands of leads: into the second demo workspace, so the journeys that follow
 * (which re-score every lead of "Demo") keep their size.
 */
async function adminInDemoTwo(page: Page) {
  await signInAs(page, DEMO.admin);
  await switchWorkspace(page, "Demo Two");
}

async function newToken(page: Page) {
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Token name").fill(`Faults ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByTestId("new-token").inputValue();
}

async function openCount(page: Page): Promise<number> {
  const badge = page.getByTestId("handoff-badge");
  return (await badge.count()) ? Number.parseInt((await badge.textContent()) ?? "0", 10) : 0;
}

type Sent = { key: string; email: string; status: number; id?: string; detail?: string };

/** One lead per call, each with its own Idempotency-Key; network failures are recorded, not thrown. */
async function sendLead(api: APIRequestContext, base: string, secret: string, key: string): Promise<Sent> {
  const email = `${key}@faults.example`;
  try {
    const response = await api.post(`${base}/api/v1/leads`, {
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": key },
      data: { email, name: `Fault ${key}`, channel: "EVENTS" },
      timeout: 20_000,
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string; detail?: string };
    return { key, email, status: response.status(), id: body.id, detail: body.detail };
  } catch {
    return { key, email, status: 0 };
  }
}

async function expectAllAcknowledgedStored(api: APIRequestContext, secret: string, sent: Sent[]) {
  const acknowledged = sent.filter((s) => s.status === 201 || s.status === 200);
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const s of acknowledged) {
    const stored = await api.get(`/api/v1/leads/${s.id}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(stored.status(), s.email).toBe(200);
    expect(((await stored.json()) as { email: string }).email).toBe(s.email);
  }
  // Every request, acknowledged or not, retried with its key: one lead per key, acknowledged ones replayed as they were.
  for (const s of sent) {
    const again = await sendLead(api, "", secret, s.key);
    expect([200, 201], `${s.key} → ${again.status} ${again.detail ?? ""}`).toContain(again.status);
    if (s.id) expect(again.id).toBe(s.id);
  }
}

test.describe.configure({ mode: "serial" });

test("PostgreSQL restarts while the app runs: a clear 503 meanwhile, recovery by itself, nothing acknowledged lost", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const secret = await marketerToken(page);
  // Both reps' inboxes stay open on server A through the outage (routing picks either for the next MQL).
  const reps = await Promise.all(
    [DEMO.rep1, DEMO.rep2].map(async (email) => {
      const rep = await (await browser.newContext()).newPage();
      await login(rep.request, email);
      await rep.goto(on(portA, "/handoffs"));
      return rep;
    }),
  );

  const run = `pg${Date.now()}`;
  const sent: Sent[] = [];
  let sending = true;
  const writer = (async () => {
    for (let i = 0; sending; i++) {
      sent.push(await sendLead(request, "", secret, `${run}-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const acknowledged = () => sent.filter((s) => s.status === 201).length;

  await expect.poll(acknowledged).toBeGreaterThan(3);
  await control(request, "/db/stop");
  await expect.poll(() => sent.filter((s) => s.status === 503).length, { timeout: 20_000 }).toBeGreaterThan(2);
  const health = await request.get(on(portA, "/api/health"));
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ status: "degraded", database: "unreachable" });
  await control(request, "/db/start");

  // Both app servers recover on their own, and writes are acknowledged again.
  for (const port of [portA, portB]) {
    await expect.poll(async () => (await request.get(on(port, "/api/health"))).status(), { timeout: 30_000 }).toBe(200);
  }
  const acknowledgedBefore = acknowledged();
  await expect.poll(acknowledged, { timeout: 15_000 }).toBeGreaterThan(acknowledgedBefore + 3);
  sending = false;
  await writer;

  const refused = sent.filter((s) => s.status !== 201);
  expect(refused.length).toBeGreaterThan(0);
  expect(
    refused.every((s) => s.status === 503),
    JSON.stringify(refused.slice(0, 3)),
  ).toBe(true);
  expect(refused[0]?.detail).toMatch(/database is unavailable/i);
  await expectAllAcknowledgedStored(request, secret, sent);

  // Live updates resumed (each server's LISTEN connection came back): a new MQL reaches an inbox without reload.
  const headers = { authorization: `Bearer ${secret}` };
  const openBefore = await Promise.all(reps.map(openCount));
  const name = `After Restart ${Date.now()}`;
  const created = await request.post("/api/v1/leads", {
    headers,
    data: { email: `${run}-mql@faults.example`, name, channel: "EVENTS" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const type of ["DEMO_REQUESTED", "PRICING_PAGE_VIEWED", "PRICING_PAGE_VIEWED"]) {
    expect((await request.post(`/api/v1/leads/${id}/events`, { headers, data: { type } })).status()).toBe(201);
  }
  await expect
    .poll(
      async () => {
        const now = await Promise.all(reps.map(openCount));
        return now.some((count, index) => count > (openBefore[index] ?? 0));
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(true);
});

test("an app server killed during API ingestion: acknowledged writes are there and idempotency keys replay", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await adminInDemoTwo(page);
  const secret = await newToken(page);
  const run = `kill${Date.now()}`;
  const sent: Sent[] = [];
  let sending = true;
  const writers = Array.from({ length: 4 }, (_, w) =>
    (async () => {
      for (let i = 0; sending; i++) sent.push(await sendLead(request, on(portA, ""), secret, `${run}-${w}-${i}`));
    })(),
  );
  await expect.poll(() => sent.filter((s) => s.status === 201).length).toBeGreaterThan(20);
  await control(request, "/app/0/kill");
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    sending = false;
    await Promise.all(writers);
    expect(sent.some((s) => s.status === 0)).toBe(true);

    // The other server serves everything meanwhile; the retried keys give one lead each.
    await expectAllAcknowledgedStored(request, secret, sent);
  } finally {
    sending = false;
    await control(request, "/app/0/start");
  }
  expect((await request.get(on(portA, "/api/health"))).status()).toBe(200);
});

test("an app server killed during a CSV import: the import shows as interrupted and resumes to completion", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await adminInDemoTwo(page);
  const rows = 40_000;
  const run = `csv${Date.now()}`;
  const csv = ["Email,Name", ...Array.from({ length: rows }, (_, i) => `${run}-${i}@faults.example,Row ${i}`)].join(
    "\n",
  );
  // Straight to server A: its after() job processes the file.
  const upload = await page.request.post(on(portA, "/leads/import/upload"), {
    headers: { origin: on(portA, "") },
    multipart: {
      file: { name: `${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) },
      mapping: JSON.stringify({ email: "Email", name: "Name" }),
    },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const status = page.getByTestId("import-status");
  await page.goto(on(portB, `/leads/import/${id}`));
  await expect
    .poll(
      async () => {
        await page.reload();
        const text = (await status.textContent()) ?? "";
        return Number(/([\d,.]+) of/.exec(text)?.[1]?.replace(/[,.]/g, "") ?? 0);
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(1000);
  await control(request, "/app/0/kill");
  try {
    // On server B: after the worker's heartbeat goes stale the import is shown as interrupted, and resumes.
    await expect
      .poll(
        async () => {
          await page.reload();
          return status.getByRole("button", { name: "Resume import" }).count();
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(1);
    await expect(status.getByRole("heading")).toHaveText(/interrupted/i);
    await status.getByRole("button", { name: "Resume import" }).click();
    await expect(status.getByRole("heading")).toHaveText("Completed", { timeout: 120_000 });
    await expect(status).toContainText(`${rows.toLocaleString("en-GB")} of ${rows.toLocaleString("en-GB")} rows`);
    const count = async (index: number) =>
      Number(((await status.locator("dd").nth(index).textContent()) ?? "0").replace(/\D/g, ""));
    const created = await count(0);
    const updated = await count(1);
    // Every row once: the chunk that was in flight when the server died was rolled back and redone.
    expect(created + updated).toBe(rows);
    expect(created).toBe(rows);
  } finally {
    await control(request, "/app/0/start");
  }
});
