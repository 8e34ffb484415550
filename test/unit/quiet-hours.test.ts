import assert from "node:assert/strict";
import { test } from "vitest";
import { DEFAULT_QUIET_HOURS, quietHoursOf } from "../../src/domain/reminders/quiet-hours.ts";

test("someone who never chose quiet hours gets the default, 21:00 to 08:00", () => {
  assert.deepEqual(quietHoursOf({ quietStart: null, quietEnd: null }), { start: "21:00", end: "08:00" });
  assert.deepEqual(quietHoursOf({ quietStart: "22:00", quietEnd: null }), DEFAULT_QUIET_HOURS);
});

test("equal stored times mean no quiet hours; otherwise a person's own hours apply", () => {
  assert.equal(quietHoursOf({ quietStart: "00:00", quietEnd: "00:00" }), null);
  assert.deepEqual(quietHoursOf({ quietStart: "22:30", quietEnd: "07:00" }), { start: "22:30", end: "07:00" });
});

test("the default returned is a copy: changing it does not change the rule", () => {
  const hours = quietHoursOf({ quietStart: null, quietEnd: null })!;
  hours.start = "23:00";
  assert.equal(DEFAULT_QUIET_HOURS.start, "21:00");
});
