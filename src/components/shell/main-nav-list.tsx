import { getTranslations } from "next-intl/server";
import { NAV_ITEMS } from "@/components/app-nav";
import { LiveBadge } from "@/components/live-badges";
import type { LiveSummary } from "@/components/live-summary";
import { NavLink } from "@/components/nav-link";
import type { Role } from "@/generated/prisma/enums";
import { can } from "@/server/auth/permissions";

/**
 * The sections a role may open, with their live counts. One list serves the
 * sidebar (wide screens) and the menu (phones); `badgeSuffix` keeps the two
 * copies' test ids apart, since the sidebar stays in the DOM (hidden) on a phone.
 */
export async function MainNavList({
  role,
  live,
  badgeSuffix = "",
}: {
  role: Role;
  live: LiveSummary;
  badgeSuffix?: string;
}) {
  const t = await getTranslations();
  return (
    <ul className="space-y-1">
      {NAV_ITEMS.filter((item) => can(role, item.capability)).map((item) => (
        <li key={item.href}>
          <NavLink href={item.href}>
            {t(item.labelKey)}
            {item.href === "/notifications" && (
              <LiveBadge initial={live} field="unread" testId={`unread-badge${badgeSuffix}`} />
            )}
            {item.href === "/handoffs" && (
              <LiveBadge initial={live} field="open" testId={`handoff-badge${badgeSuffix}`} />
            )}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
