import assert from "node:assert/strict";
import { test } from "vitest";
import type { Parsed } from "../../src/domain/text/parse-result.ts";
import { formatDuration, parseDuration, parseTimeZone, parseWhen } from "../../src/domain/time/when.ts";
import { zoneAbbreviation } from "../../src/domain/time/zone-abbreviation.ts";

const NOW = new Date("2027-03-24T12:00:00Z"); // a Wednesday; London is still on GMT, New York on EDT
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const KOLKATA = "Asia/Kolkata";

function ok<T>(r: Parsed<T>): T {
  if (!r.ok) assert.fail(`expected ok, got: ${r.message}`);
  return r.value;
}
function iso(text: string, timeZone: string, now = NOW): string {
  return ok(parseWhen(text, { now, timeZone })).toISOString();
}
function message<T>(r: Parsed<T>): string {
  if (r.ok) assert.fail(`expected invalid, got ${JSON.stringify(r.value)}`);
  return r.message;
}

test("parseWhen: next tuesday 10am in three zones (London moves to BST on 28 March 2027)", () => {
  assert.equal(iso("next tuesday 10am", LONDON), "2027-03-30T09:00:00.000Z");
  assert.equal(iso("next tuesday 10am", NEW_YORK), "2027-03-30T14:00:00.000Z");
  assert.equal(iso("next tuesday 10am", KOLKATA), "2027-03-30T04:30:00.000Z");
});

test("parseWhen: absolute dates are wall-clock times in the actor's zone", () => {
  assert.equal(iso("2027-01-12 14:00", LONDON), "2027-01-12T14:00:00.000Z");
  assert.equal(iso("2027-01-12 14:00", NEW_YORK), "2027-01-12T19:00:00.000Z");
  assert.equal(iso("2027-01-12 14:00", KOLKATA), "2027-01-12T08:30:00.000Z");
  assert.equal(iso("12 Jan 2027 10:00", LONDON), "2027-01-12T10:00:00.000Z");
  assert.equal(iso("12 Jan 2027 10:00", NEW_YORK), "2027-01-12T15:00:00.000Z");
  assert.equal(iso("12 Jan 2027 10:00", KOLKATA), "2027-01-12T04:30:00.000Z");
  assert.equal(iso("2027-07-01 10:00", LONDON), "2027-07-01T09:00:00.000Z");
});

test("parseWhen: tomorrow, today, bare times and weekdays", () => {
  assert.equal(iso("tomorrow at 9:30", LONDON), "2027-03-25T09:30:00.000Z");
  assert.equal(iso("tomorrow at 9:30", NEW_YORK), "2027-03-25T13:30:00.000Z");
  assert.equal(iso("tomorrow at 9:30", KOLKATA), "2027-03-25T04:00:00.000Z");
  assert.equal(iso("today 4pm", LONDON), "2027-03-24T16:00:00.000Z");
  // 10am has passed in London (12:00) → tomorrow; not yet in New York (08:00 EDT) → today.
  assert.equal(iso("10am", LONDON), "2027-03-25T10:00:00.000Z");
  assert.equal(iso("10am", NEW_YORK), "2027-03-24T14:00:00.000Z");
  // a bare weekday is the coming one, never the past one
  assert.equal(iso("monday 10:00", LONDON), "2027-03-29T09:00:00.000Z");
  assert.equal(iso("tue 10:00", LONDON), "2027-03-30T09:00:00.000Z");
  assert.equal(iso("friday 2pm", KOLKATA), "2027-03-26T08:30:00.000Z");
});

test("parseWhen: DST change in between — the wall-clock time is kept", () => {
  const sat = new Date("2027-03-27T12:00:00Z"); // London changes at 01:00 UTC on Sunday 28 March
  assert.equal(iso("tomorrow 10am", LONDON, sat), "2027-03-28T09:00:00.000Z");
  assert.equal(iso("in 2 days", LONDON, sat), "2027-03-29T11:00:00.000Z"); // 12:00 GMT → 12:00 BST
  assert.equal(iso("in 3 hours", LONDON, sat), "2027-03-27T15:00:00.000Z");
  const nyAutumn = new Date("2027-11-06T16:00:00Z"); // New York back to EST on Sunday 7 November
  assert.equal(iso("tomorrow 10am", NEW_YORK, nyAutumn), "2027-11-07T15:00:00.000Z");
  assert.equal(iso("next monday 9am", NEW_YORK, nyAutumn), "2027-11-08T14:00:00.000Z");
});

test("parseWhen: relative phrases", () => {
  // "in 3 days" keeps the time of day of now in the actor's zone
  assert.equal(iso("in 3 days", LONDON), "2027-03-27T12:00:00.000Z");
  assert.equal(iso("in 3 days", KOLKATA), "2027-03-27T12:00:00.000Z");
  assert.equal(iso("in 3 hours", NEW_YORK), "2027-03-24T15:00:00.000Z");
  assert.equal(iso("now", KOLKATA), NOW.toISOString());
  assert.equal(iso("in 2 hours", LONDON, new Date("2027-03-24T12:00:42.500Z")), "2027-03-24T14:00:00.000Z");
});

