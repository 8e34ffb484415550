import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { MAX_UPCOMING_MEETINGS } from "../../src/domain/set/meeting-limits.ts";
import { BASE, createHarness, type Harness, replies } from "../support/harness.ts";

/** The set from issue 12: an advisor, five members, a programme and seven monthly meetings. */

const SORRY = /something went wrong/;

describe("one limit on the meetings a set has ahead of it", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(BASE);
  });
  afterAll(() => h.close());

  test("until: cannot get past the limit that count: has: ten long series are each refused, saying the limit", async () => {
    const before = await h.snapshot();
    for (const hour of ["08", "09", "10", "11", "12", "13", "14", "15", "16", "17"]) {
      const out = await say(`/meeting schedule when:"2027-01-06 ${hour}:00" every:weekly until:2030-01-01`);
      assert.match(out, /^\[#set → Ana\] A set can have at most 52 meetings ahead of it; this set has 7, so 45 more fit\./);
      assert.match(out, /This series would add more than 52: give a smaller count: or an earlier until:, e.g\. count:45\./);
    }
    assert.deepEqual(await h.snapshot(), before);
    assert.match(await say("/meeting next"), /Meeting 1 · Tue 12 Jan 2027, 10:00 GMT/);
  });

  test("count: is held to the same limit, counting the meetings already ahead", async () => {
    const out = await say('/meeting schedule when:"2027-01-06 08:00" every:weekly count:46');
    assert.match(out, /at most 52 meetings ahead of it; this set has 7, so 45 more fit\. This series would add 46: .*count:45\./);
    assert.match(await say(`/meeting schedule when:"2027-01-06 08:00" every:weekly count:${MAX_UPCOMING_MEETINGS + 1}`), /at most 52/);
  });

  test("a series that fits is scheduled in full, and then a single meeting more is refused", async () => {
    assert.match(await say('/meeting schedule when:"2027-01-06 08:00" every:weekly until:2027-11-10'), /scheduled 45 meetings/);
    const before = await h.snapshot();
    assert.match(
      await say('/meeting schedule when:"2028-01-06 08:00"'),
      /A set can have at most 52 meetings ahead of it, and this set has 52\. Cancel one first \(\/meeting cancel meeting:N\)/,
    );
    assert.deepEqual(await h.snapshot(), before);
    assert.equal(await h.db.meeting.count({ where: { status: "scheduled" } }), 52);
  });
});

describe("a set with a long history still works: no query's parameters grow with its meetings", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(BASE);
    // 1,200 meetings held before the programme (as years of a set's history would leave), Ana at each.
    const set = await h.db.learningSet.findFirstOrThrow();
    const ana = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    const first = Date.parse("2003-01-01T10:00:00Z");
    for (let chunk = 0; chunk < 12; chunk++) {
      const numbers = Array.from({ length: 100 }, (_, i) => 1000 + chunk * 100 + i);
      await h.db.meeting.createMany({
        data: numbers.map((number) => ({
          setId: set.id,
          number,
          startsAt: new Date(first + (number - 1000) * 7 * 86_400_000),
          durationMinutes: 120,
          status: "closed",
          createdById: ana.id,
        })),
      });
      const held = await h.db.meeting.findMany({ where: { setId: set.id, number: { gte: numbers[0]!, lte: numbers.at(-1)! } } });
      await h.db.attendance.createMany({ data: held.map((m) => ({ meetingId: m.id, personId: ana.id })) });
    }
  });
  afterAll(() => h.close());

  test("views, changes, the draft, the export and the records all answer", async () => {
    for (const line of ["/meeting next", "/set info", "/meeting list", "/rotation show", "/log draft", "/log export", "/action list"]) {
      const out = await say(`as Ana\n${line}`);
      assert.doesNotMatch(out, SORRY, `${line}: ${out}`);
    }
    assert.match(await say("as Ana\n/meeting cancel meeting:7"), /Ana cancelled meeting 7/);
    assert.doesNotMatch(await say("as Sam\n/records"), SORRY);
    assert.match(await say("clock 2027-01-12T12:05Z\nas Dev\n/meeting close"), /Meeting 1 closed by Dev/);
  });
});
