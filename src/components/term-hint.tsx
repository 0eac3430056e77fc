import { getLocale, getTranslations } from "next-intl/server";
import { currentActorOrNull } from "@/server/auth/current-actor";
import { type Locale, termDefinitions } from "@/server/glossary/queries";
import { TermPopover } from "./term-popover";

/**
 * A word the workspace defined, with its definition on hover or focus: the
 * agreed one, or the proposed one marked as not agreed yet. Use anywhere in
 * server components: <TermHint termKey="mql">MQL</TermHint>. Without a
 * definition (no such term, or deprecated) it renders the plain word.
 */
export async function TermHint({ termKey, children }: { termKey: string; children: React.ReactNode }) {
  const actor = await currentActorOrNull();
  if (!actor) return <>{children}</>;
  const locale = (await getLocale()) as Locale;
  const definition = (await termDefinitions(actor.workspaceId, locale)).get(termKey);
  if (!definition) return <>{children}</>;
  const t = await getTranslations("glossary");
  return (
    <TermPopover
      label={t("definitionOf", { term: definition.name })}
      name={definition.name}
      definition={definition.definition}
      href={`/glossary/${definition.id}`}
      linkLabel={t("openInGlossary")}
      status={definition.proposed ? t("proposedNotAgreed") : undefined}
    >
      {children}
    </TermPopover>
  );
}
