import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { suggest } from "../../src/app/suggest.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Issue 12, item 14: an action is shown everywhere as "action #N", N being the number `action:` takes. */
describe("action numbers: shown as the number action: accepts; a wrong one lists the right ones", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:2\n/log problem text:"Two leads will not share the rota"`,
    );
  });
  afterAll(() => h.close());

  test("recording an action names it action #2 (the problem is entry #1) and how to close it", async () => {
    const out = await say('/log action text:"Call both leads"');
    assert.match(out, /Action recorded as action #2 \(meeting 1\)\..*\/action done action:2\./);
  });

  test("/action list shows action #2", async () => {
    assert.match(await say("/action list"), /Open:\n\s+action #2: Call both leads \(agreed at meeting 1\)/);
  });

  test("action:1 is refused with the open actions and their numbers", async () => {
    const before = await h.snapshot();
    assert.match(
      await say("/action done action:1"),
      /You have no action #1\. Your open actions: action #2 "Call both leads"\. Give its number, e\.g\. action:2\./,
    );
    assert.match(
      await say('/log outcome text:"Called them" action:1'),
      /Option action: you have no action #1\. Your open actions: action #2 "Call both leads"/,
    );
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a member with no actions is told so", async () => {
    assert.match(await say("as Ben\n/action done action:2"), /You have no action #2, and no open actions: record one with \/log action/);
  });

  test("Discord's autocomplete offers action #2", async () => {
    const choices = await suggest(h.deps, { platform: "console", workspaceId: "local", channelId: "set", userId: "Ana" }, "actions", "");
    assert.deepEqual(choices, [{ name: 'action #2 "Call both leads"', value: 2 }]);
  });

  test("reminders name action #2, and action:2 closes it", async () => {
    const dms = await say("clock 2027-01-12T12:05Z\nas Ana\n/meeting close\nclock 2027-02-09T10:00Z");
    assert.match(
      dms,
      /\[DM Ana\] Halfway to meeting 2: how are your actions going\? action #2 "Call both leads"\. .*\/action done action:N/,
    );
    // One action asked about: its effectiveness is one press away.
    assert.match(dms, /\[button effective-very-2: Very effective\]\n {2}\[button effective-somewhat-2: Somewhat effective\]/);
    assert.match(dms, /\[button effective-not-2: Not effective\]/);
    assert.match(await say("as Ana\n/action done action:2"), /Action #2 marked done/);
  });
});
