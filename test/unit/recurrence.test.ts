import assert from "node:assert/strict";
import fc from "fast-check";
import { DateTime } from "luxon";
import { test } from "vitest";
import type { Parsed } from "../../src/domain/text/parse-result.ts";
import {
  type Cadence,
  CadenceSchema,
  describeCadence,
  expandOccurrences,
  MAX_OCCURRENCES,
  parseEvery,
  toRRule,
} from "../../src/domain/time/recurrence.ts";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const KOLKATA = "Asia/Kolkata";

function ok<T>(r: Parsed<T>): T {
  if (!r.ok) assert.fail(`expected ok, got: ${r.message}`);
  return r.value;
}
const local = (iso: string, zone: string): Date => DateTime.fromISO(iso, { zone }).toJSDate();
function series(cadence: Cadence, firstIso: string, zone: string, end: { count: number } | { until: Date }): string[] {
  const first = local(firstIso, zone);
  return expandOccurrences(toRRule(cadence, first, zone, end), first, zone).map((d) => d.toISOString());
}
const WEEKLY: Cadence = { kind: "weekly", interval: 1 };

test("parseEvery: accepted forms", () => {
  const cases: [string, Cadence][] = [
    ["weekly", WEEKLY],
    ["every week", WEEKLY],
    ["Fortnightly", { kind: "weekly", interval: 2 }],
    ["every other week", { kind: "weekly", interval: 2 }],
    ["every 2 weeks", { kind: "weekly", interval: 2 }],
    ["every 3 weeks", { kind: "weekly", interval: 3 }],
    ["every  three weeks", { kind: "weekly", interval: 3 }],
    ["monthly", { kind: "monthly-date" }],
    ["every month", { kind: "monthly-date" }],
    ["first tuesday", { kind: "monthly-weekday", nth: 1, weekday: 1 }],
    ["2nd wednesday", { kind: "monthly-weekday", nth: 2, weekday: 2 }],
    ["third thursday", { kind: "monthly-weekday", nth: 3, weekday: 3 }],
    ["4th mon", { kind: "monthly-weekday", nth: 4, weekday: 0 }],
    ["last friday", { kind: "monthly-weekday", nth: -1, weekday: 4 }],
    ["first tuesday of the month", { kind: "monthly-weekday", nth: 1, weekday: 1 }],
    ["every first tuesday", { kind: "monthly-weekday", nth: 1, weekday: 1 }],
    ["the last Sunday of each month", { kind: "monthly-weekday", nth: -1, weekday: 6 }],
  ];
  for (const [text, cadence] of cases) {
    const value = ok(parseEvery(text));
    assert.deepEqual(value, cadence, text);
    assert.ok(CadenceSchema.safeParse(value).success, text);
  }
});

test("parseEvery: unknown text lists the accepted forms", () => {
  for (const text of ["daily", "", "every 0 weeks", "every 60 weeks", "first funday", "sometimes"]) {
    const r = parseEvery(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message, /e\.g\.|Try/, text);
  }
  const r = parseEvery("daily");
  if (!r.ok) assert.match(r.message, /"weekly", "fortnightly", "every 2 weeks", "monthly".*"first tuesday"/);
  const fifth = parseEvery("fifth friday");
  if (!fifth.ok) assert.match(fifth.message, /last friday/);
  else assert.fail("fifth friday accepted");
});

