import "server-only";
import { formatInTimeZone } from "date-fns-tz";
import { db } from "@/server/db";

/** The glossary terms whose agreed revisions change what the funnel counts. */
export const DEFINING_TERMS = ["mql", "sql"] as const;

/**
 * A day the definition behind the figures changed: a scoring model version
 * was published, or a new revision of the MQL or SQL term was agreed.
 */
export type DefinitionChange = {
  /** Local day (workspace time zone), yyyy-mm-dd. */
  day: string;
  at: Date;
  kind: "model" | "term";
  /** The model's version, or the term's revision number. */
  version: number;
  /** For a term: its key ("mql", "sql"). */
  term?: (typeof DEFINING_TERMS)[number];
  /** Why, as its authors wrote it (the publish note, the revision's note). */
  why: string;
};

/** The definition changes of a workspace in [from, to), oldest first. Two small indexed reads. */
export async function definitionChanges(
  workspaceId: string,
  range: { from: Date; to: Date; timeZone: string },
): Promise<DefinitionChange[]> {
  const [models, revisions] = await Promise.all([
    db.scoringModel.findMany({
      where: { workspaceId, publishedAt: { gte: range.from, lt: range.to }, status: { in: ["PUBLISHED", "RETIRED"] } },
      select: { version: true, publishedAt: true, note: true },
    }),
    db.termRevision.findMany({
      where: {
        workspaceId,
        agreedAt: { gte: range.from, lt: range.to },
        term: { key: { in: [...DEFINING_TERMS] } },
      },
      select: { number: true, agreedAt: true, note: true, term: { select: { key: true } } },
    }),
  ]);
  const day = (at: Date) => formatInTimeZone(at, range.timeZone, "yyyy-MM-dd");
  const changes: DefinitionChange[] = [
    ...models.flatMap((m) =>
      m.publishedAt
        ? [{ day: day(m.publishedAt), at: m.publishedAt, kind: "model" as const, version: m.version, why: m.note }]
        : [],
    ),
    ...revisions.flatMap((r) =>
      r.agreedAt
        ? [
            {
              day: day(r.agreedAt),
              at: r.agreedAt,
              kind: "term" as const,
              version: r.number,
              term: r.term.key as (typeof DEFINING_TERMS)[number],
              why: r.note,
            },
          ]
        : [],
    ),
  ];
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}
