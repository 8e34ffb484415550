import assert from "node:assert/strict";
import { test } from "vitest";
import { meetingTimeReminders } from "../../src/domain/reminders/catalog.ts";
import { candidateNudges, planNudges } from "../../src/domain/reminders/planner.ts";
import { LATE_DELAY_MS } from "../../src/domain/reminders/rules/before-meeting.ts";
import type { NudgeMeeting, NudgePerson, NudgeSet, NudgeState, PlannedNudge } from "../../src/domain/reminders/types.ts";
import { meeting } from "../support/planner-fixtures.ts";

/** Issue 12 items 7 and 8: reminders that follow a meeting's time, come late once, and are not doubled by a snooze. */

const d = (iso: string) => new Date(iso);
const iso = (t: Date) => t.toISOString();
const MEMBERS = ["m1", "m2", "m3"];

function state(meetings: NudgeMeeting[], people: Partial<Record<string, Partial<NudgePerson>>> = {}): NudgeState {
  const set: NudgeSet = {
    id: "s1",
    memberIds: MEMBERS,
    advisorIds: [],
    meetings,
    actions: [],
    entryTimes: Object.fromEntries(MEMBERS.map((m) => [m, [d("2027-02-20T00:00:00Z")]])),
    actionEntryTimes: {},
    memberSince: Object.fromEntries(MEMBERS.map((m) => [m, d("2027-01-01T00:00:00Z")])),
    absences: [],
    sizeChangedAt: d("2027-01-01T00:00:00Z"),
  };
  const all = Object.fromEntries(
    MEMBERS.map((id) => [id, { id, timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null, ...people[id] }]),
  );
  return { sets: [set], people: all };
}

const of = (st: NudgeState, kind: string) => candidateNudges(st).filter((n) => n.kind === kind);
const keysAndSends = (ns: PlannedNudge[]) => ns.map((n) => `${n.key} send ${iso(n.sendAt)}`);

test("a meeting's time-bound reminders are keyed by its time version: a moved meeting gets new ones", () => {
  const before = meeting("mt", "2027-02-09T10:00:00Z", { presenterIds: ["m1"] });
  const moved = { ...before, startsAt: d("2027-03-02T10:00:00Z"), timeVersion: 2, timeSetAt: d("2027-02-08T10:30:00Z") };
  assert.deepEqual(keysAndSends([...of(state([before]), "presenter-prep"), ...of(state([before]), "meeting-post")]), [
    "presenter-prep:s1:m1:mt:1 send 2027-02-07T10:00:00.000Z",
    "meeting-post:s1:channel:mt:1 send 2027-02-08T10:00:00.000Z",
  ]);
  assert.deepEqual(keysAndSends([...of(state([moved]), "presenter-prep"), ...of(state([moved]), "meeting-post")]), [
    "presenter-prep:s1:m1:mt:2 send 2027-02-28T10:00:00.000Z",
    "meeting-post:s1:channel:mt:2 send 2027-03-01T10:00:00.000Z",
  ]);
  assert.deepEqual(meetingTimeReminders({ id: "mt", timeVersion: 1 }), {
    kinds: ["presenter-prep", "meeting-post", "outcome-due"],
    keySuffix: ":mt:1",
  });
});

test("a presenter told of the turn after the 48-hour moment gets the DM a minute later, once; stale at the start", () => {
  const told = d("2027-02-08T09:00:00Z");
  const m = meeting("mt", "2027-02-09T10:00:00Z", { presenterIds: ["m1", "m2"], presenterSince: { m2: told } });
  assert.deepEqual(keysAndSends(of(state([m]), "presenter-prep")), [
    "presenter-prep:s1:m1:mt:1 send 2027-02-07T10:00:00.000Z",
    "presenter-prep:s1:m2:mt:1 send 2027-02-08T09:01:00.000Z",
  ]);
  assert.equal(LATE_DELAY_MS, 60_000);
  const { due } = planNudges(state([m]), { since: told, now: d("2027-02-08T09:05:00Z") });
  assert.deepEqual(
    due.map((n) => n.key),
    ["presenter-prep:s1:m2:mt:1"],
  );
  // Told after the meeting started: nothing.
  const tooLate = { ...m, presenterSince: { m2: d("2027-02-09T10:30:00Z") } };
  assert.deepEqual(
    of(state([tooLate]), "presenter-prep").map((n) => n.to),
    [{ kind: "person", personId: "m1" }],
  );
});

