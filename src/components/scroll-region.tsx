/**
 * A horizontally scrollable wrapper (wide tables on narrow screens) that
 * keyboard users can scroll too: it takes the focus and is named for screen
 * readers (WCAG 2.1.1; axe "scrollable-region-focusable"). A table inside keeps
 * its first column in view while the rest scrolls (`scroll-region` in globals.css).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section
      className="scroll-region relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
      tabIndex={0}
      aria-label={label}
    >
      {children}
    </section>
  );
}
