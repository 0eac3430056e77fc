import type { DefinitionChange } from "@/server/metrics/definition-changes";

type T = (key: string, values?: Record<string, string | number>) => string;

/** "Rules v5" or "MQL definition r3": a definition change as a chart marker and a table note name it. */
export function definitionChangeLabel(change: Pick<DefinitionChange, "kind" | "version" | "term">, t: T): string {
  return change.kind === "model"
    ? t("dashboards.changes.model", { version: change.version })
    : t("dashboards.changes.term", { term: (change.term ?? "").toUpperCase(), version: change.version });
}

/** The same with its day and why: "Rules v5 (2026-10-01): lower content downloads". */
export function definitionChangeNote(change: DefinitionChange, t: T): string {
  const label = `${definitionChangeLabel(change, t)} (${change.day})`;
  return change.why ? `${label}: ${change.why}` : label;
}
