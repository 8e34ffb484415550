import assert from "node:assert/strict";
import { test } from "vitest";
import { type NumberedMeeting, numbersInTimeOrder } from "../../src/domain/set/meeting-numbers.ts";

const now = new Date("2027-02-01T09:00:00Z");
const meeting = (id: string, number: number, day: string, extra: Partial<NumberedMeeting> = {}): NumberedMeeting => ({
  id,
  number,
  startsAt: new Date(`2027-${day}T10:00:00Z`),
  status: "scheduled",
  announcedAt: null,
  ...extra,
});

test("meetings not announced share out their numbers in time order", () => {
  const changes = numbersInTimeOrder([meeting("a", 1, "03-01"), meeting("b", 2, "04-01"), meeting("c", 3, "02-15")], now);
  assert.deepEqual(changes, [
    { id: "c", from: 3, to: 1 },
    { id: "a", from: 1, to: 2 },
    { id: "b", from: 2, to: 3 },
  ]);
});

test("a held, announced or cancelled meeting keeps its number, even when a later one is placed before it", () => {
  const changes = numbersInTimeOrder(
    [
      meeting("held", 1, "01-12", { status: "closed" }),
      meeting("announced", 2, "02-05", { announcedAt: now }),
      meeting("gone", 3, "02-20", { status: "cancelled" }),
      meeting("later", 4, "03-12"),
      meeting("new", 5, "02-03"),
    ],
    now,
  );
  assert.deepEqual(changes, [
    { id: "new", from: 5, to: 4 },
    { id: "later", from: 4, to: 5 },
  ]);
});

test("numbers already in time order change nothing", () => {
  assert.deepEqual(numbersInTimeOrder([meeting("a", 1, "02-15"), meeting("b", 2, "03-01")], now), []);
});
