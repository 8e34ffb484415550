import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { test } from "vitest";
import type { NudgeKind } from "../../src/domain/reminders/catalog.ts";
import { candidateNudges, nextNudgeAt, planNudges } from "../../src/domain/reminders/planner.ts";
import { outOfQuietHours, type QuietHours } from "../../src/domain/reminders/quiet-hours.ts";
import type { NudgeAction, NudgeMeeting, NudgePerson, NudgeSet, NudgeState, PlannedNudge } from "../../src/domain/reminders/types.ts";
import { calendarDate, calendarDateOf } from "../../src/domain/time/calendar-date.ts";
import { meeting } from "../support/planner-fixtures.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const NIGHT: QuietHours = { start: "22:00", end: "08:00" };
const d = (iso: string) => new Date(iso);
const iso = (t: Date) => t.toISOString();
/** A due date or a leave's last day, read in `zone`. */
const day = (date: string, zone = "UTC") => calendarDate(date, zone);
/** A leave that ends at exactly `endsAt`: a return before the end of the day it falls on (as /away off records it). */
const awayUntil = (personId: string, startsAt: Date, endsAt: Date) => ({
  personId,
  startsAt,
  lastDay: calendarDateOf(endsAt, "UTC"),
  endedAt: endsAt,
});

// ---------------------------------------------------------------------------------------------------------------
// Example fixtures: set s1 with members m1..m5 and advisor adv, all in UTC without quiet hours unless a test says so.

// Coaching DMs (every member gets one on joining) have their own tests, test/unit/plan-coaching.test.ts: these
// fixtures' people have stopped them, so each test here sees only the kinds it is about.
function person(id: string, over: Partial<NudgePerson> = {}): NudgePerson {
  return { id, timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null, stopped: ["coach"], ...over };
}

function action(id: string, ownerId: string, createdAt: string, over: Partial<NudgeAction> = {}): NudgeAction {
  return { id, ownerId, createdAt: d(createdAt), due: null, status: "open", outcomeAt: null, ...over };
}

const MEMBERS = ["m1", "m2", "m3", "m4", "m5"];

function set(over: Partial<NudgeSet> = {}): NudgeSet {
  return {
    id: "s1",
    memberIds: MEMBERS,
    advisorIds: ["adv"],
    meetings: [],
    actions: [],
    entryTimes: {},
    actionEntryTimes: {},
    memberSince: Object.fromEntries(MEMBERS.map((m) => [m, d("2027-01-01T00:00:00Z")])),
    absences: [],
    sizeChangedAt: d("2027-01-01T00:00:00Z"),
    ...over,
  };
}

function state(s: NudgeSet | NudgeSet[], people: NudgePerson[] = []): NudgeState {
  const all: Record<string, NudgePerson> = Object.fromEntries([...MEMBERS, "m6", "adv", "adv2"].map((id) => [id, person(id)]));
  for (const p of people) all[p.id] = p;
  return { sets: Array.isArray(s) ? s : [s], people: all };
}

const ofKind = (st: NudgeState, kind: NudgeKind) => candidateNudges(st).filter((n) => n.kind === kind);
const summary = (ns: PlannedNudge[]) => ns.map((n) => `${n.key} due ${iso(n.dueAt)} send ${iso(n.sendAt)} stale ${iso(n.staleAt)}`);

/** A closed meeting A (12 Jan, closed 12:00Z) followed by B (9 Feb 10:00Z). */
const A = meeting("A", "2027-01-12T10:00:00Z", { status: "closed", closedAt: d("2027-01-12T12:00:00Z"), attendeeIds: MEMBERS });
const B = meeting("B", "2027-02-09T10:00:00Z");

// ---------------------------------------------------------------------------------------------------------------
// One rule per test.

