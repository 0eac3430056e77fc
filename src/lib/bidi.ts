/**
 * People's text set into a translated sentence, isolated from it: wrapped in
 * U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, which is what
 * `<bdi>` does, for strings a message interpolates (a translator's `t()`
 * takes strings, not elements). A right-to-left name, or a stray override
 * character in it, then cannot reorder the words around it: the closing
 * isolate ends every embedding or override left open inside.
 */
export function isolate(text: string): string {
  return text === "" ? text : `\u2068${text}\u2069`;
}

/** Every string among a message's values, isolated; numbers and dates are the app's own and stay as they are. */
export function isolateValues<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? isolate(value) : value]),
  ) as T;
}
