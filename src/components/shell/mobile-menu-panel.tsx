"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";

/**
 * The menu's panel (loaded on the first tap, so Radix stays out of every
 * page's first load): Radix's dialog keeps the focus inside while it is open,
 * closes on Escape or a tap outside, and gives the focus back to the button.
 */
export function MobileMenuPanel({
  open,
  onOpenChange,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  children: React.ReactNode;
}) {
  const t = useTranslations("nav");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
        <Dialog.Content
          id="mobile-menu"
          className="fixed inset-y-0 left-0 z-50 flex w-[min(20rem,88vw)] flex-col gap-4 overflow-y-auto bg-white p-4 shadow-xl md:hidden"
          data-testid="mobile-menu"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
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
