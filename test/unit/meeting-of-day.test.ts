import assert from "node:assert/strict";
import { test } from "vitest";
import { meetingOfDay } from "../../src/domain/set/meeting-of-day.ts";

const meeting = (number: number, startsAt: string, status = "scheduled") => ({ number, startsAt: new Date(startsAt), status });

test("a message belongs to the meeting held that day, the day read in the set's zone", () => {
  const meetings = [meeting(1, "2027-01-12T10:00:00Z"), meeting(2, "2027-02-12T10:00:00Z")];
  assert.equal(meetingOfDay(meetings, new Date("2027-01-12T15:30:00Z"), "Europe/London")?.number, 1);
  assert.equal(meetingOfDay(meetings, new Date("2027-01-12T08:00:00Z"), "Europe/London")?.number, 1, "written before it, that morning");
  assert.equal(meetingOfDay(meetings, new Date("2027-01-13T09:00:00Z"), "Europe/London"), undefined, "no meeting the next day");
});

test("the day is the set's: late evening in New York is the meeting's day there, not the UTC day", () => {
  const meetings = [meeting(1, "2027-01-12T15:00:00Z")]; // 10:00 in New York
  const evening = new Date("2027-01-13T03:00:00Z"); // 22:00 on the 12th in New York, the 13th in UTC
  assert.equal(meetingOfDay(meetings, evening, "America/New_York")?.number, 1);
  assert.equal(meetingOfDay(meetings, evening, "UTC"), undefined);
});

test("a cancelled meeting is no meeting of that day; of two that day, the last one begun", () => {
  const cancelled = [meeting(1, "2027-01-12T10:00:00Z", "cancelled")];
  assert.equal(meetingOfDay(cancelled, new Date("2027-01-12T12:00:00Z"), "UTC"), undefined);
  const two = [meeting(2, "2027-01-12T16:00:00Z"), meeting(1, "2027-01-12T09:00:00Z")];
  assert.equal(meetingOfDay(two, new Date("2027-01-12T12:00:00Z"), "UTC")?.number, 1);
  assert.equal(meetingOfDay(two, new Date("2027-01-12T17:00:00Z"), "UTC")?.number, 2);
  assert.equal(meetingOfDay(two, new Date("2027-01-12T07:00:00Z"), "UTC")?.number, 1, "before either: the first");
});
