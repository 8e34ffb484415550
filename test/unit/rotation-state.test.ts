import assert from "node:assert/strict";
import { test } from "vitest";
import {
  ANNOUNCE_LEAD_MS,
  isAnnouncementDue,
  planAnnouncements,
  projectUpcoming,
  type RotationMeeting,
  type RotationSlot,
  type RotationState,
  rotationState,
} from "../../src/domain/set/rotation-state.ts";

/** When presenters are announced, and what announcing writes (issue 11 §5, issue 12 item 6). */

const d = (iso: string) => new Date(iso);
const members = ["ana", "ben", "cleo", "dev", "eve"].map((personId, order) => ({ personId, order, pairLabel: null }));

function meeting(id: string, number: number, startsAt: string, over: Partial<RotationMeeting> = {}): RotationMeeting {
  return { id, number, startsAt: d(startsAt), durationMinutes: 120, status: "scheduled", announcedAt: null, ...over };
}

function at(now: string, meetings: RotationMeeting[], over: Partial<RotationState> = {}): RotationState {
  return rotationState({
    now: d(now),
    slotMinutes: 30,
    allowanceMinutes: 30,
    members,
    meetings,
    slots: [],
    rsvps: [],
    absences: [],
    ...over,
  });
}

const M1 = meeting("m1", 1, "2027-01-12T10:00:00Z");
const M2 = meeting("m2", 2, "2027-02-09T10:00:00Z");

test("a meeting is due for announcement 7 days before it starts, not earlier", () => {
  assert.equal(ANNOUNCE_LEAD_MS, 7 * 86_400_000);
  assert.equal(isAnnouncementDue(at("2027-01-05T09:59:00Z", [M1]), M1), false);
  assert.equal(isAnnouncementDue(at("2027-01-05T10:00:00Z", [M1]), M1), true);
  assert.equal(isAnnouncementDue(at("2027-01-12T10:00:00Z", [M1]), M1), false, "not once it has started");
  const announced = { ...M1, announcedAt: d("2027-01-05T10:00:00Z") };
  assert.equal(isAnnouncementDue(at("2027-01-06T10:00:00Z", [announced]), announced), false, "only once");
});

test("closing the meeting before announces the next, however far ahead; a cancelled one in between is passed over", () => {
  const closed = { ...M1, status: "closed" as const };
  assert.equal(isAnnouncementDue(at("2027-01-12T12:00:00Z", [closed, M2]), M2), true);
  assert.equal(isAnnouncementDue(at("2027-01-12T12:00:00Z", [M1, M2]), M2), false, "the meeting before is not closed");
  const M3 = meeting("m3", 3, "2027-03-09T10:00:00Z");
  const cancelled = { ...M2, status: "cancelled" as const };
  assert.equal(isAnnouncementDue(at("2027-01-12T12:00:00Z", [closed, cancelled, M3]), M3), true);
  assert.equal(isAnnouncementDue(at("2027-01-12T12:00:00Z", [closed, M2, M3]), M3), false);
});

test("nothing announced and nothing due: nothing to write", () => {
  assert.deepEqual(planAnnouncements(at("2027-01-04T09:00:00Z", [M1, M2])), []);
});

test("a first announcement stores the fair plan the projection showed, keeping a swapped-in turn", () => {
  const swapped: RotationSlot = { id: "s1", meetingId: "m1", personId: "eve", position: 2, status: "planned", swapped: true };
  const released: RotationSlot = { id: "s2", meetingId: "m1", personId: "ben", position: 2, status: "released", swapped: false };
  const state = at("2027-01-05T10:00:00Z", [M1, M2], { slots: [swapped, released] });
  const projected = projectUpcoming(state, 1)[0]!.groups;
  const [plan, ...rest] = planAnnouncements(state);
  assert.deepEqual(rest, []);
  assert.equal(plan!.announce, true);
  assert.deepEqual([["eve"], ...plan!.added], projected);
  assert.deepEqual(plan!.added, [["ana"], ["cleo"]]);
  assert.deepEqual(
    plan!.add.map((s) => [s.personId, s.position]),
    [
      ["ana", 3],
      ["cleo", 4],
    ],
  );
});

test("an announced meeting keeps its turns, drops who sent apologies and fills the place in fair order", () => {
  const announced = { ...M1, announcedAt: d("2027-01-05T10:00:00Z") };
  const slots: RotationSlot[] = ["ana", "ben", "cleo"].map((personId, i) => ({
    id: `s${i}`,
    meetingId: "m1",
    personId,
    position: i + 1,
    status: "planned",
    swapped: false,
  }));
  const state = at("2027-01-10T10:00:00Z", [announced, M2], { slots, rsvps: [{ meetingId: "m1", personId: "ben", answer: "no" }] });
  assert.deepEqual(planAnnouncements(state), [
    {
      meetingId: "m1",
      announce: false,
      skip: ["s1"],
      release: [],
      add: [{ meetingId: "m1", personId: "dev", position: 4, status: "planned", swapped: false }],
      dropped: ["ben"],
      added: [["dev"]],
    },
  ]);
  // Once written, there is nothing left to do: settling again writes nothing.
  const written: RotationSlot[] = [
    ...slots.map((s) => (s.personId === "ben" ? { ...s, status: "skipped" as const } : s)),
    { id: "s3", meetingId: "m1", personId: "dev", position: 4, status: "planned", swapped: false },
  ];
  assert.deepEqual(planAnnouncements(at("2027-01-10T10:00:00Z", [announced, M2], { slots: written, rsvps: state.rsvps })), []);
});

test("two meetings due at once are announced in time order, the second counting the first's turns", () => {
  const closed = meeting("m0", 0, "2027-01-05T10:00:00Z", { status: "closed" });
  const soon = meeting("m1", 1, "2027-01-08T10:00:00Z");
  const next = meeting("m2", 2, "2027-01-11T10:00:00Z");
  const plans = planAnnouncements(at("2027-01-05T12:00:00Z", [closed, soon, next]));
  assert.deepEqual(
    plans.map((p) => [p.meetingId, p.added.flat()]),
    [
      ["m1", ["ana", "ben", "cleo"]],
      ["m2", ["dev", "eve", "ana"]],
    ],
  );
});
