import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";

/** Issue 12, item 11: until `as NAME` the console speaker is a user called "me", and the first reply says so. */
describe("the console says who you are until you say as NAME", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('the first command\'s reply, before any as line, names the user "me" and how to change it; only once', async () => {
    const out = await h.run('/set create name:"Mine"\n/set info');
    assert.equal(out[1], '[console] You are a user called "me" until you write as NAME (e.g. as Ana); each name is a new person.');
    assert.match(out[2]!, /Created the action learning set "Mine" in this channel\. me is its advisor\./);
    assert.equal(out.filter((l) => l.startsWith('[console] You are a user called "me"')).length, 1);
  });

  test("after an as line nothing is said about it", async () => {
    const other = await createHarness();
    try {
      const out = await other.run('as Sam\n/set create name:"Theirs"');
      assert.ok(!out.some((l) => l.startsWith("[console] You are")), out.join("\n"));
      assert.match(out.join("\n"), /Sam is its advisor/);
    } finally {
      await other.close();
    }
  });
});
