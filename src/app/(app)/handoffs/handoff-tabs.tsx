import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";

/** The sub-navigation of the handoff pages. */
export async function HandoffTabs({
  actor,
  current,
}: {
  actor: Actor;
  current: "mine" | "team" | "pipeline" | "returned";
}) {
  const t = await getTranslations("handoffs");
  const tabs = [
    ...(can(actor.role, "handoffs.answer") ? [{ key: "mine", href: "/handoffs", label: t("tabMine") }] : []),
    ...(can(actor.role, "handoffs.assign") ? [{ key: "team", href: "/handoffs?view=team", label: t("tabTeam") }] : []),
    ...(can(actor.role, "deals.progress")
      ? [{ key: "pipeline", href: "/handoffs/pipeline", label: t("tabPipeline") }]
      : []),
    { key: "returned", href: "/handoffs/returned", label: t("tabReturned") },
  ];
  return (
    <nav aria-label={t("tabsLabel")} className="flex gap-1 overflow-x-auto whitespace-nowrap border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${
            tab.key === current ? "border-brand-600 font-semibold text-brand-900" : "border-transparent text-slate-600"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
