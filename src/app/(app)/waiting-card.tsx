import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { waitingFor } from "@/server/home/waiting";

/** The overview's first card: what this person has to do now, each item a link to where it is done. */
export async function WaitingCard({ actor }: { actor: Actor }) {
  const [waiting, t, format, locale] = await Promise.all([
    waitingFor(actor),
    getTranslations("home.waiting"),
    getFormatter(),
    getLocale(),
  ]);
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const nothing = waiting.approvalsTotal === 0 && waiting.handoffsTotal === 0 && waiting.returnedThisWeek === 0;
  const team = actor.role === "MANAGER";
  return (
    <section className="card space-y-3" aria-labelledby="waiting" data-testid="waiting">
      <h2 id="waiting" className="font-semibold">
        {t("title")}
      </h2>
      {nothing && <p className="text-sm text-slate-600">{t("none")}</p>}
      {waiting.handoffsTotal > 0 && (
        <div className="space-y-1 text-sm">
          <p className="font-medium">
            <Link href={team ? "/handoffs?view=team" : "/handoffs"} className="text-brand-700 underline">
              {team
                ? t("handoffsTeam", { count: waiting.handoffsTotal })
                : t("handoffsMine", { count: waiting.handoffsTotal })}
            </Link>
          </p>
          <ul className="space-y-1 pl-4" data-testid="waiting-handoffs">
            {waiting.handoffs.map((h) => (
              <li key={h.id} className={h.overdue ? "text-red-800" : undefined}>
                <Link href={`/leads/${h.lead.id}`} className="underline">
                  <bdi>{h.lead.name || h.lead.email}</bdi>
                </Link>{" "}
                · {h.overdue ? t("overdue", { at: at(h.dueAt) }) : t("due", { at: at(h.dueAt) })}
                {h.firstDueAt < h.dueAt && ` · ${t("firstDue", { at: at(h.firstDueAt) })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting.approvalsTotal > 0 && (
        <div className="space-y-1 text-sm">
          <p className="font-medium">
            <Link href="/glossary?status=PROPOSED" className="text-brand-700 underline">
              {t("approvals", { count: waiting.approvalsTotal })}
            </Link>
          </p>
          <ul className="space-y-1 pl-4" data-testid="waiting-approvals">
            {waiting.approvals.map((r) => (
              <li key={r.id}>
                <Link href={`/glossary/${r.termId}`} className="underline">
                  <bdi>{(locale === "it" ? r.nameIt : r.nameEn) || r.nameEn || r.nameIt}</bdi>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting.returnedThisWeek > 0 && (
        <p className="text-sm font-medium">
          <Link href="/handoffs/returned" className="text-brand-700 underline">
            {t("returned", { count: waiting.returnedThisWeek })}
          </Link>
        </p>
      )}
    </section>
  );
}
