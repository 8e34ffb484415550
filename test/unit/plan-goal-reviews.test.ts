/**
 * goal-review (src/domain/reminders/rules/coaching.ts), through the planner: one DM per goal not yet reviewed, in the
 * programme's last month, in goal order and before the closing coaching DM; held while away, stopped on its own.
 */
import assert from "node:assert/strict";
import { test } from "vitest";
import { candidateNudges } from "../../src/domain/reminders/planner.ts";
import type { NudgeSet } from "../../src/domain/reminders/types.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";
import { ana, anaState, closedMeeting, programmeSet } from "../support/planner-fixtures.ts";

const d = (iso: string) => new Date(iso);
const LONDON = "Europe/London";
const person = ana;
const closed = closedMeeting;
const GOALS = {
  ana: [
    { number: 7, reviewed: false },
    { number: 3, reviewed: false },
    { number: 12, reviewed: false },
  ],
};
const set = (over: Partial<NudgeSet> = {}) => programmeSet({ goals: GOALS, ...over });
const state = anaState;
const planned = (st: ReturnType<typeof anaState>, kinds = ["goal-review"]) =>
  candidateNudges(st)
    .filter((n) => kinds.includes(n.kind))
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime())
    .map((n) => `${n.kind} ${n.occurrence} @ ${n.sendAt.toISOString()}`);

test("one DM per goal, in goal order, from 28 days before the last day, two days apart, all before the closing DM", () => {
  assert.deepEqual(planned(state(set()), ["goal-review", "coach"]).slice(-4), [
    // 3 Jul 10:00 BST, then 5 and 7 Jul; the last meeting closed 13 Jul, so the closing DM is 14 Jul.
    "goal-review 3 @ 2027-07-03T09:00:00.000Z",
    "goal-review 7 @ 2027-07-05T09:00:00.000Z",
    "goal-review 12 @ 2027-07-07T09:00:00.000Z",
    "coach closing @ 2027-07-14T11:00:00.000Z",
  ]);
  const keys = candidateNudges(state(set())).map((n) => n.key);
  assert.ok(keys.includes("goal-review:s:ana:ana:7"));
});

test("a closing DM that comes sooner (an early last meeting) brings the goals forward, two days apart before it", () => {
  const early = set({
    meetings: [closed(1, "2027-01-12T10:00:00Z"), closed(2, "2027-02-09T10:00:00Z"), closed(3, "2027-06-29T09:00:00Z")],
  });
  assert.deepEqual(planned(state(early), ["goal-review", "coach"]).slice(-4), [
    "goal-review 3 @ 2027-06-24T11:00:00.000Z",
    "goal-review 7 @ 2027-06-26T11:00:00.000Z",
    "goal-review 12 @ 2027-06-28T11:00:00.000Z",
    "coach closing @ 2027-06-30T11:00:00.000Z",
  ]);
});

test("a goal already reviewed is not asked about; no goals or no programme end: none", () => {
  const reviewed = {
    ana: [
      { number: 3, reviewed: true },
      { number: 7, reviewed: false },
    ],
  };
  assert.deepEqual(planned(state(set({ goals: reviewed }))), ["goal-review 7 @ 2027-07-05T09:00:00.000Z"]);
  assert.deepEqual(planned(state(set({ goals: {} }))), []);
  assert.deepEqual(planned(state(set({ programmeEnd: null }))), []);
});

test("held while away (due when the leave ends), and stopped on its own", () => {
  const away = set({
    absences: [{ personId: "ana", startsAt: d("2027-07-02T08:00:00Z"), lastDay: calendarDate("2027-07-04", LONDON), endedAt: null }],
  });
  // The leave ends at the end of 4 Jul in London (23:00 UTC): goal 3's DM is due then, goal 7's keeps its day.
  assert.deepEqual(planned(state(away)).slice(0, 2), [
    "goal-review 3 @ 2027-07-04T23:00:00.000Z",
    "goal-review 7 @ 2027-07-05T09:00:00.000Z",
  ]);
  assert.deepEqual(planned(state(set(), person({ stopped: ["goal-review"] }))), []);
  assert.equal(planned(state(set(), person({ stopped: ["coach"] }))).length, 3);
});
