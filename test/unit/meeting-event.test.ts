import assert from "node:assert/strict";
import { test } from "vitest";
import { CHANNEL_POINTER_ROOM, type EventMeeting, eventFingerprint, meetingEvent } from "../../src/domain/set/meeting-event.ts";

const now = new Date("2027-01-04T09:00:00Z");
const meeting: EventMeeting = { id: "m1", number: 3, status: "scheduled", startsAt: new Date("2027-01-12T10:00:00Z"), durationMinutes: 90 };

test("an upcoming meeting's event: the set's name and number, its start and end, its presenters", () => {
  const e = meetingEvent(meeting, { name: "Leading change" }, "Ana and Ben", now, false)!;
  assert.deepEqual(
    { name: e.name, status: e.status, startsAt: e.startsAt, endsAt: e.endsAt },
    { name: "Leading change · meeting 3", status: "scheduled", startsAt: "2027-01-12T10:00:00.000Z", endsAt: "2027-01-12T11:30:00.000Z" },
  );
  assert.match(e.description, /Presenters: Ana and Ben\./);
});

test("a meeting never shown gets no event once it is no longer ahead; one already queued keeps it to the end", () => {
  const started = { ...meeting, startsAt: new Date("2027-01-04T08:00:00Z") };
  assert.equal(meetingEvent(started, { name: "S" }, "Ana", now, false), null);
  assert.equal(meetingEvent({ ...meeting, status: "cancelled" }, { name: "S" }, "Ana", now, false), null);
  assert.equal(meetingEvent({ ...started, status: "closed" }, { name: "S" }, "Ana", now, true)?.status, "completed");
  assert.equal(meetingEvent({ ...meeting, status: "cancelled" }, { name: "S" }, "Ana", now, true)?.status, "cancelled");
});

test("the name and description are cut to Discord's limits (100 and 1000 characters), and the fingerprint follows what is shown", () => {
  const e = meetingEvent(meeting, { name: "x".repeat(120) }, "y".repeat(2000), now, false)!;
  assert.equal(e.name.length, 100);
  assert.ok(e.name.endsWith("…"));
  assert.equal(e.description.length, 1000);
  const moved = meetingEvent(
    { ...meeting, startsAt: new Date("2027-01-13T10:00:00Z") },
    { name: "x".repeat(120) },
    "y".repeat(2000),
    now,
    false,
  )!;
  assert.notEqual(eventFingerprint(moved), eventFingerprint(e));
  assert.equal(eventFingerprint(meetingEvent(meeting, { name: "x".repeat(120) }, "y".repeat(2000), now, false)!), eventFingerprint(e));
});

test("a set with a voice channel holds an upcoming meeting's event there, with room left for the link to the set's channel", () => {
  const external = meetingEvent(meeting, { name: "Leading change", voiceChannelId: null }, "Ana", now, false)!;
  const voice = meetingEvent(meeting, { name: "Leading change", voiceChannelId: "V1" }, "Ana", now, false)!;
  assert.equal(external.voiceChannelId, undefined);
  assert.equal(voice.voiceChannelId, "V1");
  assert.match(voice.description, /meets in this event's voice channel/);
  assert.notEqual(eventFingerprint(voice), eventFingerprint(external), "choosing a voice channel re-queues the event");
  assert.equal(
    eventFingerprint(external),
    eventFingerprint(meetingEvent(meeting, { name: "Leading change" }, "Ana", now, false)!),
    "an external event's fingerprint is what it was before voice channels, so nothing is written again for them",
  );
  const long = meetingEvent(meeting, { name: "S", voiceChannelId: "V1" }, "y".repeat(2000), now, false)!;
  assert.equal(long.description.length, 1000 - CHANNEL_POINTER_ROOM);
  const cancelled = meetingEvent({ ...meeting, status: "cancelled" }, { name: "S", voiceChannelId: "V1" }, "Ana", now, true)!;
  assert.equal(cancelled.voiceChannelId, undefined, "a cancellation changes the status alone");
});
