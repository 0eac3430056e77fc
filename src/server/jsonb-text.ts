/**
 * A JSON value written the way PostgreSQL prints it back from a `jsonb`
 * column (`col::text`): object keys ordered by length then bytes, ", " and
 * ": " between items, strings escaped as JSON. Comparing this with the stored
 * text tells whether a rewrite would change the value, without reading every
 * stored document back into objects (bulk re-scoring compares a million).
 *
 * Returns null for what it cannot write exactly (numbers JavaScript prints in
 * exponent form, non-finite numbers): callers treat null as "changed".
 */
export function jsonbText(value: unknown): string | null {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number": {
      const text = JSON.stringify(value);
      // jsonb keeps numbers as numeric: 1e+21 comes back as 1000000000000000000000.
      return Number.isFinite(value) && !/e/i.test(text) ? text : null;
    }
    case "object": {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (const item of value) {
          const text = jsonbText(item === undefined ? null : item);
          if (text === null) return null;
          items.push(text);
        }
        return `[${items.join(", ")}]`;
      }
      const object = value as Record<string, unknown>;
      let out = "";
      for (const key of jsonbKeyOrder(Object.keys(object))) {
        if (object[key] === undefined) continue;
        const text = jsonbText(object[key]);
        if (text === null) return null;
        out += `${out ? ", " : ""}${JSON.stringify(key)}: ${text}`;
      }
      return `{${out}}`;
    }
    default:
      return null;
  }
}

/** Sorted key lists by the object's own key list: explanations repeat a few shapes a million times. */
const keyOrders = new Map<string, string[]>();

/** jsonb's key order: shorter keys (in UTF-8 bytes) first, equal lengths by their bytes. */
function jsonbKeyOrder(keys: string[]): string[] {
  const shape = keys.join("\u0000");
  let sorted = keyOrders.get(shape);
  if (!sorted) {
    const bytes = new Map(keys.map((key) => [key, Buffer.from(key, "utf8")]));
    const of = (key: string) => bytes.get(key) as Buffer;
    sorted = [...keys].sort((a, b) => of(a).length - of(b).length || Buffer.compare(of(a), of(b)));
    if (keyOrders.size > 1_000) keyOrders.clear();
    keyOrders.set(shape, sorted);
  }
  return sorted;
}
