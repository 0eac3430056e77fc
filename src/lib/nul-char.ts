/**
 * PostgreSQL text cannot hold U+0000: a string with it fails in the database
 * ("invalid byte sequence"), long after validation. Inputs are checked for it
 * at the edge (server actions, API bodies, filters) and refused as invalid.
 */
export function hasNulChar(value: string): boolean {
  return value.includes("\u0000");
}

/** The path of the first string (or object key) holding U+0000 in a parsed input, or null. */
export function nulCharPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return hasNulChar(value) ? path : null;
  if (value === null || typeof value !== "object" || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulCharPath(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasNulChar(key)) return [...path, key];
    const found = nulCharPath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