test("toRRule: RFC 5545 rule strings", () => {
  const first = local("2027-01-12T10:00", LONDON);
  assert.equal(toRRule(WEEKLY, first, LONDON, { count: 6 }), "FREQ=WEEKLY;COUNT=6");
  assert.equal(toRRule({ kind: "weekly", interval: 2 }, first, LONDON, { count: 6 }), "FREQ=WEEKLY;INTERVAL=2;COUNT=6");
  assert.equal(toRRule({ kind: "monthly-weekday", nth: 1, weekday: 1 }, first, LONDON, { count: 6 }), "FREQ=MONTHLY;BYDAY=1TU;COUNT=6");
  assert.equal(toRRule({ kind: "monthly-weekday", nth: -1, weekday: 4 }, first, LONDON, { count: 3 }), "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3");
  assert.equal(toRRule({ kind: "monthly-date" }, first, LONDON, { count: 6 }), "FREQ=MONTHLY;BYMONTHDAY=12;COUNT=6");
  assert.equal(
    toRRule({ kind: "monthly-date" }, local("2027-01-31T10:00", LONDON), LONDON, { until: new Date("2027-12-31T23:59:59Z") }),
    "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20271231T235959Z",
  );
  assert.equal(toRRule(WEEKLY, first, LONDON, { count: 1000 }), `FREQ=WEEKLY;COUNT=${MAX_OCCURRENCES}`);
  assert.equal(toRRule(WEEKLY, first, LONDON, { count: 0 }), "FREQ=WEEKLY;COUNT=1");
  // the day of month is read in the set's zone: 23:30 on 31 Jan UTC is already 1 Feb in Kolkata
  assert.equal(
    toRRule({ kind: "monthly-date" }, new Date("2027-01-31T23:30:00Z"), KOLKATA, { count: 2 }),
    "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2",
  );
});

test("weekly 10:00 Europe/London across the March and October changes", () => {
  assert.deepEqual(series(WEEKLY, "2027-03-16T10:00", LONDON, { count: 4 }), [
    "2027-03-16T10:00:00.000Z",
    "2027-03-23T10:00:00.000Z",
    "2027-03-30T09:00:00.000Z", // BST from Sunday 28 March
    "2027-04-06T09:00:00.000Z",
  ]);
  assert.deepEqual(series(WEEKLY, "2027-10-19T10:00", LONDON, { count: 4 }), [
    "2027-10-19T09:00:00.000Z",
    "2027-10-26T09:00:00.000Z",
    "2027-11-02T10:00:00.000Z", // GMT from Sunday 31 October
    "2027-11-09T10:00:00.000Z",
  ]);
});

test("weekly 10:00 America/New_York across the March and November changes", () => {
  assert.deepEqual(series(WEEKLY, "2027-03-09T10:00", NEW_YORK, { count: 3 }), [
    "2027-03-09T15:00:00.000Z",
    "2027-03-16T14:00:00.000Z", // EDT from 14 March
    "2027-03-23T14:00:00.000Z",
  ]);
  assert.deepEqual(series(WEEKLY, "2027-11-02T10:00", NEW_YORK, { count: 3 }), [
    "2027-11-02T14:00:00.000Z",
    "2027-11-09T15:00:00.000Z", // EST from 7 November
    "2027-11-16T15:00:00.000Z",
  ]);
});

test("weekly 10:00 Asia/Kolkata stays at 04:30Z all year", () => {
  const all = series(WEEKLY, "2027-01-05T10:00", KOLKATA, { count: 52 });
  assert.equal(all.length, 52);
  for (const s of all) assert.match(s, /T04:30:00\.000Z$/);
});

test("fortnightly: 14 local days apart", () => {
  assert.deepEqual(series({ kind: "weekly", interval: 2 }, "2027-03-16T10:00", LONDON, { count: 3 }), [
    "2027-03-16T10:00:00.000Z",
    "2027-03-30T09:00:00.000Z",
    "2027-04-13T09:00:00.000Z",
  ]);
});

test("first tuesday: first Tuesdays of the month, starting at or after the first meeting", () => {
  const cadence = ok(parseEvery("first tuesday"));
  // 5 January 2027 is a first Tuesday: included
  assert.deepEqual(series(cadence, "2027-01-05T10:00", LONDON, { count: 4 }), [
    "2027-01-05T10:00:00.000Z",
    "2027-02-02T10:00:00.000Z",
    "2027-03-02T10:00:00.000Z",
    "2027-04-06T09:00:00.000Z",
  ]);
  // 6 January is not: the series starts at the next first Tuesday, at the first meeting's time of day
  assert.deepEqual(series(cadence, "2027-01-06T18:30", NEW_YORK, { count: 2 }), ["2027-02-02T23:30:00.000Z", "2027-03-02T23:30:00.000Z"]);
});

