import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { Channel } from "@/generated/prisma/enums";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { listCampaigns } from "@/server/campaigns/queries";
import { leadFilterOptions } from "@/server/leads/list";
import { CampaignForm } from "./campaign-form";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("heading") };
}

export default async function CampaignsPage() {
  const actor = await pageActor("campaigns.read");
  const [campaigns, options] = await Promise.all([listCampaigns(actor), leadFilterOptions(actor)]);
  const t = await getTranslations();
  const format = await getFormatter();
  const canEdit = can(actor.role, "campaigns.edit");
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("campaigns.heading")}</h1>
          <p className="text-slate-600">{t("campaigns.intro")}</p>
        </div>
        {canEdit && (
          <Link href="/campaigns/import" className="btn-secondary">
            {t("campaigns.import")}
          </Link>
        )}
      </header>
      {campaigns.length === 0 ? (
        <p className="card text-slate-600">{t("campaigns.none")}</p>
      ) : (
        <ScrollRegion label={t("campaigns.heading")}>
          <table className="data-table" data-testid="campaigns">
            <thead>
              <tr>
                <th scope="col">{t("campaigns.name")}</th>
                <th scope="col">{t("campaigns.channel")}</th>
                <th scope="col">{t("campaigns.start")}</th>
                <th scope="col">{t("campaigns.end")}</th>
                <th scope="col" className="text-right">
                  {t("campaigns.budget")}
                </th>
                <th scope="col" className="text-right">
                  {t("campaigns.spendTotal")}
                </th>
                <th scope="col" className="text-right">
                  {t("campaigns.leads")}
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/campaigns/${c.id}`} className="text-brand-700 underline">
                      {c.name}
                    </Link>
                  </td>
                  <td>{t(`channels.${c.channel}`)}</td>
                  <td>{date(c.startDate)}</td>
                  <td>{date(c.endDate)}</td>
                  <td className="text-right tabular-nums">
                    {c.budget === null
                      ? "—"
                      : format.number(Number(c.budget), { style: "currency", currency: c.currency })}
                  </td>
                  <td className="text-right tabular-nums">
                    {format.number(c.spendEur, { style: "currency", currency: "EUR" })}
                  </td>
                  <td className="text-right tabular-nums">
                    <Link href={`/leads?campaign=${c.id}`} className="text-brand-700 underline">
                      {format.number(c.leads)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canEdit && (
        <section className="card" aria-labelledby="new-campaign">
          <h2 id="new-campaign" className="mb-3 font-semibold">
            {t("campaigns.new")}
          </h2>
          <CampaignForm
            initial={{ name: "", channel: "", startDate: "", endDate: "", budget: "", currency: "EUR", ownerId: "" }}
            channels={Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            owners={options.owners}
          />
        </section>
      )}
    </div>
  );
}
