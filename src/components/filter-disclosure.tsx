"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * Filters that fold away on a phone: below 768 px a button ("Filters · 2
 * active") shows or hides them, so the list itself is on the first screen;
 * from 768 px up they are always shown and the button is gone.
 */
export function FilterDisclosure({ summary, children }: { summary?: string; children: React.ReactNode }) {
  const t = useTranslations("filters");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        className="btn-secondary w-full justify-between md:hidden"
        aria-expanded={open}
        aria-controls={id}
        data-testid="filters-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        <span>
          {t("label")}
          {summary && <span className="font-normal text-slate-600"> · {summary}</span>}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-4 w-4 transition ${open ? "rotate-180" : ""}`}
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </button>
      <div id={id} className={`${open ? "mt-2 block" : "hidden"} md:mt-0 md:block`}>
        {children}
      </div>
    </div>
  );
}
