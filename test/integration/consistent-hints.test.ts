import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";

/** Issue 12, item 16: hints suggest commands that are accepted, limits are stated alike, counts agree with their nouns. */
describe("hints and limits that agree with each other", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  /** The /commands a reply suggests, as written in it. */
  const suggested = (reply: string) => [...reply.matchAll(/\/meeting list count:\d+/g)].map((m) => m[0]);
  beforeAll(async () => {
    h = await createHarness();
    await h.run('as Sam\n/set create name:"Base set"\n/set add member:@Ana\n/set add member:@Ben\nas Ana');
  });
  afterAll(() => h.close());

  test("a single meeting, a single entry: the nouns agree", async () => {
    assert.match(await say('/meeting schedule when:"2027-01-06 09:00" every:weekly count:1'), /Ana scheduled 1 meeting, every week/);
    await h.run("/log reflect text:one");
    assert.match(await say("/log list"), /Your latest entry:\n/);
    assert.match(await say("/meeting calendar"), /Calendar of 1 meeting of "Base set"/);
  });

  test("…and N more suggests a count that /meeting list accepts, below the limit and above it", async () => {
    await h.run('/meeting schedule when:"2027-01-07 09:00" every:weekly count:9');
    const few = await say("/meeting list");
    assert.match(few, /…and 4 more \(\/meeting list count:10\)/);
    for (const line of suggested(few)) assert.match(await say(line), /^\[#set → Ana\] Upcoming meetings:/, `${line} is accepted`);

    await h.run('/meeting schedule when:"2027-01-08 09:00" every:weekly count:24');
    const many = await say("/meeting list");
    assert.match(many, /…and 28 more: \/meeting list count:24 shows 24 at once, and \/meeting calendar has them all\./);
    assert.ok(suggested(many).length > 0);
    for (const line of suggested(many)) {
      const out = await say(line);
      assert.match(out, /^\[#set → Ana\] Upcoming meetings:/, `${line} is accepted: ${out.slice(0, 120)}`);
      assert.equal(out.match(/^ {2}Meeting \d+ ·/gm)?.length, 24);
    }
  });

  test("snooze: 365d and 366d are refused alike, with the limit in days", async () => {
    const before = await h.snapshot();
    for (const d of ["365d", "366d", "1000d"]) {
      assert.match(await say(`/nudge snooze for:${d}`), new RegExp(`Option for: "${d}" is not valid \\(at most 60 days\\)`));
    }
    assert.match(await say("/nudge snooze for:5m"), /at least 10 minutes/);
    assert.match(await say('/meeting schedule when:"2027-06-01 10:00" duration:9h'), /at most 8 hours/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("/rotation slot that leaves room for nobody is refused, saying what one presenter needs", async () => {
    const before = await h.snapshot();
    const out = await say("as Sam\n/rotation slot minutes:90 allowance:60");
    assert.match(out, /One presenter needs 150 minutes \(90 for the slot and 60 for opening and closing\), but meeting \d+ is 2h long/);
    assert.match(out, /e\.g\. minutes:60 allowance:60/);
    assert.deepEqual(await h.snapshot(), before);
    assert.match(await say("/rotation slot minutes:60 allowance:60"), /has room for 1 presenter\./);
  });
});
