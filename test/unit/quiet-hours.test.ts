import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { test } from "vitest";
import { DEFAULT_QUIET_HOURS, outOfQuietHours, quietHoursOf } from "../../src/domain/reminders/quiet-hours.ts";

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

test("a time is moved exactly when its wall clock in the person's zone is quiet, across clock changes and odd offsets", () => {
  const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC", "Not/AZone"];
  const hours = [
    { start: "21:00", end: "08:00" },
    { start: "00:30", end: "06:45" },
  ];
  // Every 7 minutes over two days around each of London's and Lord Howe's clock changes of 2027.
  const starts = ["2027-03-27T12:00:00Z", "2027-10-30T12:00:00Z", "2027-04-03T12:00:00Z", "2027-10-02T12:00:00Z"];
  let moved = 0;
  for (const timeZone of zones)
    for (const quiet of hours)
      for (const from of starts)
        for (let t = Date.parse(from); t < Date.parse(from) + 2 * 86_400_000; t += 7 * 60_000) {
          const local = DateTime.fromMillis(t, { zone: timeZone });
          const minute = local.hour * 60 + local.minute;
          const [s, e] = [quiet.start, quiet.end].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)));
          const isQuiet = local.isValid && (s! < e! ? s! <= minute && minute < e! : minute >= s! || minute < e!);
          const out = outOfQuietHours(new Date(t), { timeZone, quiet }).getTime();
          assert.equal(out !== t, isQuiet, `${timeZone} ${quiet.start}-${quiet.end} at ${new Date(t).toISOString()}`);
          if (isQuiet) moved++;
        }
  assert.ok(moved > 1000);
});