test("presenter-prep: each presenter who is a member gets a DM 48 h before, stale at the start", () => {
  const st = state(set({ meetings: [meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1", "m2", "m6"] })] }));
  assert.deepEqual(summary(ofKind(st, "presenter-prep")), [
    "presenter-prep:s1:m1:mt:1 due 2027-01-10T10:00:00.000Z send 2027-01-10T10:00:00.000Z stale 2027-01-12T10:00:00.000Z",
    "presenter-prep:s1:m2:mt:1 due 2027-01-10T10:00:00.000Z send 2027-01-10T10:00:00.000Z stale 2027-01-12T10:00:00.000Z",
  ]);
});

test("meeting-post: one channel post 24 h before, never moved by anyone's quiet hours", () => {
  const st = state(set({ meetings: [meeting("mt", "2027-01-12T03:00:00Z", { presenterIds: ["m1"] })] }), [person("m1", { quiet: NIGHT })]);
  const [post, ...rest] = ofKind(st, "meeting-post");
  assert.equal(rest.length, 0);
  assert.deepEqual(post!.to, { kind: "channel" });
  assert.equal(post!.key, "meeting-post:s1:channel:mt:1");
  assert.equal(iso(post!.sendAt), "2027-01-11T03:00:00.000Z");
  assert.equal(iso(post!.staleAt), "2027-01-12T03:00:00.000Z");
});

test("log-action: attendees without an action since the start get +2 h and +24 h, each only if still none by then", () => {
  const s = set({
    meetings: [{ ...A, attendeeIds: ["m1", "m2", "m3", "m6"] }, B],
    actionEntryTimes: {
      m1: [d("2027-01-12T11:30:00Z")], // during the meeting: no nudge
      m2: [d("2027-01-12T15:00:00Z")], // after +2 h, before +24 h: only the first
      m3: [d("2027-01-11T09:00:00Z")], // before the meeting started: does not count
    },
  });
  assert.deepEqual(summary(ofKind(state(s), "log-action")), [
    "log-action:s1:m2:A:1 due 2027-01-12T14:00:00.000Z send 2027-01-12T14:00:00.000Z stale 2027-02-09T10:00:00.000Z",
    "log-action:s1:m3:A:1 due 2027-01-12T14:00:00.000Z send 2027-01-12T14:00:00.000Z stale 2027-02-09T10:00:00.000Z",
    "log-action:s1:m3:A:2 due 2027-01-13T12:00:00.000Z send 2027-01-13T12:00:00.000Z stale 2027-02-09T10:00:00.000Z",
  ]);
  // no next meeting: stale a week after it is due; a scheduled (not closed) meeting gets none
  const alone = ofKind(
    state(set({ meetings: [{ ...A, attendeeIds: ["m1"] }, meeting("C", "2027-01-01T10:00:00Z", { attendeeIds: ["m2"] })] })),
    "log-action",
  );
  assert.deepEqual(
    alone.map((n) => [n.key, iso(n.staleAt)]),
    [
      ["log-action:s1:m1:A:1", "2027-01-19T14:00:00.000Z"],
      ["log-action:s1:m1:A:2", "2027-01-20T12:00:00.000Z"],
    ],
  );
});

test("midpoint-outcome: halfway from A's close to B, members with an action created earlier and no outcome by then", () => {
  const s = set({
    meetings: [B, A],
    actions: [
      action("a1", "m1", "2027-01-12T11:30:00Z"), // no outcome: nudged
      action("a2", "m2", "2027-01-12T11:30:00Z", { status: "done", outcomeAt: d("2027-01-20T09:00:00Z") }), // outcome before: no
      action("a3", "m3", "2027-01-12T11:30:00Z", { status: "done", outcomeAt: d("2027-01-30T09:00:00Z") }), // outcome after: nudged
      action("a4", "m4", "2027-01-27T09:00:00Z"), // created after the midpoint: no
      action("a5", "m6", "2027-01-12T11:30:00Z"), // not a member: no
      action("a6", "m1", "2027-01-05T11:30:00Z"), // a second action: still one nudge
    ],
  });
  assert.deepEqual(summary(ofKind(state(s), "midpoint-outcome")), [
    "midpoint-outcome:s1:m1:A:1 due 2027-01-26T11:00:00.000Z send 2027-01-26T11:00:00.000Z stale 2027-02-06T10:00:00.000Z",
    "midpoint-outcome:s1:m3:A:1 due 2027-01-26T11:00:00.000Z send 2027-01-26T11:00:00.000Z stale 2027-02-06T10:00:00.000Z",
  ]);
});

test("outcome-due: 72 h before the meeting that follows a closed one, members whose actions still lack an outcome", () => {
  const actions = [
    action("a1", "m1", "2027-01-12T11:30:00Z"),
    action("a3", "m3", "2027-01-12T11:30:00Z", { status: "partly", outcomeAt: d("2027-01-30T09:00:00Z") }),
    action("a4", "m4", "2027-01-12T11:30:00Z", { status: "done", outcomeAt: d("2027-02-07T09:00:00Z") }),
  ];
  assert.deepEqual(summary(ofKind(state(set({ meetings: [A, B], actions })), "outcome-due")), [
    "outcome-due:s1:m1:B:1 due 2027-02-06T10:00:00.000Z send 2027-02-06T10:00:00.000Z stale 2027-02-09T10:00:00.000Z",
    "outcome-due:s1:m4:B:1 due 2027-02-06T10:00:00.000Z send 2027-02-06T10:00:00.000Z stale 2027-02-09T10:00:00.000Z",
  ]);
  // the previous meeting not closed yet: nothing
  assert.deepEqual(ofKind(state(set({ meetings: [{ ...A, status: "scheduled", closedAt: null }, B], actions })), "outcome-due"), []);
});

test("action-due: an open action's due date passing DMs its owner; stale a week later", () => {
  const due = { due: day("2027-01-31") }; // over at midnight UTC, the owner's zone here
  const s = set({
    actions: [
      action("a1", "m1", "2027-01-12T11:30:00Z", due),
      action("a2", "m2", "2027-01-12T11:30:00Z", { ...due, status: "done", outcomeAt: d("2027-01-20T09:00:00Z") }),
      action("a3", "m3", "2027-01-12T11:30:00Z"), // no due date
      action("a4", "m6", "2027-01-12T11:30:00Z", due), // not a member
    ],
  });
  assert.deepEqual(summary(ofKind(state(s), "action-due")), [
    "action-due:s1:m1:a1:1 due 2027-02-01T00:00:00.000Z send 2027-02-01T00:00:00.000Z stale 2027-02-08T00:00:00.000Z",
  ]);
});

test("action-due: a due date is over at the end of that day in the zone it was given in, across clock changes", () => {
  const due = (date: string, zone: string) =>
    ofKind(state(set({ actions: [action("a1", "m1", "2027-01-12T11:30:00Z", { due: day(date, zone) })] })), "action-due")[0]!.dueAt;
  assert.equal(iso(due("2027-01-20", "Europe/London")), "2027-01-21T00:00:00.000Z");
  assert.equal(iso(due("2027-01-20", "Europe/Berlin")), "2027-01-20T23:00:00.000Z");
  assert.equal(iso(due("2027-01-20", "America/New_York")), "2027-01-21T05:00:00.000Z");
  assert.equal(iso(due("2027-01-20", "Pacific/Auckland")), "2027-01-20T11:00:00.000Z");
  // the day the clocks go forward in London ends at midnight BST
  assert.equal(iso(due("2027-03-28", "Europe/London")), "2027-03-28T23:00:00.000Z");
});

test("away: a leave lasts to the end of its last day in its zone, or to an early return", () => {
  const mt = meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1", "m2", "m3"] }); // prep due 2027-01-10T10:00Z
  const s = set({
    meetings: [mt],
    absences: [
      { personId: "m1", startsAt: d("2027-01-01T00:00:00Z"), lastDay: day("2027-01-10", "Pacific/Auckland"), endedAt: null }, // over at 2027-01-10T11:00Z: none
      { personId: "m2", startsAt: d("2027-01-01T00:00:00Z"), lastDay: day("2027-01-09", "Pacific/Auckland"), endedAt: null }, // over 2027-01-09T11:00Z: sent
      { personId: "m3", startsAt: d("2027-01-01T00:00:00Z"), lastDay: day("2027-01-31"), endedAt: d("2027-01-10T09:00:00Z") }, // back early: sent
    ],
  });
  assert.deepEqual(
    ofKind(state(s), "presenter-prep").map((n) => n.to),
    [
      { kind: "person", personId: "m2" },
      { kind: "person", personId: "m3" },
    ],
  );
});

test("advisor-silent: each advisor hears of a member 30 days after their last entry (or joining), once per silence", () => {
  const joined = Object.fromEntries(MEMBERS.map((m) => [m, d("2027-01-01T00:00:00Z")]));
  const entries = Object.fromEntries(MEMBERS.map((m) => [m, [d("2027-01-20T09:00:00Z")]]));
  const s = set({
    advisorIds: ["adv", "adv2"],
    memberSince: joined,
    entryTimes: { ...entries, m1: [d("2027-01-05T09:30:00Z"), d("2027-01-03T08:00:00Z")], m2: [] },
  });
  const silent = ofKind(state(s), "advisor-silent").filter((n) => n.subjectId === "m1" || n.subjectId === "m2");
  assert.deepEqual(summary(silent), [
    "advisor-silent:s1:adv2:m2:2027-01-01 due 2027-01-31T00:00:00.000Z send 2027-01-31T00:00:00.000Z stale 2027-02-07T00:00:00.000Z",
    "advisor-silent:s1:adv:m2:2027-01-01 due 2027-01-31T00:00:00.000Z send 2027-01-31T00:00:00.000Z stale 2027-02-07T00:00:00.000Z",
    "advisor-silent:s1:adv2:m1:2027-01-05 due 2027-02-04T09:30:00.000Z send 2027-02-04T09:30:00.000Z stale 2027-02-11T09:30:00.000Z",
    "advisor-silent:s1:adv:m1:2027-01-05 due 2027-02-04T09:30:00.000Z send 2027-02-04T09:30:00.000Z stale 2027-02-11T09:30:00.000Z",
  ]);
  // a later entry starts a new silence with a new key; a member away when it falls due is reported on return
  const later = { ...s, entryTimes: { ...s.entryTimes, m1: [d("2027-02-10T09:00:00Z")] } };
  assert.ok(ofKind(state(later), "advisor-silent").some((n) => n.key === "advisor-silent:s1:adv:m1:2027-02-10"));
  const away = { ...s, absences: [{ personId: "m1", startsAt: d("2027-02-01T00:00:00Z"), lastDay: day("2027-02-28"), endedAt: null }] };
  const onReturn = ofKind(state(away), "advisor-silent").filter((n) => n.subjectId === "m1");
  assert.deepEqual(
    onReturn.map((n) => `${n.key} due ${n.dueAt.toISOString()}`),
    [
      "advisor-silent:s1:adv2:m1:2027-01-05 due 2027-03-01T00:00:00.000Z",
      "advisor-silent:s1:adv:m1:2027-01-05 due 2027-03-01T00:00:00.000Z",
    ],
  );
});

test("advisor-set-size: below 4 or above 8 members, a day after the size change, occurrence = the count", () => {
  const sized = (n: number) =>
    ofKind(
      state(set({ memberIds: Array.from({ length: n }, (_, i) => `m${i + 1}`), sizeChangedAt: d("2027-03-01T12:00:00Z") })),
      "advisor-set-size",
    );
  assert.deepEqual(sized(4), []);
  assert.deepEqual(sized(8), []);
  assert.deepEqual(summary(sized(3)), [
    "advisor-set-size:s1:adv:s1:3 due 2027-03-02T12:00:00.000Z send 2027-03-02T12:00:00.000Z stale 2027-03-09T12:00:00.000Z",
  ]);
  assert.deepEqual(
    sized(9).map((n) => n.key),
    ["advisor-set-size:s1:adv:s1:9"],
  );
});

test("advisors are not members: no presenter, attendee or owner nudges reach them", () => {
  const s = set({
    meetings: [
      { ...A, presenterIds: ["adv"], attendeeIds: ["adv"] },
      { ...B, presenterIds: ["adv"] },
    ],
    actions: [action("a1", "adv", "2027-01-12T11:00:00Z", { due: day("2027-01-19") })],
  });
  assert.deepEqual(
    candidateNudges(state(s)).filter((n) => n.to.kind === "person" && n.to.personId === "adv" && !n.kind.startsWith("advisor-")),
    [],
  );
});

test("cancelled meetings are ignored, also when finding the next meeting", () => {
  const cancelled = meeting("X", "2027-01-26T10:00:00Z", { status: "cancelled", presenterIds: ["m1"], attendeeIds: MEMBERS });
  const s = set({ meetings: [{ ...A, attendeeIds: ["m1"] }, cancelled, B], actions: [action("a1", "m1", "2027-01-12T11:00:00Z")] });
  const all = candidateNudges(state(s));
  assert.ok(!all.some((n) => n.subjectId === "X"));
  assert.equal(iso(all.find((n) => n.kind === "log-action")!.staleAt), "2027-02-09T10:00:00.000Z");
  assert.equal(iso(all.find((n) => n.kind === "midpoint-outcome")!.dueAt), "2027-01-26T11:00:00.000Z");
});

// ---------------------------------------------------------------------------------------------------------------
// Quiet hours, snooze, opt-out, away, staleness, keys.

test("quiet hours wrapping midnight: 22:00–08:00 moves late evening to next morning and early morning to 08:00", () => {
  const p = { timeZone: "UTC", quiet: NIGHT };
  assert.equal(iso(outOfQuietHours(d("2027-01-10T23:30:00Z"), p)), "2027-01-11T08:00:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-01-10T22:00:00Z"), p)), "2027-01-11T08:00:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-01-11T03:15:45Z"), p)), "2027-01-11T08:00:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-01-11T07:59:59Z"), p)), "2027-01-11T08:00:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-01-11T08:00:00Z"), p)), "2027-01-11T08:00:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-01-11T21:59:00Z"), p)), "2027-01-11T21:59:00.000Z");
  // in the person's zone: 23:30 in New York is 04:30Z, quiet until 07:00 New York (12:00Z)
  assert.equal(
    iso(outOfQuietHours(d("2027-01-11T04:30:00Z"), { timeZone: NEW_YORK, quiet: { start: "21:00", end: "07:00" } })),
    "2027-01-11T12:00:00.000Z",
  );
  // daytime quiet, none, and start === end
  assert.equal(
    iso(outOfQuietHours(d("2027-01-11T12:30:00Z"), { timeZone: "UTC", quiet: { start: "12:00", end: "13:00" } })),
    "2027-01-11T13:00:00.000Z",
  );
  assert.equal(iso(outOfQuietHours(d("2027-01-11T03:00:00Z"), { timeZone: "UTC", quiet: null })), "2027-01-11T03:00:00.000Z");
  assert.equal(
    iso(outOfQuietHours(d("2027-01-11T03:00:00Z"), { timeZone: "UTC", quiet: { start: "08:00", end: "08:00" } })),
    "2027-01-11T03:00:00.000Z",
  );
});

