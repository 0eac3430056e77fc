import { getTranslations } from "next-intl/server";
import { pageActor } from "@/server/auth/current-actor";
import { SpendImport } from "./spend-import";

export default async function SpendImportPage() {
  await pageActor("campaigns.edit");
  const t = await getTranslations("campaigns");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("import")}</h1>
      <p className="text-slate-600">{t("importIntro")}</p>
      <SpendImport />
    </div>
  );
}
