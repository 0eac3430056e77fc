/**
 * `npm audit` of the production dependencies for the test command: fails on
 * any high or critical advisory. Where the registry's advisory endpoint cannot
 * be reached (an offline mirror, a proxy that refuses it) the check is reported
 * as skipped with the reason — never as passed.
 */
import { execFile } from "node:child_process";
import { projectRoot } from "./postgres";

export type AuditOutcome =
  | { kind: "ok"; counts: Record<string, number> }
  | { kind: "vulnerable"; counts: Record<string, number>; packages: string[] }
  | { kind: "unavailable"; reason: string };

export function auditProductionDependencies(): Promise<AuditOutcome> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["audit", "--omit=dev", "--json"],
      { cwd: projectRoot(), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (_error, stdout, stderr) => {
        let report: {
          error?: { summary?: string };
          message?: string;
          metadata?: { vulnerabilities?: Record<string, number> };
          vulnerabilities?: Record<string, { severity: string }>;
        };
        try {
          report = JSON.parse(stdout);
        } catch {
          resolve({ kind: "unavailable", reason: (stderr || stdout).trim().split("\n").slice(-3).join(" ") });
          return;
        }
        if (report.error || !report.metadata?.vulnerabilities) {
          resolve({ kind: "unavailable", reason: report.error?.summary || report.message || "no report" });
          return;
        }
        const counts = report.metadata.vulnerabilities;
        const packages = Object.entries(report.vulnerabilities ?? {})
          .filter(([, v]) => v.severity === "high" || v.severity === "critical")
          .map(([name, v]) => `${name} (${v.severity})`);
        resolve(packages.length > 0 ? { kind: "vulnerable", counts, packages } : { kind: "ok", counts });
      },
    );
  });
}
