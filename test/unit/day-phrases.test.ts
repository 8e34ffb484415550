import assert from "node:assert/strict";
import { test } from "vitest";
import { parseDay } from "../../src/domain/time/day.ts";
import { parseWhen } from "../../src/domain/time/when.ts";

const on = (iso: string) => ({ now: new Date(iso), timeZone: "Europe/London" });

test("dates people write are read, counted forward from today", () => {
  const opts = on("2027-04-04T09:00:00Z");
  const cases: [string, string][] = [
    ["end of feb", "2028-02-29"],
    ["end of october", "2027-10-31"],
    ["christmas", "2027-12-25"],
    ["xmas", "2027-12-25"],
    ["christmas eve", "2027-12-24"],
    ["mid march", "2028-03-15"],
    ["mid-may", "2027-05-15"],
    ["next month", "2027-05-04"],
    ["in 2 weeks", "2027-04-18"],
    ["eom", "2027-04-30"],
    ["end of the month", "2027-04-30"],
  ];
  for (const [text, date] of cases) {
    const day = parseDay(text, opts);
    assert.deepEqual(day.ok ? day.value.date : day.message, date, text);
  }
  const when = parseWhen("christmas 10am", opts);
  assert.deepEqual(when.ok ? when.value.toISOString() : when.message, "2027-12-25T10:00:00.000Z");
});

test("a refusal's example dates are in the right year", () => {
  const opts = on("2029-06-10T09:00:00Z");
  const day = parseDay("the blue moon", opts);
  assert.ok(!day.ok && day.message.includes('"2029-07-01"') && !/2027/.test(day.message), JSON.stringify(day));
  for (const text of ["the blue moon", "next tuesday", "1/2/2029 10:00"]) {
    const when = parseWhen(text, opts);
    assert.ok(!when.ok && /2029-07-01/.test(when.message) && !/2027/.test(when.message), `${text}: ${JSON.stringify(when)}`);
  }
});
