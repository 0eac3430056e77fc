import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { Channel } from "@/generated/prisma/enums";
import { pageActor } from "@/server/auth/current-actor";
import { can } from "@/server/auth/permissions";
import { getCampaign } from "@/server/campaigns/queries";
import { leadFilterOptions } from "@/server/leads/list";
import { found } from "@/server/page-data";
import { CampaignForm } from "../campaign-form";
import { DeleteSpend, SpendForm } from "./spend-form";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor("campaigns.read");
  const campaign = await found(getCampaign(actor, (await params).id));
  const options = await leadFilterOptions(actor);
  const t = await getTranslations();
  const format = await getFormatter();
  const canEdit = can(actor.role, "campaigns.edit");
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const total = campaign.spend.reduce((sum, s) => sum + Number(s.amountEur), 0);
  return (
    <article className="space-y-4">
      <header>
        <p className="text-sm">
          <Link href="/campaigns" className="text-brand-700 underline">
            {t("campaigns.heading")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{campaign.name}</h1>
        <p className="text-slate-600">
          {t(`channels.${campaign.channel}`)} ·{" "}
          <Link href={`/leads?campaign=${campaign.id}`} className="text-brand-700 underline">
            {t("campaigns.leads")}
          </Link>{" "}
          ·{" "}
          <Link href={`/dashboards?view=roi&campaignId=${campaign.id}`} className="text-brand-700 underline">
            ROI
          </Link>
        </p>
      </header>
      {canEdit && (
        <section className="card" aria-labelledby="edit-campaign">
          <h2 id="edit-campaign" className="sr-only">
            {t("campaigns.save")}
          </h2>
          <CampaignForm
            campaignId={campaign.id}
            initial={{
              name: campaign.name,
              channel: campaign.channel,
              startDate: iso(campaign.startDate),
              endDate: iso(campaign.endDate),
              budget: campaign.budget === null ? "" : String(campaign.budget),
              currency: campaign.currency,
              ownerId: campaign.ownerId ?? "",
            }}
            channels={Object.values(Channel).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            owners={options.owners}
          />
        </section>
      )}
      <section className="card space-y-3" aria-labelledby="spend">
        <h2 id="spend" className="font-semibold">
          {t("campaigns.spendTitle")} · {format.number(total, { style: "currency", currency: "EUR" })}
        </h2>
        {campaign.spend.length === 0 ? (
          <p className="text-sm text-slate-600">{t("campaigns.noSpend")}</p>
        ) : (
          <ScrollRegion label={t("campaigns.spendTitle")}>
            <table className="data-table" data-testid="spend">
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.period")}</th>
                  <th scope="col" className="text-right">
                    {t("campaigns.amount")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("campaigns.inEur")}
                  </th>
                  <th scope="col">{t("campaigns.note")}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="sr-only">{t("campaigns.delete")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {campaign.spend.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.periodStart.getTime() === s.periodEnd.getTime()
                        ? day(s.periodStart)
                        : `${day(s.periodStart)} – ${day(s.periodEnd)}`}
                    </td>
                    <td className="text-right tabular-nums">
                      {format.number(Number(s.amount), { style: "currency", currency: s.currency })}
                    </td>
                    <td className="text-right tabular-nums">
                      {format.number(Number(s.amountEur), { style: "currency", currency: "EUR" })}
                    </td>
                    <td>{s.note}</td>
                    {canEdit && (
                      <td>
                        <DeleteSpend spendId={s.id} campaignId={campaign.id} label={t("campaigns.delete")} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {canEdit && <SpendForm campaignId={campaign.id} currency={campaign.currency} />}
      </section>
    </article>
  );
}
