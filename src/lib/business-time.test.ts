import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween, clockState } from "@/lib/business-time";

const rome: BusinessCalendar = {
  timeZone: "Europe/Rome",
  workingDays: [1, 2, 3, 4, 5],
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
  holidays: [],
};
const newYork: BusinessCalendar = { ...rome, timeZone: "America/New_York" };
const iso = (s: string) => new Date(s);
const add = (start: string, hours: number, calendar = rome) =>
  addBusinessMinutes(iso(start), hours * 60, calendar).toISOString();

describe("addBusinessMinutes (Europe/Rome, Mon–Fri 09:00–18:00)", () => {
  it("runs inside one working day", () => {
    // Tuesday 2026-11-24 10:00 CET = 09:00Z.
    expect(add("2026-11-24T09:00:00Z", 4)).toBe("2026-11-24T13:00:00.000Z");
  });

  it("pauses overnight and over the weekend", () => {
    // Friday 16:00 CET + 4 h: 2 h on Friday, 2 h from Monday 09:00 → Monday 11:00 CET.
    expect(add("2026-11-27T15:00:00Z", 4)).toBe("2026-11-30T10:00:00.000Z");
    // Saturday noon: the clock starts on Monday 09:00.
    expect(add("2026-11-28T11:00:00Z", 4)).toBe("2026-11-30T12:00:00.000Z");
    // Before opening on a weekday.
    expect(add("2026-11-24T05:00:00Z", 1)).toBe("2026-11-24T09:00:00.000Z");
  });

  it("spans several days", () => {
    // Monday 09:00 + 20 h = 9 + 9 + 2 → Wednesday 11:00 CET.
    expect(add("2026-11-23T08:00:00Z", 20)).toBe("2026-11-25T10:00:00.000Z");
  });

  it("skips holidays", () => {
    const withHoliday = { ...rome, holidays: ["2026-12-07", "2026-12-08"] };
    // Friday 4 Dec 17:00 + 3 h: 1 h on Friday, Monday 7 and Tuesday 8 off → Wednesday 11:00 CET.
    expect(add("2026-12-04T16:00:00Z", 3, withHoliday)).toBe("2026-12-09T10:00:00.000Z");
  });

  it("is right across the spring daylight-saving change (29 March 2026)", () => {
    // Friday 27 March 16:00 CET (15:00Z) + 4 h → Monday 30 March 11:00 CEST (09:00Z).
    expect(add("2026-03-27T15:00:00Z", 4)).toBe("2026-03-30T09:00:00.000Z");
    // A day with a missing hour: 00:00–24:00 on 29 March lasts 23 hours.
    const allDay = { ...rome, workingDays: [1, 2, 3, 4, 5, 6, 7], dayStartMinute: 0, dayEndMinute: 1440 };
    expect(businessMinutesBetween(iso("2026-03-28T23:00:00Z"), iso("2026-03-29T22:00:00Z"), allDay)).toBe(23 * 60);
    // 01:00–04:00 local on that day is two real hours.
    const night = { ...allDay, dayStartMinute: 60, dayEndMinute: 240 };
    expect(businessMinutesBetween(iso("2026-03-29T00:00:00Z"), iso("2026-03-29T03:00:00Z"), night)).toBe(120);
  });

  it("is right across the autumn change (25 October 2026)", () => {
    // Friday 23 Oct 17:00 CEST (15:00Z) + 2 h → Monday 26 Oct 10:00 CET (09:00Z).
    expect(add("2026-10-23T15:00:00Z", 2)).toBe("2026-10-26T09:00:00.000Z");
    const allDay = { ...rome, workingDays: [1, 2, 3, 4, 5, 6, 7], dayStartMinute: 0, dayEndMinute: 1440 };
    // 25 October lasts 25 hours.
    expect(businessMinutesBetween(iso("2026-10-24T22:00:00Z"), iso("2026-10-25T23:00:00Z"), allDay)).toBe(25 * 60);
  });
});

