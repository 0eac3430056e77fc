import { getFormatter, getTranslations } from "next-intl/server";
import { listApiTokens } from "@/server/api-tokens/service";
import { pageActor } from "@/server/auth/current-actor";
import { ApiTokens } from "./api-tokens";

export async function generateMetadata() {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const actor = await pageActor("apiTokens.manageOwn");
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const tokens = await listApiTokens(actor);
  return (
    <ApiTokens
      tokens={tokens.map((token) => ({
        id: token.id,
        name: token.name,
        prefix: token.prefix,
        owner: token.user.name,
        created: format.dateTime(token.createdAt, { dateStyle: "medium" }),
        lastUsed: token.lastUsedAt
          ? format.dateTime(token.lastUsedAt, { dateStyle: "medium", timeStyle: "short" })
          : t("never"),
      }))}
    />
  );
}
