/**
 * `npm test`: every check the project has, in order, with one summary line.
 *   1. lint and format (Biome); production dependencies without high or critical advisories (npm audit)
 *   2. types (tsc --noEmit)
 *   3. unit + database tests (Vitest, real PostgreSQL)
 *   4. journeys in Chromium against a production build (Playwright)
 * Each tier runs even when an earlier one failed, so one run shows everything.
 * Exit code 0 only when all passed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { auditProductionDependencies } from "./lib/audit";
import { projectRoot } from "./lib/postgres";
import { generatePrismaClient } from "./lib/prepare";
import { bin, run } from "./lib/run";

type Tier = { name: string; passed: number; failed: number; skipped: number; ok: boolean };
const tiers: Tier[] = [];
// Not test-results/: Playwright empties that folder when it starts.
const reports = path.join(projectRoot(), "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function banner(title: string) {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(0, 60 - title.length))}`);
}

async function check(name: string, command: string, args: string[]) {
  banner(name);
  const code = await run(command, args);
  tiers.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, ok: code === 0 });
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

await generatePrismaClient();

await check("lint and format (biome)", bin("biome"), ["check", "."]);

{
  banner("production dependencies (npm audit)");
  const audit = await auditProductionDependencies();
  if (audit.kind === "unavailable") console.log(`npm audit could not reach the advisory database: ${audit.reason}`);
  else console.log(`Advisories: ${JSON.stringify(audit.counts)}`);
  if (audit.kind === "vulnerable") console.log(`High or critical: ${audit.packages.join(", ")}`);
  tiers.push({
    name: "npm audit (no high/critical)",
    passed: audit.kind === "ok" ? 1 : 0,
    failed: audit.kind === "vulnerable" ? 1 : 0,
    skipped: audit.kind === "unavailable" ? 1 : 0,
    ok: audit.kind !== "vulnerable",
  });
}
await check("types (tsc --noEmit)", bin("tsc"), ["--noEmit"]);

{
  banner("unit and database tests (vitest)");
  const output = path.join(reports, "vitest.json");
  const code = await run(bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  const report = readJson(output) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  tiers.push({
    name: "vitest",
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    ok: code === 0 && report !== null && report.numFailedTests === 0,
  });
}

{
  banner("journeys in Chromium (playwright)");
  const output = path.join(reports, "playwright.json");
  const code = await run(bin("playwright"), ["test"], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: output } });
  const report = readJson(output) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  } | null;
  tiers.push({
    name: "playwright",
    passed: report ? report.stats.expected + report.stats.flaky : 0,
    failed: report ? report.stats.unexpected : 1,
    skipped: report?.stats.skipped ?? 0,
    ok: code === 0 && report !== null && report.stats.unexpected === 0,
  });
}

banner("summary");
for (const tier of tiers) {
  console.log(
    `${tier.ok ? "✔" : "✘"} ${tier.name.padEnd(32)} ${tier.passed} passed, ${tier.failed} failed${tier.skipped ? `, ${tier.skipped} skipped` : ""}`,
  );
}
const passed = tiers.reduce((sum, t) => sum + t.passed, 0);
const failed = tiers.reduce((sum, t) => sum + t.failed, 0);
const skipped = tiers.reduce((sum, t) => sum + t.skipped, 0);
const allOk = tiers.every((t) => t.ok) && failed === 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(allOk ? 0 : 1);
