/**
 * Figures of `npm run bench`: timing helpers, and the results file. Each run
 * updates only the figures it measured (docs/benchmarks.json keeps them all,
 * with their date), then rewrites docs/benchmarks.md from it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Figure = {
  /** Stable identity of the figure across runs. */
  key: string;
  group: string;
  name: string;
  target: string;
  app: string;
  floor: string;
  ratio: string;
  measuredOn?: string;
};

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}
export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const ratio = (app: number, floor: number) => `${(app / floor).toFixed(1)}×`;

export async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** Runs `work` with `concurrency` workers over `total` items; returns each item's latency and the wall time. */
export async function concurrently(total: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const [, wall] = await time(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          const [, took] = await time(() => work(i));
          latencies.push(took);
        }
      }),
    ),
  );
  return { latencies, wall };
}

const docs = path.join(process.cwd(), "docs");

export function saveFigures(measured: Figure[], context: { machine: string; dataset: string }) {
  const jsonPath = path.join(docs, "benchmarks.json");
  const stored = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, "utf8")) : {};
  const previous: Figure[] = stored.figures ?? [];
  // Hand-written remarks on the figures, kept across runs.
  const notes: string[] = stored.notes ?? [];
  const today = new Date().toISOString().slice(0, 10);
  const byKey = new Map(previous.map((f) => [f.key, f]));
  for (const figure of measured) byKey.set(figure.key, { ...figure, measuredOn: today });
  const figures = [...byKey.values()];
  writeFileSync(jsonPath, `${JSON.stringify({ ...context, notes, figures }, null, 2)}\n`);
  const groups = [...new Set(figures.map((f) => f.group))];
  const sections = groups.map((group) => {
    const rows = figures
      .filter((f) => f.group === group)
      .map((f) => `| ${f.name} | ${f.target} | ${f.app} | ${f.floor} | ${f.ratio} | ${f.measuredOn ?? ""} |`);
    return `## ${group}\n\n| operation | target | this app | plain-SQL floor | ratio | measured |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n`;
  });
  writeFileSync(
    path.join(docs, "benchmarks.md"),
    `# Benchmarks\n\nMeasured with \`npm run bench\` on ${context.machine}.\n${context.dataset}\n` +
      "Each figure stands beside the same operation done in plain SQL through `pg` (the floor of this machine). " +
      "`BENCH_ONLY` re-measures some groups; the others keep their last figures and dates.\n\n" +
      sections.join("\n") +
      (notes.length > 0 ? `\n## Notes\n\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""),
  );
  return figures;
}

/** The machine and dataset lines as the last full run wrote them (groups measured on their own keep them). */
export function existingContext(): { machine: string; dataset: string } {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  try {
    const stored = JSON.parse(readFileSync(path.join(docs, "benchmarks.json"), "utf8"));
    return { machine: stored.machine ?? machine, dataset: stored.dataset ?? "" };
  } catch {
    return { machine, dataset: "" };
  }
}
