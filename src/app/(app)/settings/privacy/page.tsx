import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EraseLeadButton } from "@/components/erase-lead-button";
import { pageActor } from "@/server/auth/current-actor";
import { isAppError } from "@/server/errors";
import { findLeadByEmail } from "@/server/privacy/service";

export async function generateMetadata() {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** GDPR requests arrive by e-mail address: find the lead, then export its data or erase it. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const actor = await pageActor("privacy.manage");
  const t = await getTranslations("privacy");
  const tl = await getTranslations("leads");
  const format = await getFormatter();
  const email = ((await searchParams).email ?? "").slice(0, 320);
  let lookup: Awaited<ReturnType<typeof findLeadByEmail>> | "invalid" | undefined;
  if (email) {
    try {
      lookup = await findLeadByEmail(actor, email);
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      lookup = "invalid";
    }
  }
  return (
    <section className="card space-y-4" aria-labelledby="privacy-title">
      <h2 id="privacy-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <search>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="privacy-email" className="label">
              {t("requestEmail")}
            </label>
            <input id="privacy-email" name="email" type="email" defaultValue={email} className="input w-80" required />
          </div>
          <button type="submit" className="btn-primary">
            {t("find")}
          </button>
        </form>
      </search>
      <div aria-live="polite">
        {lookup === "invalid" && <p className="text-sm text-red-700">{t("invalidEmail")}</p>}
        {lookup === null && <p data-testid="privacy-none">{t("noLead")}</p>}
        {lookup && lookup !== "invalid" && (
          <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="privacy-match">
            <p>
              <Link href={`/leads/${lookup.id}`} className="font-medium text-brand-700 underline">
                {lookup.name || lookup.email}
              </Link>
              {lookup.company && ` · ${lookup.company}`} · {tl(`stages.${lookup.stage}`)} ·{" "}
              {t("capturedOn", { date: format.dateTime(lookup.createdAt, { dateStyle: "medium" }) })}
            </p>
            <div className="flex flex-wrap items-start gap-2">
              <a href={`/leads/${lookup.id}/personal-data`} className="btn-secondary" download>
                {t("export")}
              </a>
              <EraseLeadButton leadId={lookup.id} />
            </div>
            <p className="text-xs text-slate-600">{t("eraseExplained")}</p>
          </div>
        )}
      </div>
    </section>
  );
}
