"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { LiveBadge } from "@/components/live-badges";
import type { LiveSummary } from "@/components/live-summary";

// React.lazy, not next/dynamic: the shell is on every page, and next/dynamic's loader would be first-load JS too.
const loadPanel = () => import("./mobile-menu-panel").then((m) => ({ default: m.MobileMenuPanel }));
const MobileMenuPanel = lazy(loadPanel);

/**
 * The navigation on narrow screens (below Tailwind's `md`, 768 px): a button
 * that opens the sections and the account controls in a panel. The counts
 * stay on the button, so a rep sees a new handoff without opening the menu.
 * The panel's code loads when the button is first touched.
 */
export function MobileMenu({ live, children }: { live: LiveSummary; children: React.ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A tap on a section navigates: the panel has done its job.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of the path changing
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn-secondary min-h-10 gap-1 px-2.5 md:hidden"
        data-testid="menu-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? "mobile-menu" : undefined}
        onPointerEnter={() => void loadPanel()}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        <span>{t("menu")}</span>
        <LiveBadge initial={live} field="open" testId="handoff-badge-menu" />
        <LiveBadge initial={live} field="unread" testId="unread-badge-menu" tone="muted" />
      </button>
      {used && (
        <Suspense fallback={null}>
          <MobileMenuPanel open={open} onOpenChange={setOpen} returnFocusTo={button}>
            {children}
          </MobileMenuPanel>
        </Suspense>
      )}
    </>
  );
}
