import assert from "node:assert/strict";
import { test } from "vitest";
import { calendarDateOf } from "../../src/domain/calendar-date.ts";
import { candidateNudges, planNudges } from "../../src/domain/reminders/planner.ts";
import type { NudgePerson, NudgeSet, NudgeState, PlannedNudge } from "../../src/domain/reminders/types.ts";
import { meeting } from "../support/planner-fixtures.ts";

const d = (iso: string) => new Date(iso);
const MEMBERS = ["m1", "m2", "m3"];

function set(over: Partial<NudgeSet> = {}): NudgeSet {
  return {
    id: "s1",
    memberIds: MEMBERS,
    advisorIds: ["adv", "adv2"],
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

function state(s: NudgeSet, people: NudgePerson[] = []): NudgeState {
  const all = Object.fromEntries(
    [...MEMBERS, "adv", "adv2"].map((id): [string, NudgePerson] => [
      id,
      { id, timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null },
    ]),
  );
  for (const p of people) all[p.id] = p;
  return { sets: [s], people: all };
}

const ofKind = (st: NudgeState, kind: string) => candidateNudges(st).filter((n) => n.kind === kind);
const summary = (ns: PlannedNudge[]) => ns.map((n) => `${n.key} send ${n.sendAt.toISOString()} stale ${n.staleAt.toISOString()}`);
/** A leave from `startsAt` that ends at exactly `endsAt` (as /away off records an early return). */
const away = (personId: string, startsAt: string, endsAt: string) => ({
  personId,
  startsAt: d(startsAt),
  lastDay: calendarDateOf(d(endsAt), "UTC"),
  endedAt: d(endsAt),
});

/** A meeting on 12 Feb, 10:00-12:00 UTC. */
const FEB = meeting("feb", "2027-02-12T10:00:00Z");

test("advisor-all-away: every member away for a meeting → each advisor, a week before, stale at its start", () => {
  const st = state(
    set({
      meetings: [FEB],
      absences: [
        away("m1", "2027-01-10T09:00:00Z", "2027-02-20T00:00:00Z"),
        away("m2", "2027-01-20T09:00:00Z", "2027-02-13T00:00:00Z"),
        away("m3", "2027-02-01T09:00:00Z", "2027-02-15T00:00:00Z"),
      ],
    }),
  );
  assert.deepEqual(summary(ofKind(st, "advisor-all-away")), [
    "advisor-all-away:s1:adv2:feb:2027-02-12T10:00:00.000Z send 2027-02-05T10:00:00.000Z stale 2027-02-12T10:00:00.000Z",
    "advisor-all-away:s1:adv:feb:2027-02-12T10:00:00.000Z send 2027-02-05T10:00:00.000Z stale 2027-02-12T10:00:00.000Z",
  ]);
});

test("advisor-all-away: when the last member's leave begins within the week, the advisors hear at that moment", () => {
  const st = state(
    set({
      meetings: [FEB],
      advisorIds: ["adv"],
      absences: [
        away("m1", "2027-01-10T09:00:00Z", "2027-02-20T00:00:00Z"),
        away("m2", "2027-01-20T09:00:00Z", "2027-02-13T00:00:00Z"),
        away("m3", "2027-02-10T15:30:00Z", "2027-02-15T00:00:00Z"),
      ],
    }),
  );
  assert.deepEqual(summary(ofKind(st, "advisor-all-away")), [
    "advisor-all-away:s1:adv:feb:2027-02-12T10:00:00.000Z send 2027-02-10T15:30:00.000Z stale 2027-02-12T10:00:00.000Z",
  ]);
  const { due } = planNudges(st, { since: d("2027-02-10T15:29:00Z"), now: d("2027-02-10T15:30:00Z") });
  assert.deepEqual(
    due.map((n) => n.kind),
    ["advisor-all-away"],
  );
});

test("advisor-all-away: nothing when one member is not away, or their leave ends as the meeting starts", () => {
  const some = [away("m1", "2027-01-10T09:00:00Z", "2027-02-20T00:00:00Z"), away("m2", "2027-01-20T09:00:00Z", "2027-02-13T00:00:00Z")];
  assert.deepEqual(ofKind(state(set({ meetings: [FEB], absences: some })), "advisor-all-away"), []);
  const endsAtStart = [...some, away("m3", "2027-02-01T09:00:00Z", "2027-02-12T10:00:00Z")];
  assert.deepEqual(ofKind(state(set({ meetings: [FEB], absences: endsAtStart })), "advisor-all-away"), []);
  assert.deepEqual(ofKind(state(set({ meetings: [FEB], memberIds: [], absences: some })), "advisor-all-away"), [], "no members");
});

test("advisor-all-away: a meeting moved to another date is judged again under a new key", () => {
  const absences = MEMBERS.map((m) => away(m, "2027-01-10T09:00:00Z", "2027-03-01T00:00:00Z"));
  const before = ofKind(state(set({ meetings: [FEB], absences, advisorIds: ["adv"] })), "advisor-all-away");
  const moved = ofKind(
    state(set({ meetings: [{ ...FEB, startsAt: d("2027-02-19T10:00:00Z") }], absences, advisorIds: ["adv"] })),
    "advisor-all-away",
  );
  assert.equal(before.length, 1);
  assert.equal(moved.length, 1);
  assert.notEqual(before[0]!.key, moved[0]!.key);
});

test("unclosed: the set is asked a day after the meeting ended, each advisor a day later; none once it is closed or cancelled", () => {
  const st = state(set({ meetings: [FEB] }));
  assert.deepEqual(summary(ofKind(st, "meeting-unclosed")), [
    "meeting-unclosed:s1:channel:feb:1 send 2027-02-13T12:00:00.000Z stale 2027-02-14T12:00:00.000Z",
  ]);
  assert.deepEqual(summary(ofKind(st, "advisor-unclosed")), [
    "advisor-unclosed:s1:adv2:feb:1 send 2027-02-14T12:00:00.000Z stale 2027-02-19T12:00:00.000Z",
    "advisor-unclosed:s1:adv:feb:1 send 2027-02-14T12:00:00.000Z stale 2027-02-19T12:00:00.000Z",
  ]);
  for (const status of ["closed", "cancelled"] as const) {
    const other = state(set({ meetings: [{ ...FEB, status, closedAt: status === "closed" ? d("2027-02-12T12:00:00Z") : null }] }));
    assert.deepEqual([...ofKind(other, "meeting-unclosed"), ...ofKind(other, "advisor-unclosed")], [], status);
  }
});

test("a kind a person stopped is not planned for them; their other kinds and other people are", () => {
  const st = state(set({ meetings: [FEB] }), [
    { id: "adv", timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null, stopped: ["advisor-unclosed"] },
  ]);
  assert.deepEqual(
    ofKind(st, "advisor-unclosed").map((n) => n.to),
    [{ kind: "person", personId: "adv2" }],
  );
  assert.ok(
    candidateNudges(st).some((n) => n.to.kind === "person" && n.to.personId === "adv"),
    "adv still gets other kinds",
  );
});

test("an archived set gets no reminders at all", () => {
  const live = set({ meetings: [{ ...FEB, presenterIds: ["m1"] }] });
  assert.ok(candidateNudges(state(live)).length > 0);
  assert.deepEqual(candidateNudges(state({ ...live, archived: true })), []);
});