test("quiet hours across DST changes end at the local wall-clock time", () => {
  // London springs forward on 28 Mar 2027: 23:00 GMT → 08:00 BST, which is 07:00Z (9 h later, not 10)
  assert.equal(iso(outOfQuietHours(d("2027-03-27T23:00:00Z"), { timeZone: LONDON, quiet: NIGHT })), "2027-03-28T07:00:00.000Z");
  // London falls back on 31 Oct 2027: 23:00 BST (22:00Z) → 08:00 GMT = 08:00Z (11 h later)
  assert.equal(iso(outOfQuietHours(d("2027-10-30T22:00:00Z"), { timeZone: LONDON, quiet: NIGHT })), "2027-10-31T08:00:00.000Z");
  // New York falls back on 7 Nov 2027: 22:00 EDT (02:00Z) → 07:00 EST = 12:00Z
  const ny = { timeZone: NEW_YORK, quiet: { start: "21:00", end: "07:00" } };
  assert.equal(iso(outOfQuietHours(d("2027-11-07T02:00:00Z"), ny)), "2027-11-07T12:00:00.000Z");
  // a quiet end in the repeated hour: the first time the clock reads it (each pass of 01:15 → its own 01:30)
  const early = { timeZone: NEW_YORK, quiet: { start: "00:00", end: "01:30" } };
  assert.equal(iso(outOfQuietHours(d("2027-11-07T05:15:00Z"), early)), "2027-11-07T05:30:00.000Z");
  assert.equal(iso(outOfQuietHours(d("2027-11-07T06:15:00Z"), early)), "2027-11-07T06:30:00.000Z");
  // …also when the quiet hours started the evening before (21:00 EDT → the first 01:30, still EDT)
  assert.equal(
    iso(outOfQuietHours(d("2027-11-07T02:00:00Z"), { timeZone: NEW_YORK, quiet: { start: "21:00", end: "01:30" } })),
    "2027-11-07T05:30:00.000Z",
  );
  // a quiet end that does not exist (02:30 on 14 Mar 2027 in New York) moves forward by the gap: 03:30 EDT
  assert.equal(
    iso(outOfQuietHours(d("2027-03-14T05:00:00Z"), { timeZone: NEW_YORK, quiet: { start: "00:00", end: "02:30" } })),
    "2027-03-14T07:30:00.000Z",
  );
});

