import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { earliestLastDayRunningAt, leaveEnds, onLeaveAt } from "../../src/domain/set/leave.ts";
import {
  addDays,
  addMonths,
  CalendarDate,
  calendarDate,
  calendarDateOf,
  compareDates,
  dayEnds,
  dayStarts,
  daysBetween,
  formatCalendarDate,
  lastMomentOf,
} from "../../src/domain/time/calendar-date.ts";
import { parseDay } from "../../src/domain/time/day.ts";

const LONDON = "Europe/London";
const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const AUCKLAND = "Pacific/Auckland";
const iso = (d: Date) => d.toISOString();

describe("a calendar date is the day as given, in every zone", () => {
  test("it is shown exactly as given, whoever reads it and whatever its zone", () => {
    for (const zone of [LONDON, BERLIN, NEW_YORK, AUCKLAND]) {
      const due = calendarDate("2027-01-20", zone);
      assert.equal(formatCalendarDate(due), "Wed 20 Jan 2027", zone);
      assert.equal(formatCalendarDate(due, "day"), "20 Jan 2027", zone);
      assert.equal(formatCalendarDate(due, "iso"), "2027-01-20", zone);
    }
    assert.equal(formatCalendarDate(calendarDate("2027-09-05", LONDON)), "Sun 5 Sep 2027", "English names on every machine");
  });

  test("the day starts and ends at midnight in its own zone", () => {
    const cases: [string, string, string][] = [
      [LONDON, "2027-01-20T00:00:00.000Z", "2027-01-21T00:00:00.000Z"],
      [BERLIN, "2027-01-19T23:00:00.000Z", "2027-01-20T23:00:00.000Z"],
      [NEW_YORK, "2027-01-20T05:00:00.000Z", "2027-01-21T05:00:00.000Z"],
      [AUCKLAND, "2027-01-19T11:00:00.000Z", "2027-01-20T11:00:00.000Z"],
    ];
    for (const [zone, start, end] of cases) {
      const d = calendarDate("2027-01-20", zone);
      assert.equal(iso(dayStarts(d)), start, zone);
      assert.equal(iso(dayEnds(d)), end, zone);
      assert.equal(iso(lastMomentOf(d)), iso(new Date(dayEnds(d).getTime() - 1)), zone);
    }
  });

  test("a day across a clock change lasts 23 or 25 hours, and still ends at the next local midnight", () => {
    const hours = (date: string, zone: string) => {
      const d = calendarDate(date, zone);
      return (dayEnds(d).getTime() - dayStarts(d).getTime()) / 3_600_000;
    };
    assert.equal(hours("2027-03-28", LONDON), 23); // clocks forward: ends at midnight BST
    assert.equal(iso(dayEnds(calendarDate("2027-03-28", LONDON))), "2027-03-28T23:00:00.000Z");
    assert.equal(hours("2027-10-31", LONDON), 25);
    assert.equal(hours("2027-03-28", BERLIN), 23);
    assert.equal(hours("2027-03-14", NEW_YORK), 23);
    assert.equal(hours("2027-11-07", NEW_YORK), 25);
    assert.equal(hours("2027-04-04", AUCKLAND), 25); // NZDT ends
    assert.equal(hours("2027-09-26", AUCKLAND), 23); // NZDT starts
    assert.equal(hours("2027-01-20", LONDON), 24);
  });

  test("where a clock change skips midnight, the day starts at the first moment that exists", () => {
    // Santiago moves from 00:00 to 01:00 on 5 September 2027.
    const d = calendarDate("2027-09-05", "America/Santiago");
    assert.equal(iso(dayStarts(d)), "2027-09-05T04:00:00.000Z");
    assert.equal(iso(dayEnds(calendarDate("2027-09-04", "America/Santiago"))), "2027-09-05T04:00:00.000Z");
  });

  test("the day an instant falls on depends on the zone", () => {
    const t = new Date("2027-01-20T11:30:00Z");
    assert.equal(calendarDateOf(t, LONDON).date, "2027-01-20");
    assert.equal(calendarDateOf(t, NEW_YORK).date, "2027-01-20");
    assert.equal(calendarDateOf(t, AUCKLAND).date, "2027-01-21");
    assert.equal(calendarDateOf(new Date("2027-01-20T23:30:00Z"), BERLIN).date, "2027-01-21");
    assert.equal(calendarDateOf(t, AUCKLAND).zone, AUCKLAND);
  });

  test("day and month arithmetic stays on the calendar", () => {
    const d = calendarDate("2027-01-31", BERLIN);
    assert.deepEqual(addMonths(d, 1), calendarDate("2027-02-28", BERLIN));
    assert.deepEqual(addDays(d, 1), calendarDate("2027-02-01", BERLIN));
    assert.deepEqual(addDays(calendarDate("2027-03-28", LONDON), 1), calendarDate("2027-03-29", LONDON));
    assert.equal(daysBetween(calendarDate("2027-03-01", LONDON), calendarDate("2027-04-01", LONDON)), 31);
    assert.ok(compareDates(calendarDate("2027-01-20", AUCKLAND), calendarDate("2027-01-21", NEW_YORK)) < 0);
    assert.equal(compareDates(calendarDate("2027-01-20", AUCKLAND), calendarDate("2027-01-20", NEW_YORK)), 0);
  });

  test("zod refuses a day that does not exist, a malformed day and an unknown zone", () => {
    assert.ok(CalendarDate.safeParse({ date: "2027-01-20", zone: AUCKLAND }).success);
    assert.ok(!CalendarDate.safeParse({ date: "2027-02-29", zone: LONDON }).success);
    assert.ok(CalendarDate.safeParse({ date: "2028-02-29", zone: LONDON }).success);
    assert.ok(!CalendarDate.safeParse({ date: "2027-1-20", zone: LONDON }).success);
    assert.ok(!CalendarDate.safeParse({ date: "2027-01-20T00:00", zone: LONDON }).success);
    assert.ok(!CalendarDate.safeParse({ date: "2027-01-20", zone: "Mars/Olympus" }).success);
    assert.throws(() => calendarDate("2027-13-01", LONDON));
  });
});

