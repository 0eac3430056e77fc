import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/nav-link";
import { pageActor } from "@/server/auth/current-actor";
import { type Capability, can } from "@/server/auth/permissions";

const SECTIONS: { href: string; labelKey: string; capability: Capability }[] = [
  { href: "/settings/members", labelKey: "settings.members", capability: "members.read" },
  { href: "/settings/api-tokens", labelKey: "settings.apiTokens", capability: "apiTokens.manageOwn" },
  { href: "/settings/audit", labelKey: "settings.audit", capability: "audit.read" },
  { href: "/settings/webhooks", labelKey: "settings.webhooks", capability: "webhooks.manage" },
  { href: "/settings/privacy", labelKey: "settings.privacy", capability: "privacy.manage" },
  { href: "/settings/workspace", labelKey: "settings.workspace", capability: "workspace.read" },
  { href: "/settings/profile", labelKey: "settings.profile", capability: "workspace.read" },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor("workspace.read");
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <nav aria-label={t("settings.nav")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
          {SECTIONS.filter((s) => can(actor.role, s.capability)).map((s) => (
            <li key={s.href}>
              <NavLink href={s.href}>{t(s.labelKey)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
