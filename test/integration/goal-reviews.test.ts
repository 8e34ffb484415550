import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";

/** Issue 21: in the programme's last month, one DM per goal not yet reviewed, then the closing reflection and the draft. */
describe("goal-review DMs: one per goal in the last month, none for a goal already reviewed", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      [
        "clock 2027-01-04T09:00Z",
        "as Sam",
        '/set create name:"Leading change"',
        "/set add member:@Ana",
        "/set add member:@Ben",
        "/set programme start:2027-01-11 end:2027-07-31",
        "as Ana",
        '/log goal text:"run my team meeting without jumping in, by june"',
        '/log goal text:"give feedback every week"',
      ].join("\n"),
    );
  });
  afterAll(() => h.close());

  test("Goal 1's DM names it in the member's words, with the command and a button for its review", async () => {
    const out = await say("clock 2027-07-03T09:05Z");
    assert.match(
      out,
      /\[DM Ana\] The programme of "Leading change" is in its last month: time to review Goal 1, "run my team meeting without jumping in, by june"\. How well did you meet it, how did you improve, what is your evidence .*\/log review goal:1 text:"…"/,
    );
    assert.match(out, /\[button goal-review-1: Review Goal 1\]/);
    assert.doesNotMatch(out, /\[DM Ben\] [^\n]*review Goal/, "Ben has no goals");
    assert.doesNotMatch(out, /Goal 2/, "one goal at a time");
  });

  test("a goal reviewed before its DM is not asked about; the closing DM follows with the draft", async () => {
    await h.run('as Ana\n/log review goal:2 text:"mostly did it, my team said so in the survey"');
    const out = await say("clock 2027-07-24T09:05Z");
    assert.doesNotMatch(out, /time to review Goal 2/);
    assert.match(out, /\[DM Ana\] The programme of "Leading change" is ending: .*closing reflection.*\/log details/);
    assert.equal(await h.db.outbox.count({ where: { kind: "goal-review" } }), 1);
  });
});
