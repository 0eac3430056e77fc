import { fromZonedTime } from "date-fns-tz";

const DAY = 86_400_000;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Local dates (YYYY-MM-DD, `to` inclusive) of a time zone as instants [from, to):
 * the one meaning of "from … to" in lists, dashboards and the API.
 */
export function localDays(fromDate: string | undefined, toDate: string | undefined, timeZone: string) {
  return {
    from: fromDate ? fromZonedTime(`${fromDate}T00:00:00`, timeZone) : undefined,
    to: toDate ? fromZonedTime(`${addDays(toDate, 1)}T00:00:00`, timeZone) : undefined,
  };
}