test("quiet hours apply to DMs in the recipient's zone", () => {
  const st = state(set({ meetings: [meeting("mt", "2027-01-12T03:00:00Z", { presenterIds: ["m1", "m2"] })] }), [
    person("m1", { timeZone: LONDON, quiet: NIGHT }),
    person("m2", { timeZone: NEW_YORK, quiet: { start: "21:00", end: "07:00" } }),
  ]);
  const sends = Object.fromEntries(ofKind(st, "presenter-prep").map((n) => [n.key, iso(n.sendAt)]));
  assert.deepEqual(sends, {
    "presenter-prep:s1:m1:mt:1": "2027-01-10T08:00:00.000Z", // 03:00 London → 08:00
    "presenter-prep:s1:m2:mt:1": "2027-01-10T12:00:00.000Z", // 22:00 (9 Jan) New York → 07:00 there
  });
});

test("snooze: a snooze past dueAt moves sendAt to its end (then out of quiet hours); an expired one changes nothing", () => {
  const mt = meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1"] });
  const send = (p: NudgePerson) => iso(ofKind(state(set({ meetings: [mt] }), [p]), "presenter-prep")[0]!.sendAt);
  assert.equal(send(person("m1", { snoozedUntil: d("2027-01-10T15:00:00Z") })), "2027-01-10T15:00:00.000Z");
  assert.equal(send(person("m1", { snoozedUntil: d("2027-01-10T23:00:00Z"), quiet: NIGHT })), "2027-01-11T08:00:00.000Z");
  assert.equal(send(person("m1", { snoozedUntil: d("2027-01-09T23:00:00Z"), quiet: NIGHT })), "2027-01-10T10:00:00.000Z");
});

