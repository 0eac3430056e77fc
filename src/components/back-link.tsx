import Link from "next/link";

/** The way back to a page's parent list ("← All forms"), at the top of a detail page. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link href={href} className="text-sm underline">
        ← {label}
      </Link>
    </p>
  );
}
