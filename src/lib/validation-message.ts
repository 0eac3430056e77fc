type ValidationT = ((key: string, values?: Record<string, number>) => string) & { has: (key: string) => boolean };

/** A field error's key in words; a key may carry a number ("tooLongMax:120" → "at most 120 characters"). */
export function validationMessage(t: ValidationT, key: string): string {
  const [name = "", arg] = key.split(":");
  if (!t.has(name)) return t("invalid");
  return arg === undefined ? t(name) : t(name, { max: Number(arg) });
}
