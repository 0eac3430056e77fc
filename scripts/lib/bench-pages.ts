/**
 * `npm run bench` (BENCH_ONLY=pages): LCP, CLS, TBT and JavaScript per page, in
 * Chromium against the production build — Playwright runs
 * tests/e2e/page-speed.spec.ts with several loads per page and hands the samples back.
 */
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { existingContext, type Figure, saveFigures, stats } from "./bench-stats";
import { bin, run } from "./run";

type Sample = { lcp: number; cls: number; tbt: number; jsBytes: number; allJsBytes: number };

export async function measurePageSpeed(runs = Number(process.env.PAGE_SPEED_RUNS ?? 7)) {
  const out = path.join(os.tmpdir(), `page-speed-${process.pid}.json`);
  const code = await run(bin("playwright"), ["test", "tests/e2e/page-speed.spec.ts"], {
    env: { PAGE_SPEED_OUT: out, PAGE_SPEED_RUNS: String(runs) },
  });
  const results = JSON.parse(readFileSync(out, "utf8")) as { name: string; samples: Sample[] }[];
  rmSync(out, { force: true });
  const figures: Figure[] = results.flatMap(({ name, samples }) => {
    const lcp = stats(samples.map((s) => s.lcp));
    const tbt = stats(samples.map((s) => s.tbt));
    const cls = Math.max(...samples.map((s) => s.cls));
    const js = Math.max(...samples.map((s) => s.jsBytes)) / 1000;
    const all = Math.max(...samples.map((s) => s.allJsBytes)) / 1000;
    const key = name.toLowerCase().replace(/\W+/g, "-");
    const row = (suffix: string, metric: string, target: string, app: string): Figure => ({
      key: `pages-${key}-${suffix}`,
      group: "Page speed (Chromium, production build, demo data; cold cache)",
      name: `${name}: ${metric}`,
      target,
      app,
      floor: "—",
      ratio: "—",
    });
    return [
      row("lcp", "LCP p95 (median)", "< 1,500 ms", `${lcp.p95.toFixed(0)} ms (${lcp.median.toFixed(0)})`),
      row("cls", "CLS (worst)", "< 0.05", cls.toFixed(3)),
      row("tbt", "TBT p95", "—", `${tbt.p95.toFixed(0)} ms`),
      row("js", "first-load JS (all JS)", "< 150 kB", `${js.toFixed(1)} kB (${all.toFixed(1)} kB)`),
    ];
  });
  // The other groups' context (machine, large dataset) stays as their run wrote it.
  saveFigures(figures, existingContext());
  for (const figure of figures) console.log(`${figure.name.padEnd(48)} ${figure.app}`);
  if (code !== 0) throw new Error("Some pages are over their budget (see above).");
}
