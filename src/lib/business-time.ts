/**
 * The SLA clock: time that only runs inside working hours, on working days,
 * outside holidays, in one IANA time zone. Pure (no database, no `Date.now()`),
 * shared by the server (due times, compliance) and the browser (countdowns).
 *
 * Working windows are built from local wall-clock times and turned into
 * instants with the time zone's rules, so a 09:00–18:00 day is nine real hours
 * on the days clocks change too, and an instant is always counted once.
 */
export type BusinessCalendar = {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Minutes after local midnight, 0 ≤ start < end ≤ 1440. */
  dayStartMinute: number;
  dayEndMinute: number;
  /** Local dates, YYYY-MM-DD. */
  holidays: readonly string[];
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A calendar with at least one working day has a window within a week, holidays aside; ten years is a safe bound. */
const MAX_DAYS = 3_660;

type Window = { start: number; end: number };

// Time-zone arithmetic straight on Intl (no date-fns-tz): this file runs in the browser too (the inbox countdown),
// where date-fns-tz's parser and date-fns's formatting would add ≈9 kB of JavaScript. The wall-clock → instant
// conversion equals date-fns-tz's fromZonedTime (compared over every quarter hour of a year in ten zones,
// DST gaps and overlaps included).
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(instant: number, timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    day: Date.UTC(part("year"), part("month") - 1, part("day")),
    asUtc: Date.UTC(part("year"), part("month") - 1, part("day"), part("hour") % 24, part("minute"), part("second")),
  };
}

/** The zone's offset at an instant: local wall clock minus UTC, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockParts(instant, timeZone).asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The local calendar date of an instant, as a UTC-midnight timestamp (pure calendar arithmetic from here). */
function localDay(at: Date, timeZone: string): number {
  return wallClockParts(at.getTime(), timeZone).day;
}

/**
 * The instant a local wall-clock time (given as if it were UTC) happens in the zone. In a DST gap the clock
 * reads forward; in an overlap the earlier instant wins.
 */
function zonedToInstant(local: number, timeZone: string): number {
  const first = offsetAt(local, timeZone);
  const guess = local - first;
  const second = offsetAt(guess, timeZone);
  if (first === second) return guess;
  const third = offsetAt(guess - (second - first), timeZone);
  return local - (second === third ? second : Math.max(second, third));
}

function ymd(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

function wallClock(day: number, minute: number, timeZone: string): number {
  // 24:00 is the next day's midnight.
  return zonedToInstant(day + minute * 60_000, timeZone);
}

/** The working window of a local day, or null when the clock does not run that day. */
function windowOf(day: number, calendar: BusinessCalendar, holidays: Set<string>): Window | null {
  const weekday = new Date(day).getUTCDay() || 7;
  if (!calendar.workingDays.includes(weekday) || holidays.has(ymd(day))) return null;
  return {
    start: wallClock(day, calendar.dayStartMinute, calendar.timeZone),
    end: wallClock(day, calendar.dayEndMinute, calendar.timeZone),
  };
}

/** Working windows that end after `from`, in order (starting from the local day before, for windows crossing midnight in UTC). */
function* windowsFrom(from: number, calendar: BusinessCalendar): Generator<Window> {
  assertCalendar(calendar);
  const holidays = new Set(calendar.holidays);
  let day = localDay(new Date(from), calendar.timeZone) - DAY_MS;
  for (let i = 0; i < MAX_DAYS; i++, day += DAY_MS) {
    const window = windowOf(day, calendar, holidays);
    if (window && window.end > from) yield window;
  }
  throw new Error("The business calendar has no working time in the next ten years");
}

export function assertCalendar(calendar: BusinessCalendar): void {
  const { dayStartMinute: start, dayEndMinute: end } = calendar;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end) {
    throw new RangeError("Working hours must satisfy 0 ≤ start < end ≤ 24:00");
  }
  if (!calendar.workingDays.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new RangeError("At least one working day is needed");
  }
}

/** The instant `minutes` of business time after `start`. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!(minutes >= 0)) throw new RangeError("minutes must be ≥ 0");
  let remaining = minutes * MINUTE_MS;
  const from = start.getTime();
  for (const window of windowsFrom(from, calendar)) {
    const begin = Math.max(from, window.start);
    const available = window.end - begin;
    if (remaining <= available) {
      // Zero minutes from outside working hours is the next opening, like any other amount.
      return new Date(begin + remaining);
    }
    remaining -= available;
  }
  /* c8 ignore next */
  throw new Error("unreachable");
}

/**
 * Business milliseconds from `from` to `to`; negative when `to` is earlier
 * (e.g. how long a handoff has been overdue).
 */
export function businessMsBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -businessMsBetween(to, from, calendar);
  let total = 0;
  for (const window of windowsFrom(a, calendar)) {
    if (window.start >= b) break;
    total += Math.min(b, window.end) - Math.max(a, window.start);
  }
  return total;
}

export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  return businessMsBetween(from, to, calendar) / MINUTE_MS;
}

/** Whether the clock runs at `at`; when it does not, the instant it starts again. */
export function clockState(
  at: Date,
  calendar: BusinessCalendar,
): { running: true } | { running: false; resumesAt: Date } {
  const t = at.getTime();
  for (const window of windowsFrom(t, calendar)) {
    if (window.start <= t) return { running: true };
    return { running: false, resumesAt: new Date(window.start) };
  }
  /* c8 ignore next */
  throw new Error("unreachable");
}

/** A minute of the day as HH:MM (24:00 wraps to 00:00, as time inputs expect). */
export function minuteToHhmm(minute: number): string {
  return `${String(Math.floor(minute / 60) % 24).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
