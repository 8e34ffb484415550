import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Issue 21: "which actions did you agree?" can be answered "none this time", which ends its follow-ups. */
describe("/action none: no actions agreed at a meeting ends its log-action reminders", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`clock 2027-01-04T09:00Z\n${FIVE_MEMBER_SET}\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:2`);
  });
  afterAll(() => h.close());

  test("the first ask carries a None this time button for the meeting", async () => {
    const out = await say("clock 2027-01-12T12:05Z\nas Sam\n/meeting close\nclock 2027-01-12T14:10Z");
    assert.match(out, /\[DM Dev\] Meeting 1 has closed\. Which actions did you agree with the set\?.*Press None this time/);
    assert.match(out, /\[button action-none-1: None this time\]/);
    // A presenter is asked for the problem first, with the same way out for the actions.
    assert.match(out, /\[DM Ben\] You presented at meeting 1[^[]*\[button log-problem[^[]*\[button log-action[^[]*\[button action-none-1/);
  });

  test("a meeting not held yet, or not attended, is refused and changes nothing", async () => {
    const before = await h.snapshot();
    assert.match(await say("as Ben\n/action none meeting:2"), /Meeting 2 has not been closed yet/);
    assert.match(await say("as Ben\n/action none meeting:9"), /There is no meeting 9/);
    assert.match(await say("as Sam\n/action none meeting:1"), /\S/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("pressing it stops Ben's follow-up; members who said nothing are followed up", async () => {
    assert.match(
      await say("as Ben\n/action none meeting:1"),
      /Noted: no actions agreed at meeting 1\. The reminders to record them stop\./,
    );
    const out = await say("clock 2027-01-13T12:10Z");
    assert.match(out, /\[DM Ana\] Following up: you have recorded no action from meeting 1/);
    assert.doesNotMatch(out, /\[DM Ben\] Following up/);
  });

  test("an action logged afterwards is still filed under the meeting", async () => {
    assert.match(await say('as Ben\n/log action meeting:1 text:"ask hr about the rota"'), /Action recorded as action #\d+ \(meeting 1\)/);
  });
});
