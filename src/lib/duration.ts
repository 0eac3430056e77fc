/**
 * A response or stage time as people read it: hours from one hour up
 * ("4.5 h"), minutes below ("12 min"), and "under a minute" below that — an
 * eight-second answer is not "0 h".
 */
export function durationParts(hours: number): { unit: "hours" | "minutes" | "underMinute"; value: number } {
  if (hours >= 1) return { unit: "hours", value: hours };
  const minutes = hours * 60;
  if (minutes >= 1) return { unit: "minutes", value: Math.round(minutes) };
  return { unit: "underMinute", value: 0 };
}

/** The same, in words: `t` gives "{hours} h", "{minutes} min" and "under a minute" in the reader's language. */
export function formatDuration(
  hours: number,
  /** The reader's number format, at most `digits` decimals. */
  formatNumber: (value: number, digits: number) => string,
  t: (key: "hours" | "minutes" | "underMinute", values?: Record<string, string>) => string,
): string {
  const { unit, value } = durationParts(hours);
  if (unit === "hours") return t("hours", { hours: formatNumber(value, 1) });
  if (unit === "minutes") return t("minutes", { minutes: formatNumber(value, 0) });
  return t("underMinute");
}