test("a late presenter DM still waits for quiet hours and snoozes", () => {
  const m = meeting("mt", "2027-02-09T10:00:00Z", { presenterIds: ["m1"], timeSetAt: d("2027-02-08T23:00:00Z") });
  const st = state([m], { m1: { quiet: { start: "22:00", end: "08:00" } } });
  assert.deepEqual(keysAndSends(of(st, "presenter-prep")), ["presenter-prep:s1:m1:mt:1 send 2027-02-09T08:00:00.000Z"]);
});

test("a meeting given its time after the day-before moment gets no channel post; before it, the post as usual", () => {
  const late = meeting("mt", "2027-01-21T08:00:00Z", { timeSetAt: d("2027-01-20T09:00:00Z") });
  assert.deepEqual(of(state([late]), "meeting-post"), []);
  const inTime = meeting("mt", "2027-01-21T15:00:00Z", { timeSetAt: d("2027-01-20T09:00:00Z") });
  assert.deepEqual(keysAndSends(of(state([inTime]), "meeting-post")), ["meeting-post:s1:channel:mt:1 send 2027-01-20T15:00:00.000Z"]);
});

test("outcome-due is keyed by the coming meeting's time version and skipped when its moment had passed at the move", () => {
  const A = meeting("A", "2027-01-12T10:00:00Z", { status: "closed", closedAt: d("2027-01-12T12:00:00Z"), attendeeIds: MEMBERS });
  const actions = [{ id: "x", ownerId: "m1", createdAt: d("2027-01-13T00:00:00Z"), due: null, status: "open" as const, outcomeAt: null }];
  const withActions = (B: NudgeMeeting) => {
    const st = state([A, B]);
    st.sets[0]!.actions = actions;
    return of(st, "outcome-due").map((n) => n.key);
  };
  assert.deepEqual(withActions(meeting("B", "2027-03-02T10:00:00Z", { timeVersion: 2, timeSetAt: d("2027-02-08T10:30:00Z") })), [
    "outcome-due:s1:m1:B:2",
  ]);
  assert.deepEqual(withActions(meeting("B", "2027-02-10T10:00:00Z", { timeVersion: 2, timeSetAt: d("2027-02-08T10:30:00Z") })), []);
});

test("log-action: when a snooze brings the reminder and its follow-up to one moment, only the follow-up is planned", () => {
  const A = meeting("A", "2027-01-12T10:00:00Z", { status: "closed", closedAt: d("2027-01-12T12:05:00Z"), attendeeIds: MEMBERS });
  const st = state([A], { m3: { snoozedUntil: d("2027-01-15T12:05:00Z") } });
  assert.deepEqual(keysAndSends(of(st, "log-action")), [
    "log-action:s1:m1:A:1 send 2027-01-12T14:05:00.000Z",
    "log-action:s1:m2:A:1 send 2027-01-12T14:05:00.000Z",
    "log-action:s1:m1:A:2 send 2027-01-13T12:05:00.000Z",
    "log-action:s1:m2:A:2 send 2027-01-13T12:05:00.000Z",
    "log-action:s1:m3:A:2 send 2027-01-15T12:05:00.000Z",
  ]);
  // Quiet hours that swallow both moments do the same.
  const night = meeting("A", "2027-01-12T10:00:00Z", { status: "closed", closedAt: d("2027-01-12T19:00:00Z"), attendeeIds: ["m1"] });
  const quiet = state([night], { m1: { quiet: { start: "20:00", end: "20:30" } } });
  quiet.sets[0]!.rules = { logActionHours: [2, 3] };
  assert.deepEqual(keysAndSends(of(quiet, "log-action")), [
    "log-action:s1:m1:A:1 send 2027-01-12T21:00:00.000Z",
    "log-action:s1:m1:A:2 send 2027-01-12T22:00:00.000Z",
  ]);
  const both = state([night], { m1: { quiet: { start: "20:00", end: "23:00" } } });
  both.sets[0]!.rules = { logActionHours: [2, 3] };
  assert.deepEqual(keysAndSends(of(both, "log-action")), ["log-action:s1:m1:A:2 send 2027-01-12T23:00:00.000Z"]);
});

test("log-action: a member who records an action between the two moments keeps the first reminder and gets no follow-up", () => {
  const A = meeting("A", "2027-01-12T10:00:00Z", { status: "closed", closedAt: d("2027-01-12T12:05:00Z"), attendeeIds: ["m3"] });
  const st = state([A], { m3: { snoozedUntil: d("2027-01-15T12:05:00Z") } });
  st.sets[0]!.actionEntryTimes = { m3: [d("2027-01-13T09:00:00Z")] };
  assert.deepEqual(keysAndSends(of(st, "log-action")), ["log-action:s1:m3:A:1 send 2027-01-15T12:05:00.000Z"]);
});