test("last friday", () => {
  const cadence = ok(parseEvery("last friday"));
  assert.deepEqual(series(cadence, "2027-01-29T14:00", LONDON, { count: 4 }), [
    "2027-01-29T14:00:00.000Z",
    "2027-02-26T14:00:00.000Z",
    "2027-03-26T14:00:00.000Z",
    "2027-04-30T13:00:00.000Z",
  ]);
});

test("count and until are honoured; until is inclusive", () => {
  assert.equal(series(WEEKLY, "2027-01-05T10:00", LONDON, { count: 6 }).length, 6);
  const until = local("2027-02-02T10:00", LONDON);
  assert.deepEqual(series(WEEKLY, "2027-01-05T10:00", LONDON, { until }), [
    "2027-01-05T10:00:00.000Z",
    "2027-01-12T10:00:00.000Z",
    "2027-01-19T10:00:00.000Z",
    "2027-01-26T10:00:00.000Z",
    "2027-02-02T10:00:00.000Z",
  ]);
  // until in summer time, compared as an instant
  const summerUntil = new Date("2027-04-13T09:00:00Z");
  assert.equal(series(WEEKLY, "2027-03-16T10:00", LONDON, { until: summerUntil }).at(-1), "2027-04-13T09:00:00.000Z");
  assert.equal(
    series(WEEKLY, "2027-03-16T10:00", LONDON, { until: new Date(summerUntil.getTime() - 1) }).at(-1),
    "2027-04-06T09:00:00.000Z",
  );
});

test("at most 100 occurrences, even without COUNT or UNTIL", () => {
  const first = local("2027-01-05T10:00", LONDON);
  assert.equal(expandOccurrences("FREQ=WEEKLY", first, LONDON).length, MAX_OCCURRENCES);
  assert.equal(expandOccurrences("RRULE:FREQ=WEEKLY;COUNT=3", first, LONDON).length, 3);
});

test("a caller's smaller limit stops the expansion there, so a long series can be refused without expanding it all", () => {
  const first = local("2027-01-06T08:00", LONDON);
  const until = toRRule(WEEKLY, first, LONDON, { until: new Date("2030-01-01T23:59:59Z") });
  assert.equal(expandOccurrences(until, first, LONDON, 53).length, 53);
  assert.equal(expandOccurrences(until, first, LONDON, 500).length, MAX_OCCURRENCES);
});

test("a malformed rule gives no occurrences", () => {
  const first = local("2027-01-05T10:00", LONDON);
  assert.deepEqual(expandOccurrences("nonsense", first, LONDON), []);
  assert.deepEqual(expandOccurrences("FREQ=WEEKLY;COUNT=3", first, "Mars/Olympus"), []);
});

test("monthly on the 31st falls on the last day of shorter months", () => {
  const monthly: Cadence = { kind: "monthly-date" };
  assert.deepEqual(series(monthly, "2027-01-31T10:00", LONDON, { count: 6 }), [
    "2027-01-31T10:00:00.000Z",
    "2027-02-28T10:00:00.000Z",
    "2027-03-31T09:00:00.000Z",
    "2027-04-30T09:00:00.000Z",
    "2027-05-31T09:00:00.000Z",
    "2027-06-30T09:00:00.000Z",
  ]);
  // on the 30th: 28/29 February, then the 30th again (not the 31st)
  assert.deepEqual(
    series(monthly, "2028-01-30T10:00", LONDON, { count: 3 }).map((s) => s.slice(0, 10)),
    ["2028-01-30", "2028-02-29", "2028-03-30"],
  );
  // on the 12th: plain monthly
  assert.deepEqual(series(monthly, "2027-01-12T10:00", KOLKATA, { count: 3 }), [
    "2027-01-12T04:30:00.000Z",
    "2027-02-12T04:30:00.000Z",
    "2027-03-12T04:30:00.000Z",
  ]);
});

