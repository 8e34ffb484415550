import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { wantsProfileZone, zoneInUse } from "../../src/domain/time/zone-source.ts";

const DEFAULT = "Europe/London";

describe("which zone a person's dates and reminders use", () => {
  test("someone new takes their profile's zone, or the default when the profile gives none or an unknown one", () => {
    assert.deepEqual(zoneInUse(null, "America/New_York", DEFAULT), { timeZone: "America/New_York", source: "profile", changed: true });
    assert.deepEqual(zoneInUse(null, undefined, DEFAULT), { timeZone: DEFAULT, source: "default", changed: true });
    assert.deepEqual(zoneInUse(null, "Mars/Olympus", DEFAULT), { timeZone: DEFAULT, source: "default", changed: true });
  });

  test("a zone still the default gives way to the profile's; one from a profile follows the profile", () => {
    const still = { timeZone: DEFAULT, timeZoneSource: "default" as const };
    assert.deepEqual(zoneInUse(still, "Asia/Tokyo", DEFAULT), { timeZone: "Asia/Tokyo", source: "profile", changed: true });
    assert.deepEqual(zoneInUse(still, undefined, DEFAULT), { timeZone: DEFAULT, source: "default", changed: false });
    const profiled = { timeZone: "Asia/Tokyo", timeZoneSource: "profile" as const };
    assert.deepEqual(zoneInUse(profiled, "Asia/Tokyo", DEFAULT), { timeZone: "Asia/Tokyo", source: "profile", changed: false });
    assert.equal(zoneInUse(profiled, "Asia/Seoul", DEFAULT).timeZone, "Asia/Seoul");
  });

  test("a zone the person set always wins, and so does one stored before sources were recorded", () => {
    const own = { timeZone: "Asia/Kolkata", timeZoneSource: "person" as const };
    assert.deepEqual(zoneInUse(own, "Asia/Tokyo", DEFAULT), { timeZone: "Asia/Kolkata", source: "person", changed: false });
    const older = { timeZone: "America/Lima", timeZoneSource: null };
    assert.deepEqual(zoneInUse(older, "Asia/Tokyo", DEFAULT), { timeZone: "America/Lima", source: null, changed: false });
  });

  test("the profile is worth reading only for someone new or still on the default", () => {
    assert.equal(wantsProfileZone(null), true);
    assert.equal(wantsProfileZone({ timeZone: DEFAULT, timeZoneSource: "default" }), true);
    for (const source of ["profile", "person", null] as const)
      assert.equal(wantsProfileZone({ timeZone: DEFAULT, timeZoneSource: source }), false);
  });
});
