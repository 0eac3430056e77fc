/**
 * A rejected row's stored reason ("companySize: wholeNumber", as the schema
 * names the field and the message key) in the reader's words: "Company size
 * (employees): Use a whole number." The stored form stays language-neutral, so
 * the same import reads right in English and in Italian.
 */
type Translate = ((key: string) => string) & { has: (key: string) => boolean };

export function describeRejection(reason: string, t: Translate): string {
  const split = reason.indexOf(": ");
  const [field, key] = split < 0 ? ["", reason] : [reason.slice(0, split), reason.slice(split + 2)];
  const message = t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid");
  const label = field && t.has(`leads.${field}`) ? t(`leads.${field}`) : field;
  return label ? `${label}: ${message}` : message;
}
