/**
 * The coaching moments (src/domain/reminders/rules/coaching.ts), through the planner: each once, at its time in the
 * member's zone, out of quiet hours, held while away or snoozed, stopped on its own, and following a moved end.
 */
import assert from "node:assert/strict";
import { test } from "vitest";
import { candidateNudges, planNudges } from "../../src/domain/reminders/planner.ts";
import type { NudgeState } from "../../src/domain/reminders/types.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";
import { ana, anaState, closedMeeting, programmeSet } from "../support/planner-fixtures.ts";

const iso = (t: Date) => t.toISOString();
const d = (iso: string) => new Date(iso);
const LONDON = "Europe/London";
const person = ana;
const closed = closedMeeting;
const set = programmeSet;
const state = anaState;
const coaching = (st: NudgeState) =>
  candidateNudges(st)
    .filter((n) => n.kind === "coach")
    .map((n) => `${n.occurrence} @ ${iso(n.sendAt)}`);

test("each moment once: joining, three days after the second meeting, the midpoint, six weeks before the end, after the last meeting", () => {
  assert.deepEqual(coaching(state(set())), [
    "joined @ 2027-01-04T09:01:00.000Z",
    "second-meeting @ 2027-02-12T12:00:00.000Z",
    // 11 Jan to 31 Jul is 201 days: the 100th day after the start, 10:00 London (BST)
    "midpoint @ 2027-04-21T09:00:00.000Z",
    "six-weeks @ 2027-06-19T09:00:00.000Z",
    // The last meeting closed 13 Jul 11:00 UTC, a day later is before 24 Jul (a week before the end)
    "closing @ 2027-07-14T11:00:00.000Z",
  ]);
  // Keys name the moment: planning the same state over any window gives each key once.
  const keys = candidateNudges(state(set())).map((n) => n.key);
  assert.ok(keys.includes("coach:s:ana:ana:midpoint"));
  assert.equal(new Set(keys).size, keys.length);
});

test("with no meeting held late enough, the closing DM comes a week before the end; with no programme days, only the first two", () => {
  const early = set({
    meetings: [
      closed(1, "2027-01-12T10:00:00Z"),
      closed(2, "2027-02-09T10:00:00Z"),
      { ...closed(3, "2027-07-27T09:00:00Z"), status: "scheduled", closedAt: null },
    ],
  });
  assert.ok(coaching(state(early)).includes("closing @ 2027-07-24T09:00:00.000Z"));
  assert.deepEqual(
    coaching(state(set({ programmeStart: null, programmeEnd: null }))).map((x) => x.split(" ")[0]),
    ["joined", "second-meeting"],
  );
});

test("a moved programme end moves the moments not yet sent, keyed the same so one already sent is not sent again", () => {
  const moved = coaching(state(set({ programmeEnd: calendarDate("2027-08-31", LONDON) })));
  assert.ok(moved.includes("six-weeks @ 2027-07-20T09:00:00.000Z"));
  assert.ok(moved.includes("midpoint @ 2027-05-07T09:00:00.000Z"));
  // The window after the old six-weeks moment: the old one was planned then; the new one comes at its own time.
  const before = planNudges(state(set()), { since: d("2027-06-19T08:00:00Z"), now: d("2027-06-19T10:00:00Z") });
  assert.deepEqual(
    before.due.filter((n) => n.kind === "coach").map((n) => n.key),
    ["coach:s:ana:ana:six-weeks"],
  );
  const after = planNudges(state(set({ programmeEnd: calendarDate("2027-08-31", LONDON) })), {
    since: d("2027-07-20T08:00:00Z"),
    now: d("2027-07-20T10:00:00Z"),
  });
  assert.deepEqual(
    after.due.filter((n) => n.kind === "coach").map((n) => n.key),
    ["coach:s:ana:ana:six-weeks"],
    "the same key: the outbox holds it once (its unique key), so a moved end sends no second copy",
  );
});

test("quiet hours, snooze and leave hold a coaching DM; Stop these and opting out stop it", () => {
  const quiet = coaching(state(set(), person({ quiet: { start: "08:00", end: "12:00" } })));
  assert.ok(quiet.includes("midpoint @ 2027-04-21T11:00:00.000Z"), "10:00 BST is quiet until 12:00 BST");
  const snoozed = coaching(state(set(), person({ snoozedUntil: d("2027-04-23T15:00:00Z") })));
  assert.ok(snoozed.includes("midpoint @ 2027-04-23T15:00:00.000Z"));
  const away = coaching(
    state(
      set({
        absences: [{ personId: "ana", startsAt: d("2027-04-19T08:00:00Z"), lastDay: calendarDate("2027-04-25", LONDON), endedAt: null }],
      }),
    ),
  );
  assert.ok(away.includes("midpoint @ 2027-04-25T23:00:00.000Z"), "sent when the leave ends (midnight London), not dropped");
  assert.deepEqual(coaching(state(set(), person({ stopped: ["coach"] }))), []);
  assert.deepEqual(coaching(state(set(), person({ optedOut: true }))), []);
});

test("the second meeting is counted from joining: a member who joins late is asked after their own second", () => {
  const late = set({ memberSince: { ana: d("2027-02-01T09:00:00Z") } });
  const got = coaching(state(late));
  assert.ok(got.includes("second-meeting @ 2027-07-16T11:00:00.000Z"), got.join(", "));
});
