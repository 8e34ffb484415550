import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("a member's entries are theirs: advisors read them only while shared, other members never", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/log problem text:"My manager overrides my rota"\n/log action text:"Ask for a weekly slot with her"`,
    );
  });
  afterAll(() => h.close());

  test("an advisor cannot read entries before the member shares", async () => {
    const out = await say("as Sam\n/log list member:@Ana");
    assert.match(out, /Ana has not shared their log/);
    assert.doesNotMatch(out, /overrides my rota/);
  });

  test("after /log share on the advisor reads them; after /log share off no longer", async () => {
    await h.run("as Ana\n/log share on");
    assert.match(await say("as Sam\n/log list member:@Ana"), /#1 .* problem \(Problem 1\): My manager overrides my rota/);
    await h.run("as Ana\n/log share off");
    const out = await say("as Sam\n/log list member:@Ana");
    assert.match(out, /Ana has not shared their log/);
    assert.doesNotMatch(out, /overrides my rota/);
  });

  test("another member can never read, edit or delete them, shared or not", async () => {
    await h.run("as Ana\n/log share on");
    const before = await h.snapshot();
    assert.match(await say("as Ben\n/log list member:@Ana"), /You can only read your own entries/);
    assert.match(await say("as Ben\n/log edit entry:1 text:changed"), /You have no entry #1/);
    assert.match(await say("as Ben\n/log delete entry:1"), /You have no entry #1/);
    assert.match(await say("/log delete entry:1 confirm:yes"), /You have no entry #1/);
    assert.match(await say("as Ben\n/action done action:2"), /You have no action #2/);
    assert.deepEqual(await h.snapshot(), before);
    assert.match(await say("as Ana\n/log list"), /#1 .* problem \(Problem 1\): My manager overrides my rota/);
  });

  test("the member edits and deletes their own entries by number", async () => {
    assert.match(
      await say('as Ana\n/log edit entry:1 text:"My manager overrides the rota I agree with the team"'),
      /Entry #1 \(problem\) updated/,
    );
    assert.match(await say("/log list"), /#1 .* problem \(Problem 1\): My manager overrides the rota I agree with the team \(edited\)/);
    assert.match(
      await say("/log delete entry:2"),
      /Delete this entry\? It cannot be undone\.\n {2}#2 .* · action: Ask for a weekly slot with her/,
    );
    assert.equal(await h.db.action.count(), 1, "asking deletes nothing");
    assert.match(await say("/log delete entry:2 confirm:yes"), /Entry #2 deleted: the action "Ask for a weekly slot with her"\./);
    assert.equal(await h.db.action.count(), 0);
  });

  test("entry text over the limit is refused with the limit named, and nothing is written", async () => {
    const before = await h.snapshot();
    assert.match(
      await say(`as Ana\n/log reflect text:"${"x".repeat(2001)}"`),
      /Option text: "x{37}…" is not valid \(at most 2000 characters; this has 2001\)/,
    );
    assert.deepEqual(await h.snapshot(), before);
  });
});
