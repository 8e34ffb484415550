import assert from "node:assert/strict";
import { test } from "vitest";
import { digestFacts } from "../../src/domain/advisor-digest.ts";
import { calendarDate } from "../../src/domain/calendar-date.ts";
import { candidateNudges, planNudges } from "../../src/domain/reminders/planner.ts";
import type { NudgeMeeting, NudgePerson, NudgeSet } from "../../src/domain/reminders/types.ts";
import { opensSetReview } from "../../src/domain/set-review.ts";

const d = (iso: string) => new Date(iso);
const person = (id: string, over: Partial<NudgePerson> = {}): NudgePerson => ({
  id,
  timeZone: "Europe/London",
  quiet: null,
  optedOut: false,
  snoozedUntil: null,
  ...over,
});
const closed = (n: number, at: string): NudgeMeeting => ({
  id: `M${n}`,
  number: n,
  startsAt: new Date(Date.parse(at) - 2 * 3_600_000),
  durationMinutes: 120,
  status: "closed",
  closedAt: d(at),
  presenterIds: [],
  attendeeIds: [],
});
const set = (over: Partial<NudgeSet> = {}): NudgeSet => ({
  id: "s",
  memberIds: ["ana", "ben"],
  advisorIds: ["adv"],
  meetings: [],
  actions: [],
  entryTimes: {},
  actionEntryTimes: {},
  memberSince: { ana: d("2027-01-04T09:00:00Z"), ben: d("2027-01-04T09:00:00Z") },
  absences: [],
  sizeChangedAt: d("2027-01-04T09:00:00Z"),
  ...over,
});
const people = { ana: person("ana"), ben: person("ben"), adv: person("adv") };

test("opensSetReview: at each multiple of the cadence; never when off", () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => opensSetReview(n, 3)),
    [false, false, true, false, false, true],
  );
  assert.equal(opensSetReview(3, null), false);
  assert.equal(opensSetReview(3, undefined), false);
  assert.equal(opensSetReview(0, 1), false);
});

test("set-review: counts meetings held from heldBefore, in closing order; every member a minute after the close; off plans none", () => {
  const meetings = [closed(5, "2027-02-09T12:00:00Z"), closed(4, "2027-01-12T12:00:00Z")];
  const reviews = (s: NudgeSet) => candidateNudges({ sets: [s], people }).filter((n) => n.kind === "set-review");
  const planned = reviews(set({ meetings, reviewEvery: 3, heldBefore: 1 }));
  assert.deepEqual(
    planned.map((n) => [n.key, n.sendAt.toISOString()]),
    [
      ["set-review:s:ana:M5:1", "2027-02-09T12:01:00.000Z"],
      ["set-review:s:ben:M5:1", "2027-02-09T12:01:00.000Z"],
    ],
  );
  assert.deepEqual(reviews(set({ meetings, reviewEvery: null, heldBefore: 1 })), []);
  assert.deepEqual(reviews(set({ meetings, heldBefore: 1 })), [], "absent: off");
});

test("advisor-digest: Monday 09:00 in the advisor's zone, out of quiet hours, keyed by the ISO week; stopped, none", () => {
  const window = { since: d("2027-01-10T00:00:00Z"), now: d("2027-01-12T00:00:00Z") };
  const digest = (adv: NudgePerson) =>
    planNudges({ sets: [set()], people: { ...people, adv } }, window).due.filter((n) => n.kind === "advisor-digest");
  assert.deepEqual(
    digest(person("adv")).map((n) => [n.key, n.sendAt.toISOString()]),
    [["advisor-digest:s:adv:s:2027-W02", "2027-01-11T09:00:00.000Z"]],
  );
  const tokyo = digest(person("adv", { timeZone: "Asia/Tokyo", quiet: { start: "22:00", end: "10:30" } }));
  assert.deepEqual(
    tokyo.map((n) => [n.occurrence, n.sendAt.toISOString()]),
    [["2027-W02", "2027-01-11T01:30:00.000Z"]],
    "Monday 10:30 in Tokyo, after its quiet hours",
  );
  assert.deepEqual(digest(person("adv", { stopped: ["advisor-digest"] })), []);
  assert.deepEqual(
    planNudges({ sets: [set({ memberIds: [], memberSince: {} })], people }, window).due.filter((n) => n.kind === "advisor-digest"),
    [],
    "a set with no members has no digest",
  );
});

test("digestFacts: the week before and after, overdue by the end of the due day, reviews due after 8 weeks", () => {
  const at = d("2027-03-01T09:00:00Z");
  const facts = digestFacts({
    at,
    members: [
      { id: "ana", joinedAt: d("2027-01-04T09:00:00Z") },
      { id: "ben", joinedAt: d("2027-02-01T09:00:00Z") },
    ],
    meetings: [
      { number: 1, startsAt: d("2027-02-23T10:00:00Z"), status: "closed" },
      { number: 2, startsAt: d("2027-03-02T10:00:00Z"), status: "scheduled" },
      { number: 3, startsAt: d("2027-03-09T10:00:00Z"), status: "scheduled" },
    ],
    entries: new Map([["ana", { count: 3, lastAt: d("2027-01-20T09:00:00Z") }]]),
    openActions: new Map([
      ["ana", [calendarDate("2027-02-28", "Europe/London"), calendarDate("2027-03-01", "Europe/London"), null]],
      ["ben", []],
    ]),
    lastReviewed: new Map([["ben", d("2027-02-02T09:00:00Z")]]),
    feedback: [
      { about: "set", createdAt: d("2027-02-27T09:00:00Z") },
      { about: "advisor", createdAt: d("2027-02-20T09:00:00Z") },
    ],
  });
  assert.deepEqual(
    facts.held.map((m) => m.number),
    [1],
  );
  assert.deepEqual(
    facts.coming.map((m) => m.number),
    [2],
  );
  assert.deepEqual(facts.silent, [{ id: "ana", lastAt: d("2027-01-20T09:00:00Z"), count: 3 }]);
  assert.deepEqual(facts.overdue, [{ id: "ana", count: 1 }], "due 1 March is not over at 09:00 that day");
  assert.deepEqual(facts.reviewsDue, [{ id: "ana", lastReviewedAt: null }]);
  assert.deepEqual(facts.feedback, { set: 1, advisor: 0 });
});
