import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { MainNavList } from "@/components/shell/main-nav-list";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { TWO_FACTOR_SETUP_PATH } from "@/server/auth/current-actor";
import { getSession } from "@/server/auth/session";
import { liveSummary } from "@/server/handoffs/queries";

/**
 * The signed-in shell. From 768 px up: a header with the account controls and
 * a sidebar. Below that (phones): the header keeps the app's name and a menu
 * button, and the sections and account controls open in the menu's panel.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/signin");
  if (!session.active) redirect("/no-workspace");
  if (session.twoFactorSetupRequired) redirect(TWO_FACTOR_SETUP_PATH);
  const t = await getTranslations();
  const role = session.active.role;
  const live = await liveSummary({ userId: session.user.id, workspaceId: session.active.workspaceId, role });
  const who = (
    <>
      {session.user.name} · <span data-testid="current-role">{t(`roles.${role}`)}</span>
    </>
  );

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2 md:flex-wrap md:gap-4 md:py-3">
          <MobileMenu live={live}>
            <nav aria-label={t("nav.label")}>
              <MainNavList role={role} live={live} badgeSuffix="-panel" />
            </nav>
            <section aria-label={t("nav.account")} className="space-y-3 border-t border-slate-200 pt-4 text-sm">
              <p className="text-slate-700">{who}</p>
              <WorkspaceSwitcher workspaces={session.memberships} activeId={session.active.workspaceId} />
              <LocaleSwitcher />
              <SignOutButton />
            </section>
          </MobileMenu>
          <span className="truncate font-semibold text-brand-900">{t("app.name")}</span>
          <div className="hidden md:block">
            <WorkspaceSwitcher workspaces={session.memberships} activeId={session.active.workspaceId} />
          </div>
          <div className="ml-auto hidden items-center gap-3 md:flex">
            <span className="text-sm text-slate-600" data-testid="current-user">
              {who}
            </span>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-3 py-4 md:px-4 md:py-6">
        <nav aria-label={t("nav.label")} className="hidden w-48 shrink-0 md:block">
          <MainNavList role={role} live={live} />
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
