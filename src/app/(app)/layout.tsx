import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NAV_ITEMS } from "@/components/app-nav";
import { LiveBadge } from "@/components/live-badges";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { NavLink } from "@/components/nav-link";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { liveSummary } from "@/server/handoffs/queries";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/signin");
  if (!session.active) redirect("/no-workspace");
  const t = await getTranslations();
  const role = session.active.role;
  const live = await liveSummary({ userId: session.user.id, workspaceId: session.active.workspaceId, role });

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <span className="font-semibold text-brand-900">{t("app.name")}</span>
          <WorkspaceSwitcher workspaces={session.memberships} activeId={session.active.workspaceId} />
          <div className="ml-auto flex items-center gap-3">
            <span className="text-sm text-slate-600" data-testid="current-user">
              {session.user.name} · <span data-testid="current-role">{t(`roles.${role}`)}</span>
            </span>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-4 py-6">
        <nav aria-label={t("nav.label")} className="w-48 shrink-0">
          <ul className="space-y-1">
            {NAV_ITEMS.filter((item) => can(role, item.capability)).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>
                  {t(item.labelKey)}
                  {item.href === "/notifications" && <LiveBadge initial={live} field="unread" testId="unread-badge" />}
                  {item.href === "/handoffs" && <LiveBadge initial={live} field="open" testId="handoff-badge" />}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
