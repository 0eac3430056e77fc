/**
 * One CSV cell: quoted when needed, and defused against spreadsheet formula
 * injection. A text that a spreadsheet would run as a formula (starting with
 * = or @, a tab or a carriage return; or with + or - followed by anything but
 * a plain number or phone number) is prefixed with an apostrophe. "-40" and
 * "+39 02 1234 5678" stay as they are, so an export imports back unchanged.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && startsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function startsFormula(text: string): boolean {
  if (/^[=@\t\r]/.test(text)) return true;
  return /^[+-]/.test(text) && !/^[+-][\d\s().,/-]*$/.test(text);
}

/** The reverse of the guard, for a file coming back in: "'=Cold Chain" reads as "=Cold Chain". */
export function unguardCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
