"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { LiveBadge } from "@/components/live-badges";
import type { LiveSummary } from "@/components/live-summary";

/**
 * The navigation on narrow screens (below Tailwind's `md`, 768 px): a button
 * that opens the sections and the account controls in a panel. Radix's dialog
 * keeps the focus inside while it is open, closes on Escape or a tap outside,
 * and gives the focus back to the button. The counts stay on the button, so a
 * rep sees a new handoff without opening the menu.
 */
export function MobileMenu({ live, children }: { live: LiveSummary; children: React.ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // A tap on a section navigates: the panel has done its job.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of the path changing
  useEffect(() => setOpen(false), [pathname]);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="btn-secondary min-h-10 gap-1 px-2.5 md:hidden" data-testid="menu-button">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        <span>{t("menu")}</span>
        <LiveBadge initial={live} field="open" testId="handoff-badge-menu" />
        <LiveBadge initial={live} field="unread" testId="unread-badge-menu" tone="muted" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
        <Dialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-[min(20rem,88vw)] flex-col gap-4 overflow-y-auto bg-white p-4 shadow-xl md:hidden"
          data-testid="mobile-menu"
          aria-describedby={undefined}
        >
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="font-semibold text-brand-900">{t("menu")}</Dialog.Title>
            <Dialog.Close className="btn-secondary min-h-10 px-3">{t("closeMenu")}</Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
