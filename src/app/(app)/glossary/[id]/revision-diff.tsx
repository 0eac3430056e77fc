import { getTranslations } from "next-intl/server";
import { listDiff, textDiff } from "@/lib/text-diff";

type Rev = {
  nameEn: string;
  nameIt: string;
  synonymsEn: string[];
  synonymsIt: string[];
  definitionEn: string;
  definitionIt: string;
  exampleEn: string;
  exampleIt: string;
  category: string;
};

function InlineDiff({ before, after }: { before: string | null; after: string }) {
  // A first revision has nothing to compare with: show its text plainly.
  if (before === null) return <span className="whitespace-pre-wrap">{after}</span>;
  return (
    <span className="whitespace-pre-wrap">
      {textDiff(before, after).map((part, index) =>
        part.kind === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their order
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their order
          <del key={index} className="bg-red-100 text-red-900">
            {part.text}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their order
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/** What a revision changed, field by field and language by language (readable, word-level). */
export async function RevisionDiff({ before, after }: { before: Rev | null; after: Rev }) {
  const t = await getTranslations("glossary");
  const rows: { label: string; node: React.ReactNode }[] = [];
  if (before && before.category !== after.category) {
    rows.push({
      label: t("category"),
      node: <InlineDiff before={t(`categories.${before.category}`)} after={t(`categories.${after.category}`)} />,
    });
  }
  for (const [lang, suffix] of [
    [t("english"), "En"],
    [t("italian"), "It"],
  ] as const) {
    for (const field of ["name", "definition", "example"] as const) {
      const key = `${field}${suffix}` as const;
      const was = before ? before[key] : null;
      const now = after[key];
      if (was !== now && (was !== null || now !== "")) {
        rows.push({ label: `${t(field)} (${lang})`, node: <InlineDiff before={was} after={now} /> });
      }
    }
    const synonyms = listDiff(before?.[`synonyms${suffix}`] ?? [], after[`synonyms${suffix}`]);
    if (!before && after[`synonyms${suffix}`].length > 0) {
      rows.push({ label: `${t("synonyms")} (${lang})`, node: <span>{after[`synonyms${suffix}`].join(", ")}</span> });
    } else if (synonyms.added.length || synonyms.removed.length) {
      rows.push({
        label: `${t("synonyms")} (${lang})`,
        node: (
          <span>
            {synonyms.removed.map((s) => (
              <del key={`-${s}`} className="mr-2 bg-red-100 text-red-900">
                {s}
              </del>
            ))}
            {synonyms.added.map((s) => (
              <ins key={`+${s}`} className="mr-2 bg-green-100 text-green-900 no-underline">
                {s}
              </ins>
            ))}
          </span>
        ),
      });
    }
  }
  if (rows.length === 0) return null;
  return (
    <dl className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {rows.map((row) => (
        <div key={row.label}>
          <dt className="text-xs font-medium text-slate-500">{row.label}</dt>
          <dd>{row.node}</dd>
        </div>
      ))}
    </dl>
  );
}
