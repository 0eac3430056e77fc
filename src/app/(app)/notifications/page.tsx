import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { isolateValues } from "@/lib/bidi";
import { pageActor } from "@/server/auth/current-actor";
import { listNotifications } from "@/server/notifications/service";
import { MarkAllRead } from "./mark-all-read";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const actor = await pageActor("workspace.read");
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const notifications = await listNotifications(actor);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {unread > 0 && <MarkAllRead />}
      </div>
      {notifications.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0" data-testid="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={`flex justify-between gap-4 px-4 py-3 text-sm ${n.readAt ? "" : "bg-brand-50"}`}>
              <Link href={n.href} className="text-brand-700 hover:underline">
                {t(`kinds.${n.kind}`, isolateValues(n.params as Record<string, string>))}
              </Link>
              <time dateTime={n.createdAt.toISOString()} className="shrink-0 text-slate-600">
                {format.relativeTime(n.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
