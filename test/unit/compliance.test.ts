import assert from "node:assert/strict";
import { test } from "vitest";
import { programmeWarnings, SET_SIZE, setSizeWarnings } from "../../src/domain/set/compliance.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";

const day = (iso: string, zone = "Europe/London") => calendarDate(iso, zone);

test("set size limits are 4, 6 recommended, 8", () => {
  assert.deepEqual(SET_SIZE, { min: 4, recommendedMax: 6, max: 8 });
});

test("a set of 3 is non-compliant: ILM requires at least 4", () => {
  const w = setSizeWarnings(3);
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "set-too-small");
  assert.equal(w[0]!.severity, "non-compliant");
  assert.equal(w[0]!.message, "The set has 3 members: ILM requires at least 4 (4–6 recommended).");
});

test("sets of 4 to 6 have no warnings", () => {
  assert.deepEqual(setSizeWarnings(4), []);
  assert.deepEqual(setSizeWarnings(5), []);
  assert.deepEqual(setSizeWarnings(6), []);
});

test("sets of 7 and 8 are allowed only if unavoidable: a warning", () => {
  for (const n of [7, 8]) {
    const w = setSizeWarnings(n);
    assert.equal(w.length, 1);
    assert.equal(w[0]!.code, "set-large");
    assert.equal(w[0]!.severity, "warning");
    assert.match(w[0]!.message, new RegExp(`^The set has ${n} members: .*4–6.*7–8 only if unavoidable`));
  }
});

test("a set of 9 is non-compliant: ILM allows at most 8", () => {
  const w = setSizeWarnings(9);
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "set-too-large");
  assert.equal(w[0]!.severity, "non-compliant");
  assert.equal(w[0]!.message, "The set has 9 members: ILM allows at most 8 (4–6 recommended).");
});

test("a set of 1 says 'member', not 'members'", () => {
  assert.match(setSizeWarnings(1)[0]!.message, /^The set has 1 member:/);
});

test("a programme one day short of 6 months is too short (the last day counts)", () => {
  const w = programmeWarnings(day("2027-01-15"), day("2027-07-13"));
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "programme-too-short");
  assert.equal(w[0]!.severity, "non-compliant");
  assert.equal(
    w[0]!.message,
    "The programme runs 5 months and 29 days (2027-01-15 to 2027-07-13): ILM M3.37 requires at least 6 months, so its last day should be 2027-07-14 or later.",
  );
});

test("a programme of 5 months and 30 days is too short", () => {
  const w = programmeWarnings(day("2027-02-15"), day("2027-08-13"));
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "programme-too-short");
  assert.match(w[0]!.message, /runs 5 months and 30 days \(2027-02-15 to 2027-08-13\)/);
});

test("a programme of exactly 6 calendar months is compliant", () => {
  assert.deepEqual(programmeWarnings(day("2027-01-15"), day("2027-07-14")), []);
  // only the days count: the zones they were read in do not
  assert.deepEqual(programmeWarnings(day("2027-01-15", "Pacific/Auckland"), day("2027-07-14", "America/New_York")), []);
});

test("a programme of exactly 12 calendar months is compliant", () => {
  assert.deepEqual(programmeWarnings(day("2027-01-15"), day("2028-01-14")), []);
});

test("a programme of 12 months and 1 day is too long", () => {
  const w = programmeWarnings(day("2027-01-15"), day("2028-01-15"));
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "programme-too-long");
  assert.equal(w[0]!.severity, "non-compliant");
  assert.match(w[0]!.message, /12 months and 1 day \(2027-01-15 to 2028-01-15\)/);
  assert.match(w[0]!.message, /last day should be 2028-01-14 or earlier/);
});

test("month ends clamp: 31 August + 6 months is the end of February", () => {
  assert.deepEqual(programmeWarnings(day("2027-08-31"), day("2028-02-28")), []);
  assert.equal(programmeWarnings(day("2027-08-31"), day("2028-02-27"))[0]!.code, "programme-too-short");
});

test("no programme set is one info", () => {
  const w = programmeWarnings(null, null);
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "programme-unset");
  assert.equal(w[0]!.severity, "info");
  assert.match(w[0]!.message, /No programme period is set/);
});

test("a start without an end is one info suggesting the compliant end dates", () => {
  const w = programmeWarnings(day("2027-01-15"), null);
  assert.equal(w.length, 1);
  assert.equal(w[0]!.code, "programme-unset");
  assert.equal(w[0]!.severity, "info");
  assert.match(w[0]!.message, /between 2027-07-14 and 2028-01-14/);
});

test("an end before the start is too short", () => {
  assert.equal(programmeWarnings(day("2027-07-15"), day("2027-01-15"))[0]!.code, "programme-too-short");
});
