import assert from "node:assert/strict";
import { test } from "vitest";
import { clashes, isWeekend, overlaps, weekdayCadenceFor } from "../../src/domain/set/meeting-checks.ts";

const span = (iso: string, durationMinutes = 120) => ({ startsAt: new Date(iso), durationMinutes });

test("meetings overlap when one starts before the other ends; back to back is no overlap", () => {
  assert.ok(overlaps(span("2027-02-02T10:00Z"), span("2027-02-02T10:00Z")), "the same time");
  assert.ok(overlaps(span("2027-02-02T10:00Z"), span("2027-02-02T11:59Z")), "starts before the first ends");
  assert.ok(overlaps(span("2027-02-02T11:00Z", 30), span("2027-02-02T10:00Z")), "inside the other");
  assert.equal(overlaps(span("2027-02-02T10:00Z"), span("2027-02-02T12:00Z")), false, "starts as the first ends");
  assert.equal(overlaps(span("2027-02-02T12:00Z"), span("2027-02-02T10:00Z")), false, "ends as the other starts");
  assert.ok(overlaps(span("2027-02-02T10:00Z", 0), span("2027-02-02T10:00Z", 0)), "two zero-length meetings at one instant");
});

test("clashes pairs each candidate with every existing meeting it overlaps, in order", () => {
  const existing = [
    { number: 3, ...span("2027-03-02T10:00Z") },
    { number: 1, ...span("2027-01-05T10:00Z") },
  ];
  const found = clashes([span("2027-01-05T11:00Z"), span("2027-02-02T10:00Z"), span("2027-03-02T09:00Z")], existing);
  assert.deepEqual(
    found.map((c) => [c.candidate.startsAt.toISOString(), c.existing.number]),
    [
      ["2027-01-05T11:00:00.000Z", 1],
      ["2027-03-02T09:00:00.000Z", 3],
    ],
  );
  assert.deepEqual(clashes([span("2027-01-05T12:00Z")], existing), []);
});

test("a weekend is Saturday or Sunday in the given zone", () => {
  assert.ok(isWeekend(new Date("2027-02-07T10:00Z"), "Europe/London"), "Sunday");
  assert.ok(isWeekend(new Date("2027-02-06T10:00Z"), "Europe/London"), "Saturday");
  assert.equal(isWeekend(new Date("2027-02-05T10:00Z"), "Europe/London"), false, "Friday");
  // Sunday 23:30 in London is already Monday in Berlin; Friday 23:30 in London is Friday evening in New York.
  assert.equal(isWeekend(new Date("2027-02-07T23:30Z"), "Europe/Berlin"), false);
  assert.ok(isWeekend(new Date("2027-02-07T23:30Z"), "Europe/London"));
  assert.equal(isWeekend(new Date("2027-02-06T02:00Z"), "America/New_York"), false, "still Friday night in New York");
});

test("the weekday form keeps a monthly series on the first meeting's weekday", () => {
  const london = "Europe/London";
  assert.equal(weekdayCadenceFor(new Date("2027-01-07T10:00Z"), london), "first thursday");
  assert.equal(weekdayCadenceFor(new Date("2027-01-12T10:00Z"), london), "second tuesday");
  assert.equal(weekdayCadenceFor(new Date("2027-01-28T10:00Z"), london), "fourth thursday");
  assert.equal(weekdayCadenceFor(new Date("2027-03-29T10:00Z"), london), "last monday", "not every month has a fifth Monday");
  assert.equal(weekdayCadenceFor(new Date("2027-02-07T10:00Z"), london), null, "a Sunday start keeps the weekend");
});
