import assert from "node:assert/strict";
import { DateTime, IANAZone } from "luxon";
import { describe, test } from "vitest";
import { zoneOf } from "../../src/domain/time/zone-offsets.ts";

const HOUR = 3_600_000;
/** Zones with whole-hour, half-hour (Lord Howe's DST is 30 minutes), 45-minute and southern-hemisphere changes, and historical odd offsets. */
const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/St_Johns",
  "Africa/Casablanca",
];

describe("zoneOf: remembered offsets", () => {
  test("gives luxon's own offset at every instant, across clock changes and at odd seconds", { timeout: 300_000 }, () => {
    for (const name of ZONES) {
      const plain = IANAZone.create(name);
      const remembering = zoneOf(name);
      assert.notEqual(typeof remembering, "string", name);
      const zone = remembering as IANAZone;
      // Every 29 minutes and 13.5 seconds through 2026–2027 (both directions of each change), then around 1900 (LMT offsets in seconds).
      for (const [from, to] of [
        [Date.UTC(2026, 0, 1), Date.UTC(2028, 0, 1)],
        [Date.UTC(1880, 0, 1), Date.UTC(1925, 0, 1)],
      ] as const) {
        const step = from < 0 ? 11 * HOUR + 13_500 : 1_753_500;
        for (let ts = from; ts < to; ts += step)
          assert.equal(zone.offset(ts), plain.offset(ts), `${name} at ${new Date(ts).toISOString()}`);
      }
    }
  });

  test("a DateTime built with it reads the same wall clock and zone name as one built with the name", () => {
    const at = Date.UTC(2027, 2, 28, 0, 59, 59, 999); // a second before London's clocks go forward
    for (const ms of [at, at + 1, at + HOUR]) {
      const a = DateTime.fromMillis(ms, { zone: "Europe/London" });
      const b = DateTime.fromMillis(ms, { zone: zoneOf("Europe/London") });
      assert.equal(b.toISO(), a.toISO());
      assert.equal(b.zoneName, a.zoneName);
      assert.equal(b.set({ hour: 1, minute: 30 }).toISO(), a.set({ hour: 1, minute: 30 }).toISO());
    }
  });

  test("names luxon reads itself, and unknown names, are given back unchanged", () => {
    for (const name of ["UTC", "utc", "GMT", "local", "UTC+3", "Not/AZone"]) assert.equal(zoneOf(name), name);
    assert.equal(DateTime.fromMillis(0, { zone: zoneOf("Not/AZone") }).isValid, false);
  });
});
