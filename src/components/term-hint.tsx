import { getLocale, getTranslations } from "next-intl/server";
import { currentActorOrNull } from "@/server/auth/current-actor";
import { agreedDefinitions, type Locale } from "@/server/glossary/queries";
import { TermPopover } from "./term-popover";

/**
 * A word the workspace defined, with its agreed definition on hover or focus.
 * Use anywhere in server components: <TermHint termKey="mql">MQL</TermHint>.
 * Without an agreed definition it renders the plain word.
 */
export async function TermHint({ termKey, children }: { termKey: string; children: React.ReactNode }) {
  const actor = await currentActorOrNull();
  if (!actor) return <>{children}</>;
  const locale = (await getLocale()) as Locale;
  const definition = (await agreedDefinitions(actor.workspaceId, locale)).get(termKey);
  if (!definition) return <>{children}</>;
  const t = await getTranslations("glossary");
  return (
    <TermPopover
      label={t("definitionOf", { term: definition.name })}
      name={definition.name}
      definition={definition.definition}
      href={`/glossary/${definition.id}`}
      linkLabel={t("openInGlossary")}
    >
      {children}
    </TermPopover>
  );
}