describe("the day option reads a day in the actor's zone", () => {
  const now = new Date("2027-01-20T11:30:00Z"); // Wednesday in London and New York, already Thursday in Auckland

  test("a day written out is kept as written, in every zone", () => {
    for (const zone of [LONDON, BERLIN, NEW_YORK, AUCKLAND]) {
      const r = parseDay("2027-02-20", { now, timeZone: zone });
      assert.ok(r.ok);
      assert.deepEqual(r.value, calendarDate("2027-02-20", zone));
    }
  });

  test("relative days count from the actor's own today", () => {
    const tomorrow = (zone: string) => {
      const r = parseDay("tomorrow", { now, timeZone: zone });
      assert.ok(r.ok);
      return r.value.date;
    };
    assert.equal(tomorrow(LONDON), "2027-01-21");
    assert.equal(tomorrow(NEW_YORK), "2027-01-21");
    assert.equal(tomorrow(AUCKLAND), "2027-01-22");
  });

  test("a day that does not exist is refused", () => {
    assert.ok(!parseDay("not a day at all", { now, timeZone: LONDON }).ok);
  });
});

describe("a leave runs to the end of its last day in its zone, or to an early return", () => {
  const leave = { startsAt: new Date("2027-02-01T09:00:00Z"), lastDay: calendarDate("2027-02-20", BERLIN), endedAt: null };

  test("it ends at the next midnight in the member's zone", () => {
    assert.equal(iso(leaveEnds(leave)), "2027-02-20T23:00:00.000Z");
    assert.ok(onLeaveAt(leave, new Date("2027-02-20T22:59:59Z")));
    assert.ok(!onLeaveAt(leave, new Date("2027-02-20T23:00:00Z")));
    assert.ok(!onLeaveAt(leave, new Date("2027-02-01T08:59:59Z")));
  });

  test("an early return ends it then; a return recorded after its end changes nothing", () => {
    assert.equal(iso(leaveEnds({ ...leave, endedAt: new Date("2027-02-10T12:00:00Z") })), "2027-02-10T12:00:00.000Z");
    assert.equal(iso(leaveEnds({ ...leave, endedAt: new Date("2027-03-01T12:00:00Z") })), "2027-02-20T23:00:00.000Z");
  });

  test("a store may pre-filter by last day: no zone keeps a leave running past the bound", () => {
    const t = new Date("2027-02-21T11:00:00Z");
    const bound = earliestLastDayRunningAt(t);
    assert.equal(bound, "2027-02-20");
    // the last zone to finish 20 Feb (UTC−12) finishes it at 21 Feb 12:00 UTC: still running at t
    assert.ok(dayEnds(calendarDate("2027-02-20", "Etc/GMT+12")) > t);
    // 19 Feb is over everywhere by then
    assert.ok(dayEnds(calendarDate("2027-02-19", "Etc/GMT+12")) <= t);
  });
});
