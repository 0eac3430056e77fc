import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filter-select";
import { Channel } from "@/generated/prisma/enums";

/** Channel, campaign and persona menus of a GET filter form (dashboards, returned leads). */
export async function LeadDimensionFilters({
  values,
  campaigns,
  personas,
}: {
  values: { channel?: string; campaignId?: string; personaId?: string };
  campaigns: { id: string; name: string }[];
  personas: { id: string; name: string }[];
}) {
  const t = await getTranslations();
  return (
    <>
      <FilterSelect
        name="channel"
        label={t("leads.channel")}
        value={values.channel}
        anyLabel={t("leads.any")}
        options={Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
      />
      <FilterSelect
        name="campaignId"
        label={t("leads.campaign")}
        value={values.campaignId}
        anyLabel={t("leads.any")}
        options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
      />
      <FilterSelect
        name="personaId"
        label={t("leads.persona")}
        value={values.personaId}
        anyLabel={t("leads.any")}
        options={personas.map((p) => ({ value: p.id, label: p.name }))}
      />
    </>
  );
}
