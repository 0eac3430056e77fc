import { getTranslations } from "next-intl/server";
import { Channel } from "@/generated/prisma/enums";
import { pageActor } from "@/server/auth/current-actor";
import { LeadForm } from "./lead-form";

export async function generateMetadata() {
  const t = await getTranslations("leads");
  return { title: t("new") };
}

export default async function NewLeadPage() {
  await pageActor("leads.write");
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("leads.new")}</h1>
      <LeadForm channels={Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
    </div>
  );
}
