"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The definition bubble of <TermHint>: opens on hover and on keyboard focus,
 * closes on Escape, blur or mouse leave; the word is a button described by
 * the bubble (role="tooltip"), so screen readers read the definition too.
 */
export function TermPopover({
  label,
  name,
  definition,
  href,
  linkLabel,
  status,
  children,
}: {
  label: string;
  name: string;
  definition: string;
  href: string;
  linkLabel: string;
  /** Said above the definition when it is not the agreed one (e.g. "Proposed, not agreed yet"). */
  status?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover/focus only mirror the button's own focus; the button is the interactive element
    <span
      ref={wrapper}
      className="relative inline-block"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={(event) => {
        if (!wrapper.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        aria-describedby={id}
        aria-label={label}
        aria-expanded={open}
        // A 24 px target at least (WCAG 2.2 2.5.8), also where the term sits in small print.
        className="inline-block min-h-6 min-w-6 cursor-help border-b border-dotted border-brand-600 py-0.5 text-left font-medium leading-5 text-inherit"
        onClick={() => setOpen((o) => !o)}
      >
        {children}
      </button>
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className="absolute left-0 top-full z-20 mt-1 block w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-3 text-left text-sm font-normal text-slate-800 shadow-lg"
      >
        <span className="block font-semibold">{name}</span>
        {status && <span className="mt-0.5 block text-xs font-medium text-amber-800">{status}</span>}
        <span className="mt-1 block">{definition}</span>
        <Link href={href} className="mt-2 block text-xs text-brand-700 underline">
          {linkLabel}
        </Link>
      </span>
    </span>
  );
}