test("expansion does not depend on the machine's TZ", () => {
  const run = (): string[] => [
    ...series(WEEKLY, "2027-03-16T10:00", LONDON, { count: 5 }),
    ...series({ kind: "monthly-weekday", nth: -1, weekday: 6 }, "2027-01-01T01:30", NEW_YORK, { count: 12 }),
    ...series({ kind: "monthly-date" }, "2027-01-31T23:00", KOLKATA, { until: new Date("2027-12-31T00:00:00Z") }),
  ];
  const saved = process.env.TZ;
  try {
    process.env.TZ = "UTC";
    const expected = run();
    for (const machine of ["America/Los_Angeles", "Australia/Sydney", "Europe/London", "Pacific/Chatham"]) {
      process.env.TZ = machine;
      assert.deepEqual(run(), expected, machine);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test("describeCadence", () => {
  assert.equal(describeCadence(WEEKLY), "every week");
  assert.equal(describeCadence({ kind: "weekly", interval: 2 }), "every 2 weeks");
  assert.equal(describeCadence({ kind: "monthly-weekday", nth: 1, weekday: 1 }), "the first Tuesday of each month");
  assert.equal(describeCadence({ kind: "monthly-weekday", nth: -1, weekday: 4 }), "the last Friday of each month");
  assert.equal(describeCadence({ kind: "monthly-date" }), "monthly on the same date");
  assert.equal(
    describeCadence({ kind: "monthly-date" }, { first: local("2027-01-12T10:00", LONDON), timeZone: LONDON }),
    "monthly on the 12th",
  );
  assert.equal(
    describeCadence({ kind: "monthly-date" }, { first: local("2027-01-22T10:00", LONDON), timeZone: LONDON }),
    "monthly on the 22nd",
  );
  assert.equal(
    describeCadence({ kind: "monthly-date" }, { first: local("2027-01-11T10:00", LONDON), timeZone: LONDON }),
    "monthly on the 11th",
  );
  assert.equal(
    describeCadence({ kind: "monthly-date" }, { first: local("2027-01-31T10:00", LONDON), timeZone: LONDON }),
    "monthly on the 31st (or the last day of shorter months)",
  );
});

test("property: weekly occurrences keep the wall-clock time and are 7 local days apart", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(LONDON, NEW_YORK, KOLKATA),
      fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true }),
      fc.integer({ min: 4, max: 23 }), // wall-clock hours that never fall in a DST gap in these zones
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 1, max: 3 }),
      (zone, day, hour, minute, interval) => {
        const d = DateTime.fromJSDate(day, { zone: "utc" });
        const first = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute }, { zone }).toJSDate();
        const cadence: Cadence = { kind: "weekly", interval };
        const all = expandOccurrences(toRRule(cadence, first, zone, { count: 60 }), first, zone).map((x) =>
          DateTime.fromJSDate(x, { zone }),
        );
        assert.equal(all.length, 60);
        assert.equal(all[0]?.toMillis(), first.getTime());
        for (let i = 0; i < all.length; i++) {
          const o = all[i]!;
          assert.equal(o.hour, hour);
          assert.equal(o.minute, minute);
          if (i > 0) assert.equal(o.startOf("day").diff(all[i - 1]!.startOf("day"), "days").days, 7 * interval);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test("a weekly series through Lord Howe's repeated half hour takes its second occurrence, as a typed date does", () => {
  const zone = "Australia/Lord_Howe";
  const first = new Date("2027-03-27T14:45:00Z"); // Sun 28 Mar 2027 01:45 at +11:00 (daylight time)
  const rule = toRRule({ kind: "weekly", interval: 1 }, first, zone, { count: 2 });
  const [, second] = expandOccurrences(rule, first, zone);
  assert.equal(second?.toISOString(), "2027-04-03T15:15:00.000Z"); // Sun 4 Apr 01:45 at +10:30, the later one
});
