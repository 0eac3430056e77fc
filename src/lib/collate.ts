/**
 * Name order as people read it, in their language: "Campaign" between "CAC"
 * and "CPL" (not after every capital, as PostgreSQL's C collation puts it),
 * "Élodie" beside "Elena", "Lead 2" before "Lead 10".
 */
export function nameCollator(locale = "en") {
  return new Intl.Collator(locale, { sensitivity: "base", numeric: true });
}

/** A sorted copy of `items` by the name `nameOf` gives each. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, locale = "en"): T[] {
  const { compare } = nameCollator(locale);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}