test("parseWhen: an explicit zone or offset in the text is honoured", () => {
  for (const tz of [LONDON, NEW_YORK, KOLKATA]) {
    assert.equal(iso("2027-01-12T14:00Z", tz), "2027-01-12T14:00:00.000Z");
    assert.equal(iso("2027-01-12 14:00 +0100", tz), "2027-01-12T13:00:00.000Z");
    assert.equal(iso("10am EST", tz), "2027-03-24T15:00:00.000Z"); // 10am EST today has not passed yet
    assert.equal(iso("next tuesday 10:00 +0530", tz), "2027-03-30T04:30:00.000Z");
    assert.equal(iso("tuesday 10am PST", tz), "2027-03-30T18:00:00.000Z");
  }
});

test("parseWhen: past dates are not rejected (the caller decides)", () => {
  assert.equal(iso("2026-01-05 09:00", LONDON), "2026-01-05T09:00:00.000Z");
});

test("parseWhen: same answers whatever the machine's TZ is", () => {
  const phrases = [
    "next tuesday 10am",
    "tomorrow 10am",
    "in 2 days",
    "in 3 hours",
    "10am",
    "sunday 9am",
    "2027-03-28 10:00",
    "10am EST",
    "tuesday 10am PST",
    "jan 12 10am",
  ];
  const nows = [
    new Date("2027-03-27T12:00:00Z"),
    new Date("2027-03-13T22:00:00Z"),
    new Date("2027-10-30T23:30:00Z"),
    new Date("2027-11-06T20:00:00Z"),
  ];
  const answers = (): string[] =>
    nows.flatMap((now) =>
      [LONDON, NEW_YORK, KOLKATA].flatMap((timeZone) =>
        phrases.map((p) => {
          const r = parseWhen(p, { now, timeZone });
          return r.ok ? r.value.toISOString() : r.message;
        }),
      ),
    );
  const saved = process.env.TZ;
  try {
    process.env.TZ = "UTC";
    const expected = answers();
    for (const machine of [
      "America/Los_Angeles",
      "Australia/Sydney",
      "Europe/London",
      "Asia/Kolkata",
      "America/Sao_Paulo",
      "Pacific/Chatham",
    ]) {
      process.env.TZ = machine;
      assert.deepEqual(answers(), expected, `machine TZ ${machine}`);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test("parseWhen: bad input gives a specific message with an example", () => {
  const opts = { now: NOW, timeZone: LONDON };
  assert.match(message(parseWhen("next tuesday", opts)), /give a time too, e\.g\. "next tuesday 10am"/);
  assert.match(message(parseWhen("2027-01-12", opts)), /no time/);
  assert.match(message(parseWhen("blah", opts)), /couldn't read "blah".*next tuesday 10am/);
  assert.match(message(parseWhen("", opts)), /e\.g\./);
  assert.match(message(parseWhen("1/12/2027 10am", opts)), /ambiguous.*year-month-day/);
  assert.match(message(parseWhen("tuesday 10-11am", opts)), /range.*duration/);
  assert.match(message(parseWhen("friday 10am or monday 9am", opts)), /more than one date/);
  assert.match(message(parseWhen("next tuesday 10am please", opts)), /not "please"/);
  assert.match(message(parseWhen("2027-02-30 10:00", opts)), /couldn't read/);
  assert.match(message(parseWhen("tomorrow 10am", { now: NOW, timeZone: "Mars/Olympus" })), /time zone/);
});

test("parseWhen: unambiguous slash dates are accepted", () => {
  assert.equal(iso("13/1/2027 10am", LONDON), "2027-01-13T10:00:00.000Z");
  assert.equal(iso("5/5/2027 10am", LONDON), "2027-05-05T09:00:00.000Z");
});

test("parseDuration: accepted forms", () => {
  const cases: [string, number][] = [
    ["2h", 120],
    ["90m", 90],
    ["90min", 90],
    ["90 mins", 90],
    ["1h30m", 90],
    ["1h 30m", 90],
    ["1.5h", 90],
    ["90", 90],
    ["2 hours", 120],
    ["45 minutes", 45],
    ["1 hour and 15 minutes", 75],
    ["1:30", 90],
    ["2H", 120],
    [" 3 days ", 4320],
    ["1w", 10080],
  ];
  for (const [text, minutes] of cases) assert.equal(ok(parseDuration(text)), minutes, text);
});

test("parseDuration: rejects zero, negative, fractions of a minute and garbage", () => {
  assert.match(message(parseDuration("0")), /more than zero/);
  assert.match(message(parseDuration("0h")), /more than zero/);
  assert.match(message(parseDuration("-5m")), /negative/);
  assert.match(message(parseDuration("abc")), /couldn't read "abc".*"2h"/);
  assert.match(message(parseDuration("")), /e\.g\./);
  assert.match(message(parseDuration("1.51h")), /whole number of minutes/);
  assert.match(message(parseDuration("2 fortnights")), /couldn't read/);
  assert.match(message(parseDuration("2h 1h")), /same unit twice/);
  assert.match(message(parseDuration(`${"9".repeat(400)}d`)), /far too long/);
  assert.equal(ok(parseDuration("400 days")), 400 * 24 * 60, "the limit is each option's, not the parser's");
});

test("formatDuration", () => {
  assert.equal(formatDuration(120), "2h");
  assert.equal(formatDuration(90), "1h 30m");
  assert.equal(formatDuration(45), "45m");
  assert.equal(formatDuration(1500), "1d 1h");
  assert.equal(formatDuration(0), "0m");
  assert.equal(formatDuration(-5), "0m");
  for (const m of [1, 45, 60, 61, 150, 1440, 10000]) assert.equal(ok(parseDuration(formatDuration(m).replace(/ /g, ""))), m);
});

test("parseTimeZone: valid IANA names, canonical spelling", () => {
  assert.equal(ok(parseTimeZone("Europe/London")), "Europe/London");
  assert.equal(ok(parseTimeZone(" europe/london ")), "Europe/London");
  assert.equal(ok(parseTimeZone("america/new_york")), "America/New_York");
  assert.equal(ok(parseTimeZone("Asia/Kolkata")), "Asia/Kolkata");
  assert.equal(ok(parseTimeZone("asia/kolkata")), "Asia/Kolkata");
  assert.equal(ok(parseTimeZone("utc")), "UTC");
  assert.match(message(parseTimeZone("Mars/Olympus")), /not a known IANA time zone.*Europe\/London/);
  // Node 24's Intl takes UTC offsets as zones, Node 20's does not: refused on both.
  for (const offset of ["+05:30", "+0530", "-08", "\u221205:00"])
    assert.match(message(parseTimeZone(offset)), /not a known IANA time zone/);
  assert.equal(ok(parseTimeZone("Etc/GMT+5")), "Etc/GMT+5");
  assert.match(message(parseTimeZone("")), /e\.g\./);
});

test("parseWhen: a time inside a clock change is moved or chosen, and the result says so", () => {
  const gap = parseWhen("2027-03-28 01:30", { now: NOW, timeZone: LONDON });
  assert.ok(gap.ok);
  assert.equal(gap.value.toISOString(), "2027-03-28T01:30:00.000Z"); // 02:30 BST
  assert.equal(
    gap.note,
    "Note: 01:30 on Sun 28 Mar 2027 does not exist in Europe/London (the clocks go forward that night), so it is taken as 02:30 BST.",
  );
  const twice = parseWhen("2027-10-31 01:30", { now: NOW, timeZone: LONDON });
  assert.ok(twice.ok);
  assert.equal(twice.value.toISOString(), "2027-10-31T01:30:00.000Z"); // the second 01:30, in GMT
  assert.equal(
    twice.note,
    "Note: 01:30 on Sun 31 Oct 2027 happens twice in Europe/London (the clocks go back that night); it is taken as the second, 01:30 GMT.",
  );
  const ny = parseWhen("2027-03-14 02:15", { now: new Date("2027-03-01T12:00:00Z"), timeZone: NEW_YORK });
  assert.ok(ny.ok);
  assert.match(ny.note ?? "", /02:15 on Sun 14 Mar 2027 does not exist in America\/New_York .* taken as 03:15 EDT\./);
  for (const plain of ["2027-03-28 03:30", "2027-03-27 01:30", "tomorrow 10am"]) {
    const r = parseWhen(plain, { now: NOW, timeZone: LONDON });
    assert.ok(r.ok && r.note === undefined, `${plain} has no note`);
  }
});

test("zoneAbbreviation: the zone's usual abbreviation, or its GMT offset where it has none", () => {
  const winter = new Date("2027-01-15T12:00:00Z");
  const summer = new Date("2027-07-15T12:00:00Z");
  const names = (zone: string) => [zoneAbbreviation(winter, zone), zoneAbbreviation(summer, zone)];
  assert.deepEqual(names(LONDON), ["GMT", "BST"]);
  assert.deepEqual(names("Europe/Berlin"), ["CET", "CEST"]);
  assert.deepEqual(names(NEW_YORK), ["EST", "EDT"]);
  assert.deepEqual(names(KOLKATA), ["IST", "IST"]);
  assert.deepEqual(names("Asia/Tokyo"), ["GMT+9", "GMT+9"]);
  assert.deepEqual(names("UTC"), ["UTC", "UTC"]);
});

test("parseWhen: Lord Howe's repeated half hour is taken the second time, as in every other zone (docs/user-guide.md)", () => {
  const twice = parseWhen("2027-04-04 01:45", { now: NOW, timeZone: "Australia/Lord_Howe" });
  assert.ok(twice.ok);
  assert.equal(twice.value.toISOString(), "2027-04-03T15:15:00.000Z"); // 01:45 at +10:30, the later of the two
  assert.match(twice.note ?? "", /happens twice in Australia\/Lord_Howe .* it is taken as the second, 01:45 /);
});
