/**
 * `/set voice` where the set's meetings are not the platform's events (the console here, Slack likewise): it does not
 * apply, says so, and changes nothing. Its Discord behaviour is tested through discord.js in
 * test/adapters/discord-voice-events.test.ts.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";

describe("/set voice off Discord", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run('as Sam\n/set create name:"Leading change"\n/set add member:@Ana @Ben @Cleo @Dev');
  });
  afterEach(() => h.close());

  test("an advisor is told there are no voice channels here, whatever the options; nothing changes", async () => {
    const before = await h.snapshot();
    for (const line of ["/set voice", "/set voice clear:yes"]) {
      const out = replies(await h.run(line)).join("\n");
      assert.match(out, /^\[#set → Sam\] \/set voice is a Discord setting: .* This set's platform has no voice channels/, line);
    }
    const out = replies(await h.run("/set voice channel:#meeting-room")).join("\n");
    assert.match(out, /There are no voice channels here: a set's voice channel is a Discord setting/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a member is refused as for any advisors' command", async () => {
    const before = await h.snapshot();
    const out = replies(await h.run("as Ana\n/set voice clear:yes")).join("\n");
    assert.match(out, /advisor/i);
    assert.deepEqual(await h.snapshot(), before);
  });
});