test("opt-out: nothing for someone who opted out; others and the channel post are unaffected", () => {
  const s = set({ meetings: [meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1", "m2"] })], memberIds: ["m1", "m2", "m3"] });
  const all = candidateNudges(state(s, [person("m1", { optedOut: true }), person("adv", { optedOut: true })]));
  assert.deepEqual(
    all.map((n) => n.key).filter((k) => !k.startsWith("advisor-silent")),
    ["presenter-prep:s1:m2:mt:1", "meeting-post:s1:channel:mt:1", "meeting-unclosed:s1:channel:mt:1"],
  );
  assert.ok(!all.some((n) => n.to.kind === "person" && (n.to.personId === "m1" || n.to.personId === "adv")));
});

test("away: nothing for someone whose absence covers dueAt (end exclusive)", () => {
  const mt = meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1", "m2", "m3"] });
  const s = set({
    meetings: [mt],
    absences: [
      awayUntil("m1", d("2027-01-01T00:00:00Z"), d("2027-01-31T00:00:00Z")), // covers: none
      awayUntil("m2", d("2027-01-01T00:00:00Z"), d("2027-01-10T10:00:00Z")), // ends at dueAt: sent
      awayUntil("m3", d("2027-01-10T10:00:00Z"), d("2027-01-11T00:00:00Z")), // starts at dueAt: none
    ],
  });
  assert.deepEqual(
    ofKind(state(s), "presenter-prep").map((n) => n.to),
    [{ kind: "person", personId: "m2" }],
  );
});

test("staleness: planNudges returns what falls in (since, now], due before staleAt and stale from it", () => {
  const st = state(set({ meetings: [meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1"] })], memberIds: ["m1"], advisorIds: [] }));
  const plan = (since: string, now: string) => {
    const { due, stale } = planNudges(st, { since: d(since), now: d(now) });
    return { due: due.map((n) => n.key), stale: stale.map((n) => n.key) };
  };
  assert.deepEqual(plan("2027-01-10T09:00:00Z", "2027-01-10T10:00:00Z"), { due: ["presenter-prep:s1:m1:mt:1"], stale: [] });
  assert.deepEqual(plan("2027-01-10T10:00:00Z", "2027-01-11T10:00:00Z"), { due: ["meeting-post:s1:channel:mt:1"], stale: [] });
  // catching up after downtime: both passed, and the meeting has started
  assert.deepEqual(plan("2027-01-09T00:00:00Z", "2027-01-12T10:00:00Z"), {
    due: [],
    stale: ["presenter-prep:s1:m1:mt:1", "meeting-post:s1:channel:mt:1"],
  });
  assert.deepEqual(plan("2027-01-09T00:00:00Z", "2027-01-12T09:59:59Z"), {
    due: ["presenter-prep:s1:m1:mt:1", "meeting-post:s1:channel:mt:1"],
    stale: [],
  });
  assert.deepEqual(plan("2027-01-01T00:00:00Z", "2027-01-10T09:59:59Z"), { due: [], stale: [] });
});

test("nextNudgeAt: the earliest sendAt strictly after the given time, or null", () => {
  const st = state(set({ meetings: [meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1"] })], memberIds: ["m1"], advisorIds: [] }));
  assert.equal(iso(nextNudgeAt(st, d("2027-01-01T00:00:00Z"))!), "2027-01-10T10:00:00.000Z");
  assert.equal(iso(nextNudgeAt(st, d("2027-01-10T10:00:00Z"))!), "2027-01-11T10:00:00.000Z");
  // the meeting is never closed: the set is asked to close it a day after it ended
  assert.equal(iso(nextNudgeAt(st, d("2027-01-11T10:00:00Z"))!), "2027-01-13T12:00:00.000Z");
  assert.equal(nextNudgeAt(st, d("2027-01-13T12:00:00Z")), null);
});

test("keys are deterministic: the same state in any order gives the same nudges, keys and order", () => {
  const s = set({
    meetings: [A, { ...B, presenterIds: ["m1", "m2"] }],
    actions: [action("a1", "m1", "2027-01-12T11:30:00Z", { due: day("2027-01-20") }), action("a2", "m2", "2027-01-12T11:30:00Z")],
  });
  const other = { ...set({ id: "s2" }), memberIds: ["m1", "m2"] };
  const one = candidateNudges(state([s, other]));
  const two = candidateNudges(
    state([other, { ...s, meetings: [...s.meetings].reverse(), actions: [...s.actions].reverse(), memberIds: [...MEMBERS].reverse() }]),
  );
  assert.deepEqual(two, one);
  assert.equal(new Set(one.map((n) => n.key)).size, one.length);
  // a person listed twice still gets one nudge per key
  const twice = state(set({ meetings: [meeting("mt", "2027-01-12T10:00:00Z", { presenterIds: ["m1", "m1"] })] }));
  assert.deepEqual(
    ofKind(twice, "presenter-prep").map((n) => n.key),
    ["presenter-prep:s1:m1:mt:1"],
  );
  for (const n of one) {
    const who = n.to.kind === "person" ? n.to.personId : "channel";
    assert.equal(n.key, `${n.kind}:${n.setId}:${who}:${n.subjectId}:${n.occurrence}`);
  }
  for (let i = 1; i < one.length; i++) assert.ok(one[i - 1]!.sendAt <= one[i]!.sendAt, "in sendAt order");
});

// ---------------------------------------------------------------------------------------------------------------
// THE simulation: a 7-month programme, Jan–Jul 2027.

type Script = {
  people: Record<string, NudgePerson>;
  members: string[];
  meetings: {
    id: string;
    number: number;
    start: number;
    close: number;
    knownFrom: number;
    cancelledAt: number | null;
    presenters: string[];
    attendees: string[];
  }[];
  /** `due`: the due date as the owner gave it (ISO), in the owner's zone */
  actions: { id: string; owner: string; created: number; due: string | null; outcome: number | null }[];
  entries: { who: string; at: number; kind: "action" | "problem" | "other" }[];
  /** a leave to the end of `lastDay` (ISO) in London, which is `endsAt` */
  absence: { personId: string; startsAt: number; lastDay: string; endsAt: number };
};

const SIM_START = Date.parse("2027-01-01T00:00:00Z");
const SIM_END = Date.parse("2027-08-01T00:00:00Z");
const london = (y: number, mo: number, day: number, h = 0, mi = 0) =>
  DateTime.fromObject({ year: y, month: mo, day, hour: h, minute: mi }, { zone: LONDON }).toMillis();

/** The programme's ground truth: who presents, attends, logs what, when. */
function programme(): Script {
  const p = (id: string, timeZone: string, quiet: QuietHours | null): NudgePerson => ({
    id,
    timeZone,
    quiet,
    optedOut: false,
    snoozedUntil: null,
  });
  const people = {
    ana: p("ana", LONDON, NIGHT),
    ben: p("ben", LONDON, null), // away for March, which covers the 9 March meeting
    cat: p("cat", NEW_YORK, { start: "21:00", end: "07:00" }),
    dev: p("dev", LONDON, NIGHT), // takes an action of his own at every meeting
    eve: p("eve", LONDON, null), // writes only when she presents: the advisor hears of her silences
    ada: p("ada", LONDON, NIGHT), // the advisor
  };
  const members = ["ana", "ben", "cat", "dev", "eve"];
  const absence = { personId: "ben", startsAt: london(2027, 3, 1), lastDay: "2027-03-31", endsAt: london(2027, 4, 1) };
  /** The day (ISO) on which instant `t` falls for `who`: what they would give as a due date. */
  const dayOf = (t: number, who: string) => DateTime.fromMillis(t, { zone: people[who as keyof typeof people].timeZone }).toISODate()!;
  const away = (who: string, t: number) => who === absence.personId && absence.startsAt <= t && t < absence.endsAt;

  // second Tuesday of each month, 10:00 London, 2 hours, closed at the end; the next one is agreed when it starts
  const rota = [
    ["ana", "ben"],
    ["cat", "dev"],
    ["ben", "eve"],
    ["ana", "cat"],
    ["dev", "eve"],
    ["ben", "ana"],
    ["cat", "eve"],
  ];
  const meetings: Script["meetings"] = rota.map((presenters, k) => {
    const first = DateTime.fromObject({ year: 2027, month: k + 1, day: 1, hour: 10 }, { zone: LONDON });
    const start = first.plus({ days: ((2 - first.weekday + 7) % 7) + 7 }).toMillis();
    return {
      id: `M${k}`,
      number: k + 1,
      start,
      close: start + 2 * HOUR,
      knownFrom: 0,
      cancelledAt: null,
      presenters,
      attendees: members.filter((m) => !away(m, start)),
    };
  });
  for (const [k, m] of meetings.entries()) m.knownFrom = k === 0 ? SIM_START : meetings[k - 1]!.start;
  // an extra meeting agreed at the April meeting and cancelled the next morning
  const m3 = meetings[3]!;
  const extra = {
    id: "MX",
    number: 99,
    start: london(2027, 4, 27, 10),
    close: 0,
    knownFrom: m3.start,
    cancelledAt: m3.start + 23 * HOUR,
    presenters: ["ana", "dev"],
    attendees: [],
  };

  const actions: Script["actions"] = [];
  const entries: Script["entries"] = [];
  meetings.forEach((m, k) => {
    const next = meetings[k + 1];
    const [p0, p1] = m.presenters as [string, string];
    // /log problem the day before presenting, except ana at meeting 4, who presents without logging one
    for (const who of m.presenters)
      if (!away(who, m.start - DAY) && !(k === 3 && who === "ana")) entries.push({ who, at: m.start - DAY, kind: "problem" });
    for (const who of m.attendees) if (who !== "eve") entries.push({ who, at: m.start + 30 * 60_000, kind: "other" }); // /log reflect
    const act = (owner: string, created: number, due: number | null, outcome: number | null) => {
      if (!m.attendees.includes(owner)) return;
      actions.push({ id: `${m.id}-${owner}-${actions.length}`, owner, created, due: due === null ? null : dayOf(due, owner), outcome });
    };
    act(p0, m.start + 90 * 60_000, null, next ? next.start - 5 * DAY : null); // during the meeting
    act(p1, m.close + 3 * HOUR, next ? next.start - 7 * DAY : m.close + 7 * DAY, next ? next.start - DAY : null); // after the +2 h nudge
    act("dev", m.start + HOUR, m.close + 2 * DAY, m.close + 3 * DAY); // overdue for a day, then done
  });
  // ben's action from February falls due, and its outcome-due would fall, while he is away
  actions.push({
    id: "M1-ben-late",
    owner: "ben",
    created: meetings[1]!.close + 30 * HOUR,
    due: "2027-03-05",
    outcome: london(2027, 4, 5, 10),
  });
  for (const a of actions) {
    entries.push({ who: a.owner, at: a.created, kind: "action" });
    if (a.outcome !== null) entries.push({ who: a.owner, at: a.outcome, kind: "other" });
  }
  return { people, members, meetings: [...meetings, extra], actions, entries, absence };
}

const SCRIPT = programme();
/** Each scripted action's due date as the planner receives it (built once: the simulation asks at every tick). */
const DUE = new Map(SCRIPT.actions.map((a) => [a.id, a.due === null ? null : calendarDate(a.due, SCRIPT.people[a.owner]!.timeZone)]));
const LEAVE_LAST_DAY = calendarDate(SCRIPT.absence.lastDay, LONDON);

/** The state the bot would hold at `t`: only what has happened by then. */
function stateAt(t: number): NudgeState {
  const s = SCRIPT;
  const meetings: NudgeMeeting[] = s.meetings
    .filter((m) => m.knownFrom <= t)
    .map((m) => ({
      id: m.id,
      number: m.number,
      startsAt: new Date(m.start),
      durationMinutes: 120,
      status: m.cancelledAt !== null && m.cancelledAt <= t ? "cancelled" : m.close > 0 && m.close <= t ? "closed" : "scheduled",
      closedAt: m.close > 0 && m.close <= t ? new Date(m.close) : null,
      presenterIds: m.presenters,
      attendeeIds: m.close > 0 && m.close <= t ? m.attendees : [],
    }));
  const actions: NudgeAction[] = s.actions
    .filter((a) => a.created <= t)
    .map((a) => {
      const done = a.outcome !== null && a.outcome <= t;
      return {
        id: a.id,
        ownerId: a.owner,
        createdAt: new Date(a.created),
        due: DUE.get(a.id) ?? null,
        status: done ? "done" : "open",
        outcomeAt: done ? new Date(a.outcome!) : null,
      };
    });
  const entryTimes: Record<string, Date[]> = {};
  const actionEntryTimes: Record<string, Date[]> = {};
  const problemEntries: Record<string, { at: Date; meetingId: null }[]> = {};
  for (const e of s.entries) {
    if (e.at > t) continue;
    entryTimes[e.who] = [...(entryTimes[e.who] ?? []), new Date(e.at)];
    if (e.kind === "action") actionEntryTimes[e.who] = [...(actionEntryTimes[e.who] ?? []), new Date(e.at)];
    if (e.kind === "problem") problemEntries[e.who] = [...(problemEntries[e.who] ?? []), { at: new Date(e.at), meetingId: null }];
  }
  const set: NudgeSet = {
    id: "set1",
    memberIds: s.members,
    advisorIds: ["ada"],
    meetings,
    actions,
    entryTimes,
    actionEntryTimes,
    problemEntries,
    memberSince: Object.fromEntries(s.members.map((m) => [m, new Date(SIM_START)])),
    absences: [{ personId: s.absence.personId, startsAt: new Date(s.absence.startsAt), lastDay: LEAVE_LAST_DAY, endedAt: null }],
    sizeChangedAt: new Date(SIM_START),
    reviewEvery: 3,
  };
  return { sets: [set], people: s.people };
}

/** Quiet at `t` in the person's zone, by comparing "HH:mm" strings (independent of the planner's arithmetic). */
function quietAt(t: number, who: string): boolean {
  const p = SCRIPT.people[who]!;
  if (!p.quiet) return false;
  const hhmm = DateTime.fromMillis(t, { zone: p.timeZone }).toFormat("HH:mm");
  const { start, end } = p.quiet;
  return start > end ? hhmm >= start || hhmm < end : hhmm >= start && hhmm < end;
}

/** Steps minute by minute until the person's clock is out of quiet hours. */
function shifted(t: number, who: string): number {
  let at = t;
  while (quietAt(at, who)) at = Math.floor(at / 60_000) * 60_000 + 60_000;
  return at;
}

type Expected = { key: string; sendAt: number };

/** Every reminder the programme should produce, straight from the ground truth. */
function expectedNudges(): Expected[] {
  const { meetings, actions, entries, members, absence } = SCRIPT;
  const away = (who: string, t: number) => who === absence.personId && absence.startsAt <= t && t < absence.endsAt;
  const out: Expected[] = [];
  const dm = (kind: string, who: string, subject: string, occurrence: string, due: number, stale: number) => {
    if (away(who, due)) return;
    const sendAt = shifted(due, who);
    if (sendAt < stale && sendAt <= SIM_END) out.push({ key: `${kind}:set1:${who}:${subject}:${occurrence}`, sendAt });
  };
  const held = meetings.filter((m) => m.cancelledAt === null);
  const lacking = (t: number) =>
    members.filter((who) => actions.some((a) => a.owner === who && a.created < t && (a.outcome === null || a.outcome > t)));
  held.forEach((m, k) => {
    const next = held[k + 1];
    for (const who of m.presenters) dm("presenter-prep", who, m.id, "1", m.start - 48 * HOUR, m.start);
    out.push({ key: `meeting-post:set1:channel:${m.id}:1`, sendAt: m.start - 24 * HOUR });
    const previous = held[k - 1];
    [2, 24].forEach((h, i) => {
      const due = m.close + h * HOUR;
      for (const who of m.attendees) {
        const logged = actions.some((a) => a.owner === who && a.created >= m.start && a.created <= due);
        const problem = entries.some(
          (e) => e.who === who && e.kind === "problem" && e.at <= due && e.at > (previous ? previous.close : -Infinity),
        );
        const noProblem = i === 0 && m.presenters.includes(who) && !problem;
        if (noProblem) dm("log-problem", who, m.id, "1", due, next ? next.start : due + 7 * DAY);
        if (!logged && !noProblem) dm("log-action", who, m.id, String(i + 1), due, next ? next.start : due + 7 * DAY);
      }
    });
    if (next) {
      const mid = m.close + Math.floor((next.start - m.close) / 2);
      for (const who of lacking(mid)) dm("midpoint-outcome", who, m.id, "1", mid, next.start - 72 * HOUR);
      const due = next.start - 72 * HOUR;
      for (const who of lacking(due)) dm("outcome-due", who, next.id, "1", due, next.start);
    }
  });
  for (const a of actions) {
    if (a.due === null) continue;
    // the due date is over at the next midnight in the owner's zone
    const due = DateTime.fromISO(a.due, { zone: SCRIPT.people[a.owner]!.timeZone }).plus({ days: 1 }).toMillis();
    if (away(a.owner, due)) continue;
    const sendAt = shifted(due, a.owner);
    if (a.outcome === null || a.outcome > sendAt) dm("action-due", a.owner, a.id, "1", due, due + 7 * DAY);
  }
  for (const who of members) {
    const times = [SIM_START, ...entries.filter((e) => e.who === who).map((e) => e.at)].sort((x, y) => x - y);
    times.forEach((last, i) => {
      const next = times[i + 1] ?? Infinity;
      const silentFrom = last + 30 * DAY;
      const due = away(who, silentFrom) ? absence.endsAt : silentFrom; // reported on return from leave
      if (next === last || shifted(due, "ada") >= next) return;
      dm("advisor-silent", "ada", who, new Date(last).toISOString().slice(0, 10), due, due + 7 * DAY);
    });
  }
  // a set learning review at the close of every third meeting held: each member, a minute after the close
  held
    .filter((m) => m.close <= SIM_END)
    .forEach((m, k) => {
      if ((k + 1) % 3 !== 0) return;
      const next = held[k + 1];
      for (const who of members)
        dm("set-review", who, m.id, "1", m.close + 60_000, Math.min(m.close + 60_000 + 14 * DAY, next?.start ?? Infinity));
    });
  // the advisor's digest: every Monday at 09:00 London (ada's zone), each ISO week once
  for (
    let monday = DateTime.fromISO("2027-01-04T09:00", { zone: LONDON });
    monday.toMillis() <= SIM_END;
    monday = monday.plus({ weeks: 1 })
  ) {
    const week = `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, "0")}`;
    dm("advisor-digest", "ada", "set1", week, monday.toMillis(), monday.toMillis() + 2 * DAY);
  }
  return out.sort((x, y) => x.sendAt - y.sendAt || (x.key < y.key ? -1 : 1));
}

type Run = { due: PlannedNudge[]; stale: PlannedNudge[]; calls: number };

function runTicks(stepMs: number): Run {
  const run: Run = { due: [], stale: [], calls: 0 };
  for (let prev = SIM_START, t = SIM_START + stepMs; prev < SIM_END; prev = t, t += stepMs) {
    const { due, stale } = planNudges(stateAt(t), { since: new Date(prev), now: new Date(t) });
    run.due.push(...due);
    run.stale.push(...stale);
    run.calls++;
  }
  return run;
}

/** Jumps from nudge to nudge (nextNudgeAt) and to each change of the state, whichever comes first. */
function runEvents(): Run {
  const run: Run = { due: [], stale: [], calls: 0 };
  const s = SCRIPT;
  const changes = [
    ...s.meetings.flatMap((m) => [m.knownFrom, m.close, m.cancelledAt ?? 0]),
    ...s.actions.flatMap((a) => [a.created, a.outcome ?? 0]),
    ...s.entries.map((e) => e.at),
  ].filter((t) => t > SIM_START && t <= SIM_END);
  const queue = [...new Set([...changes, SIM_END])].sort((x, y) => x - y);
  let t = SIM_START;
  let q = 0;
  while (t < SIM_END) {
    while (queue[q]! <= t) q++;
    const next = Math.min(nextNudgeAt(stateAt(t), new Date(t))?.getTime() ?? Infinity, queue[q]!);
    const { due, stale } = planNudges(stateAt(next), { since: new Date(t), now: new Date(next) });
    run.due.push(...due);
    run.stale.push(...stale);
    run.calls++;
    t = next;
  }
  return run;
}

const local = (n: PlannedNudge) => {
  const who = n.to.kind === "person" ? n.to.personId : "channel";
  const zone = who === "channel" ? LONDON : SCRIPT.people[who]!.timeZone;
  return DateTime.fromJSDate(n.sendAt, { zone }).toFormat("HH:mm");
};

test("simulation: a 7-month programme in 15-minute ticks plans every expected reminder exactly once, at sensible local times", () => {
  const run = runTicks(15 * 60_000);
  const events = runEvents();
  const expected = expectedNudges();
  const keys = run.due.map((n) => n.key);
  // Coaching: each member once on joining and once after the second meeting held (no programme days are set);
  // the rest of the programme is compared without them, exactly as before coaching existed.
  assert.deepEqual(
    run.due
      .filter((n) => n.kind === "coach")
      .map((n) => n.key)
      .sort(),
    SCRIPT.members.flatMap((m) => [`coach:set1:${m}:${m}:joined`, `coach:set1:${m}:${m}:second-meeting`]).sort(),
  );
  const notCoach = (n: { kind: string }) => n.kind !== "coach";

  // the programme is what we meant: 7 second Tuesdays at 10:00 London
  assert.deepEqual(
    SCRIPT.meetings
      .filter((m) => m.cancelledAt === null)
      .map((m) => DateTime.fromMillis(m.start, { zone: LONDON }).toFormat("ccc d LLL HH:mm")),
    [
      "Tue 12 Jan 10:00",
      "Tue 9 Feb 10:00",
      "Tue 9 Mar 10:00",
      "Tue 13 Apr 10:00",
      "Tue 11 May 10:00",
      "Tue 8 Jun 10:00",
      "Tue 13 Jul 10:00",
    ],
  );

  // exactly once, and exactly the expected ones, at the expected instants
  assert.equal(new Set(keys).size, keys.length, "no key is planned twice");
  const got = run.due
    .filter(notCoach)
    .map((n) => `${n.key} @ ${iso(n.sendAt)}`)
    .sort();
  assert.deepEqual(got, expected.map((e) => `${e.key} @ ${iso(new Date(e.sendAt))}`).sort());
  assert.deepEqual(run.stale, [], "a clock that never stops misses nothing");

  // stepping from event to event gives the same nudges
  assert.deepEqual(events.due.map((n) => n.key).sort(), [...keys].sort());
  assert.deepEqual(events.due.map((n) => iso(n.sendAt)).sort(), run.due.map((n) => iso(n.sendAt)).sort());
  assert.ok(events.calls < run.calls / 20, `event stepping took ${events.calls} calls`);

  // every kind happened (except set size: 5 members is fine)
  const kinds = new Set(run.due.map((n) => n.kind));
  for (const k of [
    "presenter-prep",
    "meeting-post",
    "log-action",
    "log-problem",
    "midpoint-outcome",
    "outcome-due",
    "action-due",
    "advisor-silent",
    "set-review",
    "advisor-digest",
  ])
    assert.ok(kinds.has(k as NudgeKind), `no ${k}`);
  assert.ok(!kinds.has("advisor-set-size"));

  // right local times: prep 48 h before (10:00 London; 05:00 in New York is quiet → 07:00), posts 10:00,
  // log-action at close + 2 h (14:00 London, 09:00 New York) and close + 24 h (12:00 London, 07:00 New York)
  for (const n of run.due) {
    const who = n.to.kind === "person" ? n.to.personId : "channel";
    const ny = who === "cat";
    if (n.kind === "presenter-prep") assert.equal(local(n), ny ? "07:00" : "10:00", n.key);
    if (n.kind === "meeting-post") assert.equal(local(n), "10:00", n.key);
    if (n.kind === "log-action") assert.equal(local(n), n.occurrence === "1" ? (ny ? "09:00" : "14:00") : ny ? "07:00" : "12:00", n.key);
    if (n.kind === "advisor-digest")
      assert.equal(DateTime.fromJSDate(n.sendAt, { zone: LONDON }).toFormat("ccc HH:mm"), "Mon 09:00", n.key);
  }
  const catPrep = run.due.filter((n) => n.kind === "presenter-prep" && n.key.includes(":cat:"));
  assert.equal(catPrep.length, 3);

  // nobody is nudged in their quiet hours
  for (const n of run.due)
    if (n.to.kind === "person") assert.ok(!quietAt(n.sendAt.getTime(), n.to.personId), `${n.key} at ${local(n)} local`);

  // nothing for ben while he is away, though he was down to present on 9 March and had an action due on 5 March
  const { absence } = SCRIPT;
  for (const n of run.due.filter((n) => n.to.kind === "person" && n.to.personId === "ben")) {
    for (const t of [n.dueAt.getTime(), n.sendAt.getTime()]) assert.ok(t < absence.startsAt || t >= absence.endsAt, `${n.key} while away`);
  }
  assert.ok(!keys.includes("presenter-prep:set1:ben:M2:1"));
  assert.ok(keys.includes("presenter-prep:set1:eve:M2:1"));
  assert.ok(!keys.includes("action-due:set1:ben:M1-ben-late:1"));
  assert.ok(keys.includes("midpoint-outcome:set1:ben:M1:1"), "reminded before he left");
  assert.ok(!keys.includes("outcome-due:set1:ben:M2:1"));

  // nothing for the cancelled meeting, whose presenters would otherwise have been reminded
  assert.ok(!run.due.some((n) => n.subjectId === "MX"));

  // the advisor hears of eve's first silence (no entry since joining) on 31 Jan, at 08:00 London (out of quiet hours)
  const eve = run.due.find((n) => n.key === "advisor-silent:set1:ada:eve:2027-01-01");
  assert.ok(eve);
  assert.equal(DateTime.fromJSDate(eve.sendAt, { zone: LONDON }).toFormat("yyyy-MM-dd HH:mm"), "2027-01-31 08:00");
}, 180_000);
