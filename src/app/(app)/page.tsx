import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAuditEntries } from "@/server/audit/queries";
import { pageActor } from "@/server/auth/actor";
import { can, ROLES } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { memberCountsByRole } from "@/server/members/queries";

export default async function HomePage() {
  const actor = await pageActor("workspace.read");
  const session = await getSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const counts = await memberCountsByRole(actor);
  const showActivity = can(actor.role, "audit.read");
  const activity = showActivity ? (await listAuditEntries(actor, {})).entries.slice(0, 8) : [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.welcome", { name: session?.user.name ?? "" })}</h1>
        <p className="text-slate-600">
          {t("home.yourRole", { workspace: session?.active?.workspaceName ?? "", role: t(`roles.${actor.role}`) })}
        </p>
        <p className="mt-1 text-sm text-slate-500">{t(`roleDescriptions.${actor.role}`)}</p>
      </div>
      <section className="card" aria-labelledby="members-by-role">
        <h2 id="members-by-role" className="mb-3 font-semibold">
          {t("home.membersByRole")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {ROLES.map((role) => (
            <div key={role} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t(`roles.${role}`)}</dt>
              <dd className="text-2xl font-semibold">{format.number(counts[role] ?? 0)}</dd>
            </div>
          ))}
        </dl>
        <Link href="/settings/members" className="mt-3 inline-block text-sm text-brand-700 underline">
          {t("settings.members")}
        </Link>
      </section>
      {showActivity && (
        <section className="card" aria-labelledby="recent-activity">
          <h2 id="recent-activity" className="mb-3 font-semibold">
            {t("home.recentActivity")}
          </h2>
          {activity.length === 0 ? (
            <p className="text-sm text-slate-600">{t("home.noActivity")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {activity.map((entry) => (
                <li key={entry.id} className="flex justify-between gap-4 py-2">
                  <span>
                    <span className="font-medium">{entry.actorName ?? t("audit.system")}</span> · {entry.action}
                  </span>
                  <time dateTime={entry.createdAt.toISOString()} className="text-slate-500">
                    {format.relativeTime(entry.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
