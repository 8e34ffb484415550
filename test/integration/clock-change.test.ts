import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";

/** Issue 12, item 15: a time inside a clock change is not moved silently; readers see their zone's abbreviation. */
describe("clock changes and zone names in replies", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run('as Sam\n/set create name:"Base set"\n/set add member:@Ana\n/set add member:@Ben');
  });
  afterAll(() => h.close());

  test("a meeting at 01:30 on the night the clocks go forward: the reply says it is taken as 02:30 BST", async () => {
    const out = await say('as Ana\n/meeting schedule when:"2027-03-28 01:30"');
    assert.match(out, /Meeting 1 · Sun 28 Mar 2027, 02:30 BST/);
    assert.match(out, /Note: 01:30 on Sun 28 Mar 2027 does not exist in Europe\/London .*taken as 02:30 BST\./);
  });

  test("moving a meeting into the hour that happens twice says which one", async () => {
    const out = await say('/meeting move meeting:1 when:"2027-10-31 01:30"');
    assert.match(out, /Note: 01:30 on Sun 31 Oct 2027 happens twice in Europe\/London .*the second, 01:30 GMT\./);
  });

  test("a time that is no clock change has no note", async () => {
    assert.doesNotMatch(await say('/meeting schedule when:"2027-04-06 10:00"'), /Note:/);
  });

  test("a New York reader sees EST or EDT, a Berlin reader CET or CEST, not GMT-5", async () => {
    await h.run("as Ben\n/nudge settings tz:America/New_York");
    const ny = await say("/meeting list");
    assert.match(ny, /Meeting 1 · Tue 6 Apr 2027, 05:00 EDT/);
    assert.match(ny, /Meeting 2 · Sat 30 Oct 2027, 21:30 EDT/);
    assert.doesNotMatch(ny, /GMT-\d/);
    await h.run("/nudge settings tz:Europe/Berlin");
    assert.match(await say("/meeting list"), /Meeting 1 · Tue 6 Apr 2027, 11:00 CEST[\s\S]*Meeting 2 · Sun 31 Oct 2027, 02:30 CET/);
  });
});