describe("addBusinessMinutes (America/New_York)", () => {
  it("uses the New York calendar and its own DST dates", () => {
    // Friday 6 March 2026 16:00 EST (21:00Z) + 4 h → Monday 9 March 11:00 EDT (15:00Z), after the 8 March change.
    expect(add("2026-03-06T21:00:00Z", 4, newYork)).toBe("2026-03-09T15:00:00.000Z");
    // Friday 30 Oct 17:00 EDT (21:00Z) + 2 h → Monday 2 Nov 10:00 EST (15:00Z), after the 1 November change.
    expect(add("2026-10-30T21:00:00Z", 2, newYork)).toBe("2026-11-02T15:00:00.000Z");
  });

  it("the same instant has different due times in Rome and New York", () => {
    // Tuesday 15:00Z is 16:00 in Rome (2 h left today) and 10:00 in New York.
    expect(add("2026-11-24T15:00:00Z", 4)).toBe("2026-11-25T10:00:00.000Z");
    expect(add("2026-11-24T15:00:00Z", 4, newYork)).toBe("2026-11-24T19:00:00.000Z");
  });
});

describe("clockState", () => {
  it("says when a paused clock resumes", () => {
    expect(clockState(iso("2026-11-24T10:00:00Z"), rome)).toEqual({ running: true });
    expect(clockState(iso("2026-11-28T10:00:00Z"), rome)).toEqual({
      running: false,
      resumesAt: iso("2026-11-30T08:00:00Z"),
    });
  });
});

describe("calendar checks", () => {
  it("refuses calendars without working time", () => {
    expect(() => addBusinessMinutes(new Date(), 60, { ...rome, workingDays: [] })).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date(), 60, { ...rome, dayStartMinute: 600, dayEndMinute: 600 })).toThrow(
      RangeError,
    );
  });
});

describe("properties", () => {
  const zones = ["Europe/Rome", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"];
  const calendarArb = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      start: fc.integer({ min: 0, max: 1380 }),
      length: fc.integer({ min: 60, max: 1440 }),
      holidays: fc.array(fc.date({ min: new Date("2026-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }), {
        maxLength: 5,
      }),
    })
    .map(
      (c): BusinessCalendar => ({
        timeZone: c.timeZone,
        workingDays: c.workingDays,
        dayStartMinute: c.start,
        dayEndMinute: Math.min(1440, c.start + c.length),
        holidays: c.holidays.map((d) => d.toISOString().slice(0, 10)),
      }),
    );
  const instant = fc.date({ min: new Date("2026-01-01"), max: new Date("2027-06-30"), noInvalidDate: true });
  const minutes = fc.integer({ min: 0, max: 60 * 40 });

  it("exactly the asked business time lies between the start and the due time", () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, (calendar, start, m) => {
        const due = addBusinessMinutes(start, m, calendar);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessMinutesBetween(start, due, calendar)).toBeCloseTo(m, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("adding in two steps equals adding once", () => {
    // The second step is at least a minute: zero minutes from the very end of a window is, by design, the
    // next opening (where a new clock starts), while the first step alone stops at that end.
    fc.assert(
      fc.property(calendarArb, instant, minutes, fc.integer({ min: 1, max: 60 * 40 }), (calendar, start, a, b) => {
        const twice = addBusinessMinutes(addBusinessMinutes(start, a, calendar), b, calendar);
        expect(twice.getTime()).toBe(addBusinessMinutes(start, a + b, calendar).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("business time between instants is additive and antisymmetric", () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, instant, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = businessMinutesBetween(a, b, calendar);
        const bc = businessMinutesBetween(b, c, calendar);
        expect(businessMinutesBetween(a, c, calendar)).toBeCloseTo(ab + bc, 6);
        expect(businessMinutesBetween(b, a, calendar)).toBeCloseTo(-ab, 6);
        expect(ab).toBeLessThanOrEqual((b.getTime() - a.getTime()) / 60_000 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
